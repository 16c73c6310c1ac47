import { COLOR, FONT, FONT_BOLD, SIZE } from './pdf-style';

/** One column of a PDF table. */
export interface PdfColumn {
  header: string;
  width: number;
  align: 'left' | 'right' | 'center';
  /**
   * 'lastLine' puts a cell on the last line of its row's tallest cell, as
   * figures stand beside the end of a wrapped name in a statement; text
   * extracted from the page then keeps each name whole.
   */
  valign: 'top' | 'lastLine';
  bold?: boolean;
}

/** How a table continues on a new page. */
export interface PdfTableOptions {
  /** Draws what comes above the repeated header on a continuation page. */
  onPageBreak?: () => void;
  /** Rows drawn bold (a total row). */
  boldRows?: ReadonlySet<number>;
}

const PADDING_X = 4;
const PADDING_Y = 3.5;

/**
 * Draws a table from doc.y down, starting a new page, and repeating the
 * header there, whenever the next row would cross the bottom margin. Rows
 * are never split across pages.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  rows: readonly (readonly string[])[],
  options: PdfTableOptions = {},
): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  doc.fontSize(SIZE.table);

  const headerHeight = rowHeight(
    doc,
    columns,
    columns.map((column) => column.header),
    true,
  );
  drawHeader(doc, columns, left, headerHeight);

  rows.forEach((cells, index) => {
    const isBold = options.boldRows?.has(index) ?? false;
    const height = rowHeight(doc, columns, cells, isBold);
    if (doc.y + height > bottom()) {
      doc.addPage();
      options.onPageBreak?.();
      drawHeader(doc, columns, left, headerHeight);
    }
    const top = doc.y;
    if (index % 2 === 1) {
      doc.rect(left, top, tableWidth(columns), height).fill(COLOR.stripeFill);
    }
    drawCells(doc, columns, cells, left, top, height, isBold);
    doc.y = top + height;
  });

  doc
    .moveTo(left, doc.y)
    .lineTo(left + tableWidth(columns), doc.y)
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.x = left;
}

function drawHeader(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  left: number,
  height: number,
): void {
  const top = doc.y;
  doc.rect(left, top, tableWidth(columns), height).fill(COLOR.headerFill);
  let x = left;
  doc.font(FONT_BOLD).fontSize(SIZE.table).fillColor(COLOR.text);
  for (const column of columns) {
    doc.text(column.header, x + PADDING_X, top + PADDING_Y, {
      width: column.width - 2 * PADDING_X,
      align: column.align,
    });
    x += column.width;
  }
  doc.y = top + height;
}

function drawCells(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  cells: readonly string[],
  left: number,
  top: number,
  height: number,
  isBold: boolean,
): void {
  const lineHeight = singleLineHeight(doc);
  let x = left;
  columns.forEach((column, index) => {
    const text = cells[index] ?? '';
    const y =
      column.valign === 'top' ? top + PADDING_Y : top + height - PADDING_Y - lineHeight;
    doc
      .font(isBold || column.bold ? FONT_BOLD : FONT)
      .fontSize(SIZE.table)
      .fillColor(COLOR.text)
      .text(text, x + PADDING_X, y, {
        width: column.width - 2 * PADDING_X,
        align: column.align,
      });
    x += column.width;
  });
}

function rowHeight(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  cells: readonly string[],
  isBold: boolean,
): number {
  const tallest = Math.max(
    ...columns.map((column, index) =>
      doc
        .font(isBold || column.bold ? FONT_BOLD : FONT)
        .fontSize(SIZE.table)
        .heightOfString(cells[index] ?? '', { width: column.width - 2 * PADDING_X }),
    ),
  );
  return Math.max(tallest, singleLineHeight(doc)) + 2 * PADDING_Y;
}

function singleLineHeight(doc: PDFKit.PDFDocument): number {
  return doc.font(FONT).fontSize(SIZE.table).heightOfString('Ağ', { width: 1_000 });
}

function tableWidth(columns: readonly PdfColumn[]): number {
  return columns.reduce((sum, column) => sum + column.width, 0);
}
