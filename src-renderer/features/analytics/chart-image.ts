/**
 * Draws the SVG chart inside `container` onto a canvas and returns it as a
 * PNG data URL, so a chart can be saved as the image people paste into
 * documents. The page's own fonts and colours are those of the SVG.
 */
export async function chartPng(container: HTMLElement): Promise<string> {
  // The chart is the largest SVG: legends draw their icons as small ones.
  const svg = [...container.querySelectorAll('svg')]
    .map((element) => ({ element, box: element.getBoundingClientRect() }))
    .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)[0];
  if (!svg) throw new Error('No chart to save');
  const { width, height } = svg.box;
  const copy = svg.element.cloneNode(true);
  if (!(copy instanceof SVGSVGElement)) throw new Error('No chart to save');
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const source = new XMLSerializer().serializeToString(copy);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();

  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Cannot draw the chart');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}
