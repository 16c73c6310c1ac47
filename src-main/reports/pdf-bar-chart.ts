import { COLOR, FONT, FONT_BOLD, SIZE, STAR_COLORS } from './pdf-style';

/** One bar: a provider's percentage, drawn to scale on a 0–100 axis. */
export interface ChartBar {
  /** As the table prints it: "2=". */
  rank: string;
  label: string;
  percent: number;
  stars: number;
  /** The percentage as the table prints it, written at the bar's end. */
  valueText: string;
}

/** What the chart needs besides its bars. */
export interface BarChartOptions {
  title: string;
  /** Draws what comes above the chart on a continuation page. */
  onPageBreak?: () => void;
}

const LABEL_WIDTH = 200;
const RANK_WIDTH = 14;
const GAP = 8;
const VALUE_WIDTH = 44;
const ROW_HEIGHT = 19;
const BAR_HEIGHT = 9;
const AXIS_HEIGHT = 14;
const TITLE_HEIGHT = 18;
const TICKS = [0, 20, 40, 60, 80, 100];

/**
 * A horizontal bar chart drawn with vectors: one row per provider, bar
 * length proportional to the percentage, grid lines at the 20-point star
 * band edges, bars coloured by stars. Rows that would cross the bottom
 * margin continue on a new page below a repeated axis.
 */
export function drawBarChart(
  doc: PDFKit.PDFDocument,
  bars: readonly ChartBar[],
  options: BarChartOptions,
): void {
  const left = doc.page.margins.left;
  const contentWidth = doc.page.width - left - doc.page.margins.right;
  const barLeft = left + LABEL_WIDTH + GAP;
  const barWidth = contentWidth - LABEL_WIDTH - GAP - VALUE_WIDTH;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const xOf = (percent: number) => barLeft + (barWidth * percent) / 100;

  const startSection = () => {
    doc.font(FONT_BOLD).fontSize(SIZE.body).fillColor(COLOR.text);
    doc.text(options.title, left, doc.y, { width: contentWidth });
    doc.y += 4;
    drawAxis(doc, xOf);
  };
  // A chart that fits on one page is kept whole; a longer one starts where
  // it is and continues.
  const height = TITLE_HEIGHT + AXIS_HEIGHT + bars.length * ROW_HEIGHT;
  const pageHeight = bottom() - doc.page.margins.top;
  const fitsHere = doc.y + height <= bottom();
  const roomForRows = doc.y + TITLE_HEIGHT + AXIS_HEIGHT + 3 * ROW_HEIGHT <= bottom();
  if (!fitsHere && (height <= pageHeight - 40 || !roomForRows)) {
    doc.addPage();
    options.onPageBreak?.();
  }
  startSection();

  for (const bar of bars) {
    if (doc.y + ROW_HEIGHT > bottom()) {
      doc.addPage();
      options.onPageBreak?.();
      startSection();
    }
    const top = doc.y;
    // The grid goes row by row, under the bar, so bars are never crossed by it.
    drawGrid(doc, xOf, top, top + ROW_HEIGHT);
    drawRow(doc, bar, left, top, xOf);
    doc.y = top + ROW_HEIGHT;
  }
  doc.x = left;
}

function drawAxis(doc: PDFKit.PDFDocument, xOf: (percent: number) => number): void {
  const top = doc.y;
  doc.font(FONT).fontSize(SIZE.chart).fillColor(COLOR.muted);
  for (const tick of TICKS) {
    doc.text(String(tick), xOf(tick) - 15, top, { width: 30, align: 'center' });
  }
  doc.y = top + AXIS_HEIGHT;
}

function drawGrid(
  doc: PDFKit.PDFDocument,
  xOf: (percent: number) => number,
  top: number,
  bottom: number,
): void {
  doc.save().lineWidth(0.4).strokeColor(COLOR.grid);
  for (const tick of TICKS) {
    doc.moveTo(xOf(tick), top).lineTo(xOf(tick), bottom).stroke();
  }
  doc.restore();
}

function drawRow(
  doc: PDFKit.PDFDocument,
  bar: ChartBar,
  left: number,
  top: number,
  xOf: (percent: number) => number,
): void {
  doc.font(FONT).fontSize(SIZE.chart).fillColor(COLOR.text);
  const nameWidth = LABEL_WIDTH - RANK_WIDTH - 4;
  // Two lines hold every name of the 2023 tables; a longer one ends in "…"
  // rather than pushing into the next row.
  const labelHeight = Math.min(
    doc.heightOfString(bar.label, { width: nameWidth }),
    ROW_HEIGHT - 2,
  );
  const labelTop = top + (ROW_HEIGHT - labelHeight) / 2;
  doc.text(bar.rank, left, labelTop, { width: RANK_WIDTH, align: 'right' });
  doc.text(bar.label, left + RANK_WIDTH + 4, labelTop, {
    width: nameWidth,
    height: ROW_HEIGHT - 2,
    ellipsis: true,
  });

  const barTop = top + (ROW_HEIGHT - BAR_HEIGHT) / 2;
  const color = STAR_COLORS[Math.min(5, Math.max(1, bar.stars)) - 1] ?? COLOR.muted;
  const end = xOf(bar.percent);
  if (bar.percent > 0) doc.rect(xOf(0), barTop, end - xOf(0), BAR_HEIGHT).fill(color);
  doc.font(FONT).fontSize(SIZE.chart);
  // A white ground keeps the figure legible where it crosses a grid line.
  doc
    .rect(end + 2, barTop - 0.5, doc.widthOfString(bar.valueText) + 2, BAR_HEIGHT + 1)
    .fill('#ffffff');
  doc
    .fillColor(COLOR.text)
    .text(bar.valueText, end + 3, barTop + 0.5, { width: 60, lineBreak: false });
}
