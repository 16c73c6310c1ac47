// Evaluation report export figures: the full 2023 ASAN index report (the
// presentation's three groups, 23 + 15 + 9 providers) written as PDF and as
// XLSX, each run several times, beside a baseline measured in the same run:
// the same rows written as plain CSV text. Measures; report-bench.ts and
// all-bench.ts print.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCsvReport } from '../../../src-main/reports/csv-report';
import { exportReport } from '../../../src-main/reports/export-file';
import { writePdfReport } from '../../../src-main/reports/pdf-report';
import { writeXlsxReport } from '../../../src-main/reports/xlsx-report';
import { presentationReport2023 } from '../../reports/support/report-fixture';
import { percentile } from './bench-output';

export const REPORT_TARGETS_MS = { pdf: 1_000, xlsx: 500 } as const;
const TARGETS_MS = REPORT_TARGETS_MS;

export interface ReportOptions {
  runs: number;
}

export interface Figure {
  label: string;
  first: number;
  p50: number;
  p95: number;
  bytes: number;
  target: number | null;
}

export interface ReportFigures {
  groups: number;
  providers: number;
  pdf: Figure;
  pdfExport: Figure;
  xlsx: Figure;
  xlsxExport: Figure;
  csv: Figure;
  baseline: Figure;
}

/** Writes the 2023 report in every format `runs` times each, and the plain-CSV baseline. */
export async function measureReports(options: ReportOptions): Promise<ReportFigures> {
  const { runs } = options;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-report-bench-'));
  const report = presentationReport2023();
  const providers = report.groups.reduce((sum, group) => sum + group.providers.length, 0);

  async function measure(
    label: string,
    target: number | null,
    write: (file: string, run: number) => Promise<void>,
    extension: string,
  ): Promise<Figure> {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < runs; run += 1) {
      const file = path.join(work, `${label.replace(/\W+/g, '-')}-${run}.${extension}`);
      const started = performance.now();
      await write(file, run);
      times.push(performance.now() - started);
      bytes = fs.statSync(file).size;
    }
    const first = times[0] ?? NaN;
    times.sort((a, b) => a - b);
    return {
      label,
      first,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      bytes,
      target,
    };
  }

  // Baseline: the same rows joined as plain CSV text and written, no quoting,
  // no BOM, no digest.
  const baseline = await measure(
    'baseline: the same rows as plain CSV text',
    null,
    async (file) => {
      const lines = report.groups.flatMap((group) =>
        group.providers.map((p) =>
          [group.group, p.rank, p.name, p.percent, p.stars, p.serviceCount].join(','),
        ),
      );
      await fs.promises.writeFile(file, lines.join('\n'));
    },
    'csv',
  );
  const pdf = await measure(
    'PDF (writePdfReport)',
    TARGETS_MS.pdf,
    (file) => writePdfReport(report, file, { language: 'az' }),
    'pdf',
  );
  const xlsx = await measure(
    'XLSX (writeXlsxReport)',
    TARGETS_MS.xlsx,
    (file) => writeXlsxReport(report, file, { language: 'az' }),
    'xlsx',
  );
  const pdfExport = await measure(
    'PDF export (temp file, fsync, move)',
    TARGETS_MS.pdf,
    async (file) => {
      await exportReport({ report, format: 'pdf', filePath: file, overwrite: false });
    },
    'pdf',
  );
  const xlsxExport = await measure(
    'XLSX export (temp file, fsync, move)',
    TARGETS_MS.xlsx,
    async (file) => {
      await exportReport({ report, format: 'xlsx', filePath: file, overwrite: false });
    },
    'xlsx',
  );
  const csv = await measure(
    'CSV (writeCsvReport, BOM, quoting, digest)',
    null,
    (file) => writeCsvReport(report, file),
    'csv',
  );

  fs.rmSync(work, { recursive: true, force: true });
  return {
    groups: report.groups.length,
    providers,
    pdf,
    pdfExport,
    xlsx,
    xlsxExport,
    csv,
    baseline,
  };
}
