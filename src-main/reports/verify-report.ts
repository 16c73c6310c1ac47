import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import { carriedDigest, loadReportFile } from './read-report-digest';
import { csvMismatches, workbookMismatches } from './report-content-check';
import { reportDigest } from './report-digest';
import type { ReportFormat } from './report-format';

/** What checking a report file against its data found. */
export interface ReportVerdict {
  /** The digest matches and no checked content differs. */
  ok: boolean;
  format: ReportFormat;
  /** The digest of the data. */
  expected: string;
  /** The digest the file carries; null when it carries none. */
  found: string | null;
  /**
   * Whether the file's figures and names were compared with the data too:
   * yes for CSV and XLSX, not for PDF (see verifyReport).
   */
  isContentChecked: boolean;
  /** Differences between the file's content and the data, when checked. */
  mismatches: string[];
}

/**
 * Checks a report file against the data it should show: the digest it
 * carries must equal the data's, and a CSV's records or an XLSX's group
 * sheets must show exactly the data's providers.
 *
 * Known shortcoming: a PDF's visible text is not compared, so a PDF whose
 * pages were edited while its Keywords were kept still verifies; only the
 * claim "written from this data" is checked. Reading the pages back needs
 * text extraction through the fonts' ToUnicode maps (or signing the PDF
 * with a certificate, which would also prove who wrote it).
 */
export async function verifyReport(
  filePath: string,
  report: EvaluationReport,
): Promise<ReportVerdict> {
  const file = await loadReportFile(filePath);
  const expected = reportDigest(report);
  const found = carriedDigest(file);
  const mismatches =
    file.format === 'csv'
      ? csvMismatches(file.csv, report)
      : file.format === 'xlsx'
        ? workbookMismatches(file.workbook, report)
        : [];
  return {
    ok: found === expected && mismatches.length === 0,
    format: file.format,
    expected,
    found,
    isContentChecked: file.format !== 'pdf',
    mismatches,
  };
}
