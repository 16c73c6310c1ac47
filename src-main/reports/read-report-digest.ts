import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { parseReportCsv } from './csv-read';
import { pdfDigest } from './pdf-digest';
import { DIGEST_KEYWORD_PREFIX, DIGEST_PATTERN } from './report-digest';
import { detectReportFormat } from './report-format';
import type { ReportFormat } from './report-format';
import { XLSX_DIGEST_LABEL } from './xlsx-report';

/** A report file read back far enough to check it. */
export type LoadedReportFile =
  | { format: 'pdf'; bytes: Buffer }
  | { format: 'xlsx'; workbook: ExcelJS.Workbook }
  | { format: 'csv'; csv: ReturnType<typeof parseReportCsv> };

/** The digest a report file carries, and the format it was read as. */
export interface CarriedDigest {
  format: ReportFormat;
  /** Null when the file carries no digest that could be read. */
  digest: string | null;
}

/** Reads a report file of any of the three formats, told apart by its first bytes. */
export async function loadReportFile(filePath: string): Promise<LoadedReportFile> {
  const bytes = await fs.readFile(filePath);
  const format = detectReportFormat(bytes);
  switch (format) {
    case 'pdf':
      return { format, bytes };
    case 'xlsx': {
      const workbook = new ExcelJS.Workbook();
      // exceljs types its input as an ArrayBuffer-like, which Node's Buffer no longer matches.
      const data = bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      );
      await workbook.xlsx.load(data);
      return { format, workbook };
    }
    case 'csv':
      return { format, csv: parseReportCsv(bytes.toString('utf8')) };
  }
}

/** The digest a loaded report file carries. */
export function carriedDigest(file: LoadedReportFile): string | null {
  const digest =
    file.format === 'pdf'
      ? pdfDigest(file.bytes)
      : file.format === 'xlsx'
        ? workbookDigest(file.workbook)
        : file.csv.digest;
  return digest !== null && DIGEST_PATTERN.test(digest) ? digest : null;
}

/** Reads the digest back from a PDF (Keywords), an XLSX (verification sheet) or a CSV (last line). */
export async function readReportDigest(filePath: string): Promise<CarriedDigest> {
  const file = await loadReportFile(filePath);
  return { format: file.format, digest: carriedDigest(file) };
}

/**
 * The verification sheet's digest: the cell right of "SHA-256" in column A,
 * found on any sheet since the sheet's name depends on the language. The
 * workbook's Keywords are the fallback, for a file whose sheet was removed.
 */
function workbookDigest(workbook: ExcelJS.Workbook): string | null {
  for (const sheet of workbook.worksheets) {
    for (let row = 1; row <= sheet.rowCount; row += 1) {
      if (sheet.getCell(row, 1).value === XLSX_DIGEST_LABEL) {
        const value = sheet.getCell(row, 2).value;
        return typeof value === 'string' ? value.trim() : null;
      }
    }
  }
  const keywords = workbook.keywords ?? '';
  return keywords.startsWith(DIGEST_KEYWORD_PREFIX)
    ? keywords.slice(DIGEST_KEYWORD_PREFIX.length).trim()
    : null;
}
