import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import { writeCsvReport } from '../../src-main/reports/csv-report';
import { writePdfReport } from '../../src-main/reports/pdf-report';
import { readReportDigest } from '../../src-main/reports/read-report-digest';
import { reportDigest } from '../../src-main/reports/report-digest';
import { verifyReport } from '../../src-main/reports/verify-report';
import { writeXlsxReport } from '../../src-main/reports/xlsx-report';
import { testReport } from './support/report-fixture';
import { tempReportDir } from './support/report-files';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The same data with one percentage a hundredth lower. */
function withOnePercentChanged(report: EvaluationReport): EvaluationReport {
  const changed = structuredClone(report);
  const provider = changed.groups[0]?.providers[9];
  if (!provider) throw new Error('the fixture has 23 central providers');
  provider.percent = Math.round((provider.percent - 0.01) * 100) / 100;
  return changed;
}

describe('reading a digest back and verifying a report', () => {
  const temp = tempReportDir('verify-report');
  const report = testReport();
  const digest = reportDigest(report);
  const files = {
    pdf: path.join(temp.dir, 'hesabat.pdf'),
    xlsx: path.join(temp.dir, 'hesabat.xlsx'),
    csv: path.join(temp.dir, 'hesabat.csv'),
  };

  beforeAll(async () => {
    await writePdfReport(report, files.pdf, { language: 'az' });
    await writeXlsxReport(report, files.xlsx, { language: 'en' });
    await writeCsvReport(report, files.csv);
  });
  afterAll(() => temp.remove());

  it.each(['pdf', 'xlsx', 'csv'] as const)(
    'reads the digest a %s carries',
    async (format) => {
      expect(await readReportDigest(files[format])).toEqual({ format, digest });
    },
  );

  it.each(['pdf', 'xlsx', 'csv'] as const)(
    'accepts a %s against the data it was written from',
    async (format) => {
      const verdict = await verifyReport(files[format], report);
      expect(verdict).toMatchObject({
        ok: true,
        format,
        expected: digest,
        found: digest,
        mismatches: [],
      });
      expect(verdict.isContentChecked).toBe(format !== 'pdf');
    },
  );

  it.each(['pdf', 'xlsx', 'csv'] as const)(
    'rejects a %s against data with one percentage changed',
    async (format) => {
      const changed = withOnePercentChanged(report);
      const verdict = await verifyReport(files[format], changed);
      expect(verdict.ok).toBe(false);
      expect(verdict.found).toBe(digest);
      expect(verdict.expected).toBe(reportDigest(changed));
    },
  );

  it('rejects a CSV whose figure was edited while its digest line was kept', async () => {
    const tampered = path.join(temp.dir, 'tampered.csv');
    const text = fs.readFileSync(files.csv, 'utf8');
    fs.writeFileSync(tampered, text.replace(',32.61,2,', ',42.61,3,'));
    const verdict = await verifyReport(tampered, report);

    expect(verdict.found).toBe(digest);
    expect(verdict.ok).toBe(false);
    expect(verdict.mismatches).toEqual([
      'record 10, percent: "42.61", expected "32.61"',
      'record 10, stars: "3", expected "2"',
    ]);
  });

  it('rejects an XLSX whose cell was edited in a spreadsheet program', async () => {
    const tampered = path.join(temp.dir, 'tampered.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(files.xlsx);
    const sheet = workbook.worksheets[1];
    if (!sheet) throw new Error('no group sheet');
    sheet.getCell('B5').value =
      'Azərbaycan Respublikasının Energetika Nazirliyi (düzəliş)';
    await workbook.xlsx.writeFile(tampered);
    const verdict = await verifyReport(tampered, report);

    expect(verdict.found).toBe(digest);
    expect(verdict.ok).toBe(false);
    expect(verdict.mismatches).toHaveLength(1);
    expect(verdict.mismatches[0]).toContain('row 5, provider');
  });

  it('rejects a PDF whose digest was altered, and one that carries none', async () => {
    const altered = path.join(temp.dir, 'altered.pdf');
    const other = digest.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const bytes = fs.readFileSync(files.pdf).toString('latin1');
    fs.writeFileSync(altered, Buffer.from(bytes.replaceAll(digest, other), 'latin1'));
    const stripped = path.join(temp.dir, 'stripped.pdf');
    fs.writeFileSync(
      stripped,
      Buffer.from(bytes.replace(`(sha256:${digest})`, `(${'x'.repeat(71)})`), 'latin1'),
    );

    expect(await verifyReport(altered, report)).toMatchObject({
      ok: false,
      found: other,
    });
    expect(await verifyReport(stripped, report)).toMatchObject({
      ok: false,
      found: null,
    });
  });
});

interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the verify command as an auditor would: `npm run report:verify -- <file> <data>`. */
function runVerify(args: string[]): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/reports/verify-report-main.ts', ...args],
      { cwd: repoRoot },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the report verify command', () => {
  const temp = tempReportDir('verify-command');
  const report = testReport();
  const digest = reportDigest(report);
  const csv = path.join(temp.dir, 'hesabat.csv');
  const data = path.join(temp.dir, 'hesabat.json');
  const changedData = path.join(temp.dir, 'changed.json');

  beforeAll(async () => {
    await writeCsvReport(report, csv);
    fs.writeFileSync(data, JSON.stringify(report, null, 2));
    fs.writeFileSync(changedData, JSON.stringify(withOnePercentChanged(report)));
  });
  afterAll(() => temp.remove());

  it('exits 0 with one line naming both digests when the file matches its data', async () => {
    const run = await runVerify([csv, data]);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `report verified (csv, digest and content): file carries ${digest}, data gives ${digest}\n`,
    );
    expect(run.stderr).toContain('"module":"report-verify"');
  });

  it('exits 1 naming both digests when the data differs', async () => {
    const run = await runVerify([csv, changedData]);
    const expected = reportDigest(withOnePercentChanged(report));

    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toContain(`file carries ${digest}, data gives ${expected}`);
    expect(run.stdout).toContain('record 10, percent');
  });

  it('exits 2 on wrong usage, a missing file and data that is not a report', async () => {
    const notReport = path.join(temp.dir, 'not-report.json');
    fs.writeFileSync(notReport, JSON.stringify({ ...report, year: 'iki min iyirmi üç' }));

    const usage = await runVerify([csv]);
    const missing = await runVerify([path.join(temp.dir, 'yoxdur.pdf'), data]);
    const invalid = await runVerify([csv, notReport]);

    expect(usage.code).toBe(2);
    expect(usage.stdout).toMatch(/^usage: npm run report:verify/);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(
      /^report not verified: could not read the report file/,
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toMatch(
      /^report not verified: the data file is not an evaluation report \(year:/,
    );
  });
});
