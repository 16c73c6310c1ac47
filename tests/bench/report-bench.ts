// Evaluation report export figures: the full 2023 ASAN index report (the
// presentation's three groups, 23 + 15 + 9 providers) written as PDF and as
// XLSX, each run several times, beside a baseline measured in the same run:
// the same rows written as plain CSV text. Prints a table and writes
// test-results/bench/report-bench.json; it asserts nothing.
//
// npm run bench:reports
// DXER_BENCH_RUNS (10) sets the runs per figure.
import os from 'node:os';
import { fmt, writeBenchJson } from './support/bench-output';
import { measureReports, REPORT_TARGETS_MS as TARGETS_MS } from './support/report-export';
import type { Figure } from './support/report-export';

const runs = Number(process.env.DXER_BENCH_RUNS ?? 10);
const measured = await measureReports({ runs });
const { pdf, pdfExport, xlsx, xlsxExport, csv, baseline } = measured;
const figures = [pdf, pdfExport, xlsx, xlsxExport, csv, baseline];

const verdict = (figure: Figure) =>
  figure.target === null ? '' : figure.p95 < figure.target ? 'PASS' : 'MISS';
console.log(
  `\nDXER report export bench: ${measured.groups} groups, ${measured.providers} providers, ` +
    `${runs} runs each; Node ${process.version}, ${os.cpus().length} CPUs, ` +
    `load ${fmt(os.loadavg()[0] ?? 0)}`,
);
console.log(
  `${'figure'.padEnd(44)}${'first ms'.padStart(10)}${'p50 ms'.padStart(10)}` +
    `${'p95 ms'.padStart(10)}${'× base'.padStart(9)}${'KB'.padStart(8)}  target`,
);
for (const figure of figures) {
  console.log(
    `${figure.label.padEnd(44)}${fmt(figure.first).padStart(10)}${fmt(figure.p50).padStart(10)}` +
      `${fmt(figure.p95).padStart(10)}${fmt(figure.p50 / measured.baseline.p50, 0).padStart(9)}` +
      `${fmt(figure.bytes / 1024).padStart(8)}  ` +
      (figure.target === null ? '' : `< ${figure.target} ms ${verdict(figure)}`),
  );
}

const written = writeBenchJson('report-bench', {
  groups: measured.groups,
  providers: measured.providers,
  runs,
  targetsMs: TARGETS_MS,
  figures: figures.map((figure) => ({ ...figure, result: verdict(figure) })),
});
console.log(`written to ${written}`);
