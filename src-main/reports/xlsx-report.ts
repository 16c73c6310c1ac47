import ExcelJS from 'exceljs';
import type {
  EvaluationReport,
  ReportGroup,
} from '../../shared/reports/evaluation-report';
import { DIGEST_KEYWORD_PREFIX, reportDigest } from './report-digest';
import { rankLabel, reportLabels, starsText } from './report-labels';
import type { ReportLabels } from './report-labels';
import { tieNotes } from './report-ties';
import type { ReportWriteOptions } from './report-write-options';

/**
 * Results are stored as fractions (0.9238) formatted '0.00%', not as 92.38
 * under a custom format: that is what Excel means by a percentage, so the %
 * button, sums, averages, comparisons, conditional formats and chart axes
 * all treat the cell as the share it is, and each reader sees it with their
 * locale's decimal separator.
 */
export const PERCENT_FORMAT = '0.00%';

/** The label of the verification sheet's digest row, the same in every language. */
export const XLSX_DIGEST_LABEL = 'SHA-256';

/**
 * A percentage as the fraction Excel stores. The decimal point is moved in
 * the number's shortest decimal text rather than by dividing, so 70.83
 * becomes 0.7083 and not 0.7082999999999999.
 */
export function percentToFraction(percent: number): number {
  const text = String(percent);
  return text.includes('e') ? percent / 100 : Number(`${text}e-2`);
}

/** The percentage a stored fraction stands for (the inverse of percentToFraction). */
export function fractionToPercent(fraction: number): number {
  const text = String(fraction);
  return text.includes('e') ? fraction * 100 : Number(`${text}e2`);
}

/**
 * Writes the report as an .xlsx workbook: a summary sheet, one sheet per
 * group (rank, provider, result, stars as a count and as ★, services) with a
 * bold frozen header, and a verification sheet with the digest and where
 * the data came from; the workbook's Keywords carry the digest too.
 */
export async function writeXlsxReport(
  report: EvaluationReport,
  filePath: string,
  options: ReportWriteOptions,
): Promise<void> {
  const labels = reportLabels(options.language);
  const digest = reportDigest(report);
  const title = options.title ?? labels.title(report.year);
  const total = report.groups.length + 3;
  let done = 0;
  const step = () => options.onProgress?.((done += 1), total);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DXER Desktop';
  workbook.title = title;
  workbook.subject = `SHA-256 ${digest}`;
  workbook.keywords = DIGEST_KEYWORD_PREFIX + digest;
  workbook.created = new Date();
  workbook.modified = workbook.created;

  addSummarySheet(workbook, report, title, labels);
  step();
  for (const group of report.groups) {
    addGroupSheet(workbook, group, labels);
    step();
  }
  addVerificationSheet(workbook, report, digest, labels);
  step();
  await workbook.xlsx.writeFile(filePath);
  step();
}

function addSummarySheet(
  workbook: ExcelJS.Workbook,
  report: EvaluationReport,
  title: string,
  labels: ReportLabels,
): void {
  const sheet = workbook.addWorksheet(labels.summarySheet, {
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  sheet.columns = [{ width: 44 }, { width: 18 }, { width: 18 }];
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getRow(3).values = [labels.group, labels.agencies, labels.services];
  sheet.getRow(3).font = { bold: true };

  for (const group of report.groups) {
    sheet.addRow([
      labels.groups[group.group],
      group.providers.length,
      serviceTotal(group.providers),
    ]);
  }
  const all = report.groups.flatMap((group) => group.providers);
  sheet.addRow([labels.total, all.length, serviceTotal(all)]).font = { bold: true };
}

function addGroupSheet(
  workbook: ExcelJS.Workbook,
  group: ReportGroup,
  labels: ReportLabels,
): void {
  const sheet = workbook.addWorksheet(labels.groupSheets[group.group], {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: labels.rank, width: 8 },
    { header: labels.provider, width: 82 },
    { header: labels.result, width: 13, style: { numFmt: PERCENT_FORMAT } },
    { header: labels.starsCount, width: 11 },
    { header: labels.stars, width: 13 },
    { header: labels.services, width: 13 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: 'A1', to: 'F1' };

  const notes = new Map(tieNotes(group.providers).map((note) => [note.rank, note]));
  for (const provider of group.providers) {
    const row = sheet.addRow([
      provider.rank,
      provider.name,
      percentToFraction(provider.percent),
      provider.stars,
      starsText(provider.stars),
      provider.serviceCount,
    ]);
    // The rank stays a number so the sheet sorts; a shared one says so in a note.
    const note = notes.get(rankLabel(provider));
    if (note) row.getCell(1).note = labels.tieNote(note.rank, note.names);
  }
}

function addVerificationSheet(
  workbook: ExcelJS.Workbook,
  report: EvaluationReport,
  digest: string,
  labels: ReportLabels,
): void {
  const sheet = workbook.addWorksheet(labels.verification);
  sheet.columns = [{ width: 34 }, { width: 70 }];
  sheet.addRows([
    [XLSX_DIGEST_LABEL, digest],
    [labels.year, report.year],
    [labels.campaign, report.campaignId ?? labels.noCampaign],
    [labels.methodology, report.methodology.name],
    [labels.methodologyVersion, report.methodology.version],
    [labels.methodologyId, report.methodology.id ?? '—'],
    [labels.dataAsOf, report.dataAsOf],
    [],
  ]);
  sheet.getColumn(1).font = { bold: true };
  sheet.addRow([labels.digestNote]).font = { bold: false };
}

function serviceTotal(providers: readonly { serviceCount: number }[]): number {
  return providers.reduce((sum, provider) => sum + provider.serviceCount, 0);
}
