// Reviewer's desk figures: opening the review queue and a review view on a
// desktop whose local store holds a national-size registry with thousands
// of submissions waiting, beside raw SQLite reads of the same rows in the
// same run. Prints a table and writes test-results/bench/review-bench.json;
// it asserts nothing.
//
// npm run bench:review
// DXER_BENCH_SERVICES (100,000), DXER_BENCH_PENDING (10,000) and
// DXER_BENCH_NAMES (500 proposed names) set the sizes.
import os from 'node:os';
import { fmt, writeBenchJson } from './support/bench-output';
import { measureReviewDesk, REVIEW_TARGET_MS as TARGET_MS } from './support/review-desk';

const serviceCount = Number(process.env.DXER_BENCH_SERVICES ?? 100_000);
const pendingCount = Number(process.env.DXER_BENCH_PENDING ?? 10_000);
const nameCount = Number(process.env.DXER_BENCH_NAMES ?? 500);
const figures = await measureReviewDesk({
  services: serviceCount,
  pending: pendingCount,
  names: nameCount,
  progress: (line) => console.log(line),
});

console.log(
  `\nDXER review desk bench: ${figures.queueItems.toLocaleString('en-US')} items in the queue; ` +
    `Node ${process.version}, ${os.cpus().length} CPUs, load ${fmt(os.loadavg()[0] ?? 0)}`,
);
console.log(
  `${'figure'.padEnd(46)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}  target < ${TARGET_MS} ms`,
);
for (const { label, p50, p95, result } of figures.rows) {
  console.log(
    `${label.padEnd(46)}${fmt(p50).padStart(10)}${fmt(p95).padStart(10)}  ${result}`,
  );
}

const written = writeBenchJson('review-bench', {
  services: serviceCount,
  pending: pendingCount,
  names: nameCount,
  queueItems: figures.queueItems,
  targetMs: TARGET_MS,
  figures: figures.rows.map((row) => ({ ...row, label: row.label.trim() })),
});
console.log(`written to ${written}`);
