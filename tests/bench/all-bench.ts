// Every headline figure in one run, one table: the desktop's initial sync of
// a national-size registry beside a raw SQLite bulk insert of the same rows
// and beside PouchDB replicating the same documents from a local PouchDB
// server; push throughput beside plain INSERTs (PostgreSQL); local search;
// the review queue; the ASAN index recompute; report export; the desktop
// process's memory. Each figure comes from the same function its own
// bench:* script runs. Prints the table with the time each stage took and
// writes test-results/bench/all-bench.json; it asserts nothing.
//
// npm run bench -- [--services 100000] [--intents 3000] [--pending 10000]
//   [--answers 200000] [--runs 10]
// Smoke run, about two minutes: --services 5000 --pending 500 --answers 20000.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { postgresDatabase } from '../server/support/databases';
import { fmt, writeBenchJson } from './support/bench-output';
import { INDEX_TARGET_MS, measureIndex } from './support/asan-index';
import { measureDesktopSync } from './support/desktop-sync';
import { POUCH_BATCH, startPouchPeer } from './support/pouchdb-replication';
import { measurePush } from './support/push-bench';
import { REPORT_TARGETS_MS, measureReports } from './support/report-export';
import { measureReviewDesk, REVIEW_TARGET_MS } from './support/review-desk';

const { values } = parseArgs({
  options: {
    services: { type: 'string', default: process.env.DXER_BENCH_SERVICES ?? '100000' },
    intents: { type: 'string', default: '3000' },
    pending: { type: 'string', default: '10000' },
    answers: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '10' },
  },
});
const count = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`--${name} must be a positive integer`);
  }
  return value;
};
const options = {
  services: count('services'),
  intents: count('intents'),
  pending: count('pending'),
  answers: count('answers'),
  runs: count('runs'),
};
const TARGETS = {
  syncVsRaw: 3,
  pouchVsSync: 10,
  pushRatio: 0.25,
  searchP95Ms: 20,
  memoryMb: 250,
} as const;

const progress = (line: string) => process.stdout.write(`${line}\n`);
const stages: Array<{ stage: string; seconds: number }> = [];
/** Seconds spent in stages nested in the running ones, which their own time leaves out. */
const nested: number[] = [];
async function stage<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  progress(`— ${name}`);
  const started = performance.now();
  nested.push(0);
  try {
    const result = await run();
    // Kept as each stage ends, so a run that fails late keeps what it measured.
    partial[name] = result;
    writeBenchJson('all-bench', { complete: false, options, stages, partial });
    return result;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    const inner = nested.pop() ?? 0;
    if (nested.length > 0) nested[nested.length - 1] = (nested.at(-1) ?? 0) + seconds;
    stages.push({ stage: name, seconds: seconds - inner });
  }
}
const partial: Record<string, unknown> = {};

const loadAtStart = os.loadavg()[0] ?? NaN;
const wallStarted = performance.now();
const pouch = await startPouchPeer();
let pouchFill = { documents: 0, seconds: NaN };
let pouchRun = { documents: 0, seconds: NaN };
let desktop: Awaited<ReturnType<typeof measureDesktopSync>>;
try {
  desktop = await stage('desktop: initial sync, raw insert, search, memory', () =>
    measureDesktopSync({
      services: options.services,
      logLevel: 'silent',
      progress,
      // Filled while the DXER server still runs, after the desktop's figures.
      beforeServerStops: async (serverUrl) => {
        pouchFill = await stage('PouchDB: fill the source server', () =>
          pouch.fillFrom(serverUrl),
        );
      },
    }),
  );
  pouchRun = await stage('PouchDB: replicate into LevelDB', () => pouch.replicate());
} finally {
  await pouch.stop();
}
if (pouchRun.documents !== desktop.services) {
  throw new Error(
    `PouchDB replicated ${pouchRun.documents} documents, the desktop synced ${desktop.services}`,
  );
}
const push = await stage('push on PostgreSQL vs plain INSERTs', () =>
  measurePush(postgresDatabase, {
    intents: options.intents,
    warmup: Math.ceil(options.intents / 6),
    batch: 100,
    logLevel: 'warn',
  }),
);
const review = await stage('review queue and view', () =>
  measureReviewDesk({
    services: options.services,
    pending: options.pending,
    names: 500,
    progress,
  }),
);
const index = await stage('ASAN index recompute', () =>
  measureIndex({ providers: 1_000, answers: options.answers, runs: 20, progress }),
);
const reports = await stage('report export', () =>
  measureReports({ runs: options.runs }),
);
const wallSeconds = (performance.now() - wallStarted) / 1000;

const reviewRow = (label: string) =>
  review.rows.find((row) => row.label === label) ?? { p50: NaN, p95: NaN };
const indexRow = (label: string) =>
  index.rows.find((row) => row.label.trim() === label) ?? { p50: NaN, p95: NaN };
const verdict = (isMet: boolean) => (isMet ? 'PASS' : 'MISS');
const pouchRatio = pouchRun.seconds / desktop.syncSeconds;
const n = fmt(desktop.services, 0);

