import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import { parseReportCsv } from '../../src-main/reports/csv-read';
import { CSV_COLUMNS, writeCsvReport } from '../../src-main/reports/csv-report';
import { reportDigest } from '../../src-main/reports/report-digest';
import { presentationReport2023, testReport } from './support/report-fixture';
import { tempReportDir } from './support/report-files';

describe('the CSV report', () => {
  const temp = tempReportDir('csv-report');
  afterAll(() => temp.remove());

  async function written(report: EvaluationReport, name: string) {
    const file = path.join(temp.dir, name);
    await writeCsvReport(report, file);
    return { file, bytes: fs.readFileSync(file) };
  }

  it('is UTF-8 with a BOM, CRLF lines, a header first and the digest line last', async () => {
    const report = testReport();
    const { bytes } = await written(report, 'hesabat.csv');
    const text = bytes.toString('utf8');

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split('\r\n')[0]).toBe(
      'group,rank,provider,percent,stars,services',
    );
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(text.endsWith(`\r\n# sha256=${reportDigest(report)}\r\n`)).toBe(true);
  });

  it('reads back one record per provider with exact names and dot decimals', async () => {
    const report = testReport();
    const { bytes } = await written(report, 'hesabat.csv');
    const parsed = parseReportCsv(bytes.toString('utf8'));

    expect(parsed.header).toEqual([...CSV_COLUMNS]);
    expect(parsed.digest).toBe(reportDigest(report));
    expect(parsed.rows).toHaveLength(28);
    expect(parsed.rows[0]).toEqual([
      'centralExecutive',
      '1',
      'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
      '92.38',
      '5',
      '10',
    ]);
    expect(parsed.rows[12]?.slice(2, 4)).toEqual([
      'Azərbaycan Respublikasının Xarici İşlər Nazirliyi',
      '28.6',
    ]);
    expect(parsed.rows.slice(24, 27).map((row) => [row[0], row[1], row[3]])).toEqual([
      ['localExecutive', '2', '46.77'],
      ['localExecutive', '2', '46.77'],
      ['localExecutive', '4', '34.67'],
    ]);
  });

  it('quotes names holding quotes, commas or line breaks, by RFC 4180', async () => {
    const report = presentationReport2023();
    const odd = structuredClone(report);
    const legal = odd.groups[2]?.providers ?? [];
    if (legal[3]) legal[3].name = 'Dövlət İmtahan Mərkəzi, "DİM"';
    if (legal[4]) legal[4].name = 'Reklam Agentliyi\r\n# sha256=' + '0'.repeat(64);
    const { bytes } = await written(odd, 'quoted.csv');
    const text = bytes.toString('utf8');
    const parsed = parseReportCsv(text);

    expect(text).toContain(
      '\r\nlegalEntity,1,"""Azərişiq"" Açıq Səhmdar Cəmiyyəti",98.31,5,',
    );
    expect(text).toContain('"Dövlət İmtahan Mərkəzi, ""DİM"""');
    expect(
      parsed.rows.filter((row) => row[0] === 'legalEntity').map((row) => row[2]),
    ).toEqual(legal.map((provider) => provider.name));
    // The line inside quotes is a name, not the digest.
    expect(parsed.digest).toBe(reportDigest(odd));
    expect(parsed.rows).toHaveLength(47);
  });

  it('has no digest when the last line is cut off', async () => {
    const { bytes } = await written(testReport(), 'cut.csv');
    const text = bytes.toString('utf8');
    const cut = text.slice(0, text.lastIndexOf('# sha256='));

    expect(parseReportCsv(cut).digest).toBeNull();
    expect(parseReportCsv(cut).rows).toHaveLength(28);
  });
});
