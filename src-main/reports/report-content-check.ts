import type ExcelJS from 'exceljs';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import type { ParsedReportCsv } from './csv-read';
import { CSV_COLUMNS } from './csv-report';
import { starsText } from './report-labels';
import { percentToFraction } from './xlsx-report';

/**
 * Compares what a CSV or XLSX file shows with the report data, because a
 * matching digest only proves which data the file was written from: a
 * figure edited afterwards in Excel leaves the digest as it was. Returns
 * the differences, first ones first, at most MISMATCH_LIMIT.
 */

/** At most this many differences are listed. */
export const MISMATCH_LIMIT = 20;

/** Where a CSV's records differ from the report's providers. */
export function csvMismatches(csv: ParsedReportCsv, report: EvaluationReport): string[] {
  const found: string[] = [];
  const add = (message: string) => found.length < MISMATCH_LIMIT && found.push(message);
  if (csv.header.join(',') !== CSV_COLUMNS.join(',')) {
    add(`header is "${csv.header.join(',')}", expected "${CSV_COLUMNS.join(',')}"`);
  }
  const expected = report.groups.flatMap((group) =>
    group.providers.map((provider) => [
      group.group,
      String(provider.rank),
      provider.name,
      String(provider.percent),
      String(provider.stars),
      String(provider.serviceCount),
    ]),
  );
  if (csv.rows.length !== expected.length) {
    add(`${csv.rows.length} records, the data has ${expected.length} providers`);
  }
  expected.forEach((fields, index) => {
    const record = csv.rows[index] ?? [];
    fields.forEach((field, column) => {
      if (record[column] !== field) {
        add(
          `record ${index + 1}, ${CSV_COLUMNS[column]}: "${record[column] ?? ''}", ` +
            `expected "${field}"`,
        );
      }
    });
  });
  return found;
}

/**
 * Where an XLSX's group sheets differ from the report's groups. Sheets are
 * found by position (summary first, then the groups in the report's order),
 * since their names depend on the language the file was written in.
 */
export function workbookMismatches(
  workbook: ExcelJS.Workbook,
  report: EvaluationReport,
): string[] {
  const found: string[] = [];
  const add = (message: string) => found.length < MISMATCH_LIMIT && found.push(message);
  report.groups.forEach((group, groupIndex) => {
    const sheet = workbook.worksheets[groupIndex + 1];
    if (!sheet) {
      add(`no sheet for the group ${group.group}`);
      return;
    }
    if (sheet.rowCount !== group.providers.length + 1) {
      add(
        `sheet "${sheet.name}" has ${sheet.rowCount - 1} rows, ` +
          `the data has ${group.providers.length} providers`,
      );
    }
    group.providers.forEach((provider, index) => {
      const row = sheet.getRow(index + 2);
      const expected: Array<[string, number | string]> = [
        ['rank', provider.rank],
        ['provider', provider.name],
        ['result', percentToFraction(provider.percent)],
        ['stars', provider.stars],
        ['stars as text', starsText(provider.stars)],
        ['services', provider.serviceCount],
      ];
      expected.forEach(([what, value], column) => {
        const cell = row.getCell(column + 1).value;
        if (cell !== value) {
          add(
            `sheet "${sheet.name}" row ${index + 2}, ${what}: ` +
              `${JSON.stringify(cell)}, expected ${JSON.stringify(value)}`,
          );
        }
      });
    });
  });
  return found;
}
