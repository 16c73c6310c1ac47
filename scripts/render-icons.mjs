// `npm run icons`: renders resources/icon.svg into the bitmaps electron-builder
// packs (icon.png for macOS and the window, icon.ico for Windows, icons/ for
// Linux desktop entries). The bitmaps are committed so a build needs no
// renderer, and `--check` proves they still match the SVG: it renders again in
// memory and compares bytes (resvg and png-to-ico are deterministic), exiting
// 1 and naming every stale or missing file.
//
//   node scripts/render-icons.mjs [--check] [--source icon.svg] [--out resources]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Sizes of the Linux icon set (electron-builder reads them by their NxN names). */
export const linuxSizes = [16, 32, 48, 64, 128, 256, 512];
/** Sizes inside icon.ico: Windows picks among them for the taskbar, Explorer and the installer. */
export const icoSizes = [16, 24, 32, 48, 64, 128, 256];

function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Every icon file, by its path under the output folder. */
async function renderAll(svg) {
  const files = new Map();
  files.set('icon.png', renderPng(svg, 512));
  for (const size of linuxSizes) {
    files.set(`icons/${size}x${size}.png`, renderPng(svg, size));
  }
  // Each size rendered from the SVG, not scaled down from 256, so 16 px stays crisp.
  files.set('icon.ico', await pngToIco(icoSizes.map((size) => renderPng(svg, size))));
  return files;
}

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? path.resolve(process.argv[index + 1] ?? '') : fallback;
}

const isCheck = process.argv.includes('--check');
const source = option('--source', path.join(repoRoot, 'resources/icon.svg'));
const outDir = option('--out', path.join(repoRoot, 'resources'));

try {
  const files = await renderAll(fs.readFileSync(source));
  if (isCheck) {
    const stale = [...files].filter(([name, bytes]) => {
      const file = path.join(outDir, name);
      return !fs.existsSync(file) || !fs.readFileSync(file).equals(bytes);
    });
    if (stale.length > 0) {
      console.error(
        `Icons out of date with ${path.basename(source)}: ${stale.map(([name]) => name).join(', ')}. Run npm run icons.`,
      );
      process.exit(1);
    }
    console.log(`Icons match ${path.basename(source)} (${files.size} files).`);
  } else {
    for (const [name, bytes] of files) {
      const file = path.join(outDir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
    }
    console.log(
      `Rendered ${files.size} icon files into ${path.relative(repoRoot, outDir)}.`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
