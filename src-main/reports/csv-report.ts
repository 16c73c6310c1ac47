import fs from 'node:fs/promises';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import { reportDigest } from './report-digest';

/**
 * The CSV export: UTF-8 with a byte-order mark (without it Excel reads the
 * file as the ANSI code page and garbles ə, ş, ğ and İ), CRLF line ends and
 * RFC 4180 quoting, one record per provider:
 *
 *   group,rank,provider,percent,stars,services
 *   centralExecutive,1,Azərbaycan Respublikasının …,92.38,5,10
 *   …
 *   # sha256=<64 hex>
 *
 * The digest is the file's last line, a comment. Last rather than first, so
 * that Excel, pandas and Power Query still take the first line as the
 * header; a reader that does not skip comments meets it only after the
 * data, as a one-field record starting with "#", which no group code does.
 * pandas reads the file with comment='#', R with comment.char = '#', and
 * parseReportCsv here returns the digest apart from the rows. Group is the
 * code (centralExecutive, …), percent the number exactly as the data has
 * it with a dot: the CSV is the data, the PDF and XLSX the presentation.
 */

/** The CSV's columns, in order. */
export const CSV_COLUMNS = [
  'group',
  'rank',
  'provider',
  'percent',
  'stars',
  'services',
] as const;

/** The start of the CSV's final line, followed by the digest. */
export const CSV_DIGEST_PREFIX = '# sha256=';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** Quotes a field when RFC 4180 requires it: a comma, a quote or a line break inside. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole CSV text of a report, BOM first. */
export function reportCsv(report: EvaluationReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const group of report.groups) {
    for (const provider of group.providers) {
      lines.push(
        [
          group.group,
          provider.rank,
          provider.name,
          provider.percent,
          provider.stars,
          provider.serviceCount,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  lines.push(CSV_DIGEST_PREFIX + reportDigest(report));
  return BOM + lines.join(CRLF) + CRLF;
}

/** Writes the report as CSV (see the file comment for the layout). */
export async function writeCsvReport(
  report: EvaluationReport,
  filePath: string,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  await fs.writeFile(filePath, reportCsv(report), 'utf8');
  options.onProgress?.(1, 1);
}
