// ASAN index figures: recomputing a national-size campaign's report (every
// service, provider, star and rank) from its answers, beside a plain loop
// over the same answers in the same run. Prints a table and writes
// test-results/bench/index-bench.json; it asserts nothing.
//
// npm run bench:index
// DXER_BENCH_PROVIDERS (1,000), DXER_BENCH_ANSWERS (200,000) and
// DXER_BENCH_RUNS (20) set the sizes.
import os from 'node:os';
import { fmt, writeBenchJson } from './support/bench-output';
import { INDEX_TARGET_MS as TARGET_MS, measureIndex } from './support/asan-index';

const providerCount = Number(process.env.DXER_BENCH_PROVIDERS ?? 1_000);
const runs = Number(process.env.DXER_BENCH_RUNS ?? 20);
const figures = measureIndex({
  providers: providerCount,
  answers: Number(process.env.DXER_BENCH_ANSWERS ?? 200_000),
  runs,
  progress: (line) => console.log(line),
});

console.log(
  `\nDXER ASAN index bench: ${figures.rankedProviders.toLocaleString('en-US')} providers ranked in ` +
    `${figures.groups} groups, ${runs} runs each (baseline checksum ${fmt(figures.checksum, 2)}); ` +
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

const written = writeBenchJson('index-bench', {
  providers: providerCount,
  services: figures.services,
  subCriteria: figures.subCriteria,
  answers: figures.answers,
  runs,
  targetMs: TARGET_MS,
  figures: figures.rows.map((row) => ({ ...row, label: row.label.trim() })),
});
console.log(`written to ${written}`);