interface Row {
  figure: string;
  measured: string;
  baseline: string;
  target: string;
  result: string;
}
const rows: Row[] = [
  {
    figure: `initial sync of ${n} services into the desktop`,
    measured: `${fmt(desktop.syncSeconds)} s`,
    baseline: `raw SQLite insert ${fmt(desktop.rawInsertSeconds)} s`,
    target: '',
    result: '',
  },
  {
    figure: desktop.fromSnapshot
      ? "  filled from the server's snapshot, built beforehand in"
      : '  filled from the feed: the snapshot was NOT used',
    measured: desktop.fromSnapshot ? `${fmt(desktop.snapshotBuildSeconds)} s` : '',
    baseline: '',
    target: '',
    result: '',
  },
  {
    figure: '  sync / raw SQLite insert',
    measured: `${fmt(desktop.ratio, 2)}×`,
    baseline: '',
    target: `≤ ${TARGETS.syncVsRaw}×`,
    result: verdict(desktop.ratio <= TARGETS.syncVsRaw),
  },
  {
    figure: `  PouchDB replication of the same ${n} documents`,
    measured: `${fmt(pouchRun.seconds)} s`,
    baseline: `(source filled in ${fmt(pouchFill.seconds)} s)`,
    target: '',
    result: '',
  },
  {
    figure: '  PouchDB / sync',
    measured: `${fmt(pouchRatio, 1)}× slower`,
    baseline: '',
    target: `≥ ${TARGETS.pouchVsSync}×`,
    result: verdict(pouchRatio >= TARGETS.pouchVsSync),
  },
  {
    figure: 'push on PostgreSQL (service.create, batches of 100)',
    measured: `${fmt(push.pushPerSecond, 0)} intents/s`,
    baseline: `plain INSERTs ${fmt(push.insertPerSecond, 0)} rows/s`,
    target: `≥ ${TARGETS.pushRatio}×`,
    result: `${fmt(push.ratio, 2)}× ${verdict(push.ratio >= TARGETS.pushRatio)}`,
  },
  {
    figure: 'local search, first page p95',
    measured: `${fmt(desktop.search.firstPage.p95)} ms`,
    baseline: `p50 ${fmt(desktop.search.firstPage.p50)} ms`,
    target: `< ${TARGETS.searchP95Ms} ms`,
    result: verdict(desktop.search.firstPage.p95 < TARGETS.searchP95Ms),
  },
  {
    figure: `review queue, first page p95 (${fmt(review.queueItems, 0)} waiting)`,
    measured: `${fmt(reviewRow('queue, first page').p95)} ms`,
    baseline: `raw page ${fmt(reviewRow('  raw SQLite: the same page').p95)} ms`,
    target: `< ${REVIEW_TARGET_MS} ms`,
    result: verdict(reviewRow('queue, first page').p95 < REVIEW_TARGET_MS),
  },
  {
    figure: 'review view p95',
    measured: `${fmt(reviewRow('review view (diff, clock, decision)').p95)} ms`,
    baseline: `raw read ${fmt(reviewRow('  raw SQLite: read and parse the document').p95)} ms`,
    target: `< ${REVIEW_TARGET_MS} ms`,
    result: verdict(
      reviewRow('review view (diff, clock, decision)').p95 < REVIEW_TARGET_MS,
    ),
  },
  {
    figure: `index recompute, 1,000 providers, ${fmt(index.answers, 0)} answers, p95`,
    measured: `${fmt(indexRow('campaign report, recompute').p95)} ms`,
    baseline: `summing loop ${fmt(indexRow('baseline: sum scores per provider').p95)} ms`,
    target: `< ${INDEX_TARGET_MS} ms`,
    result: verdict(indexRow('campaign report, recompute').p95 < INDEX_TARGET_MS),
  },
  {
    figure: '2023 report export, PDF / XLSX p95',
    measured: `${fmt(reports.pdfExport.p95, 0)} / ${fmt(reports.xlsxExport.p95, 0)} ms`,
    baseline: `plain CSV ${fmt(reports.baseline.p95)} ms`,
    target: `< ${REPORT_TARGETS_MS.pdf} / ${REPORT_TARGETS_MS.xlsx} ms`,
    result: verdict(
      reports.pdfExport.p95 < REPORT_TARGETS_MS.pdf &&
        reports.xlsxExport.p95 < REPORT_TARGETS_MS.xlsx,
    ),
  },
  {
    figure: 'desktop main process after the sync (after GC)',
    measured: Number.isNaN(desktop.memory.rssMb)
      ? 'run under --expose-gc'
      : `${fmt(desktop.memory.rssMb, 0)} MB`,
    baseline: `${fmt(desktop.memory.rawRssMb, 0)} MB before GC`,
    target: `< ${TARGETS.memoryMb} MB`,
    result: verdict(desktop.memory.rssMb < TARGETS.memoryMb),
  },
];

progress('');
progress(
  `DXER bench: ${n} services; Node ${process.version}, ${os.cpus().length} CPUs, ` +
    `load ${fmt(loadAtStart)} at start, ${fmt(os.loadavg()[0] ?? NaN)} at the end; ` +
    `${fmt(wallSeconds / 60)} min in all`,
);
const table: string[][] = [
  ['figure', 'measured', 'baseline in the same run', 'target', 'result'],
  ...rows.map((row) => [row.figure, row.measured, row.baseline, row.target, row.result]),
];
const widths = table[0]?.map((_, c) =>
  Math.max(...table.map((r) => (r[c] ?? '').length)),
);
for (const row of table) {
  progress(row.map((cell, c) => cell.padEnd(widths?.[c] ?? 0)).join('  '));
}
progress('');
progress('time per stage:');
for (const { stage: name, seconds } of stages) {
  progress(`  ${name.padEnd(52)}${fmt(seconds).padStart(8)} s`);
}
const written = writeBenchJson('all-bench', {
  complete: true,
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  loadAverageAtStart: loadAtStart,
  options,
  targets: TARGETS,
  wallSeconds,
  stages,
  rows,
  figures: {
    desktop,
    pouch: {
      batchSize: POUCH_BATCH,
      fill: pouchFill,
      replicate: pouchRun,
      ratio: pouchRatio,
    },
    push,
    review,
    index,
    reports,
  },
});
progress(`written to ${written}`);
// Database pools and timers of the measured code would keep the process alive.
process.exit(0);
