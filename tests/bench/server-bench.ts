// Central server figures, on SQLite and PostgreSQL in one run: push
// throughput over HTTP beside plain INSERTs of the same rows, and a full pull
// of a large registry with the server process's peak memory. Prints a table
// and writes test-results/bench/server-bench.json; it asserts nothing.
//
// npm run bench:server -- [--services 100000] [--agencies 1000]
//   [--db sqlite|postgres|both] [--intents 3000] [--warmup 500]
// Smoke run, under a minute for both databases: --services 2000.
//   [--page-sizes 1000,5000] [--log-level warn]
// Each flag may also come from the environment: DXER_BENCH_SERVICES,
// DXER_BENCH_AGENCIES, DXER_BENCH_DB, DXER_BENCH_INTENTS, …
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PULL_PAGE } from '../../shared/sync/protocol';
import { databases } from '../server/support/databases';
import type { TestDatabase } from '../server/support/databases';
import { measurePull } from './support/pull-bench';
import type { PullFigures } from './support/pull-bench';
import { measurePush } from './support/push-bench';
import type { PushFigures } from './support/push-bench';

const TARGETS = { pushRatio: 0.25, pullSeconds: 10, serverRssMb: 300 } as const;

const { values } = parseArgs({
  options: {
    services: { type: 'string' },
    agencies: { type: 'string' },
    db: { type: 'string' },
    intents: { type: 'string' },
    warmup: { type: 'string' },
    'page-sizes': { type: 'string' },
    'log-level': { type: 'string' },
  },
});

function setting(name: keyof typeof values, fallback: string): string {
  const env = process.env[`DXER_BENCH_${name.toUpperCase().replace('-', '_')}`];
  return values[name] ?? env ?? fallback;
}

function positive(name: keyof typeof values, fallback: number): number {
  const value = Number(setting(name, String(fallback)));
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`--${name} must be a positive integer`);
  }
  return value;
}

const services = positive('services', 100_000);
// A smoke run (a small registry) pushes fewer intents so both databases
// finish within a minute; the full run applies 3,000 per database.
const isSmoke = services < 10_000;
const options = {
  services,
  agencies: positive('agencies', 1000),
  intents: positive('intents', isSmoke ? 1000 : 3000),
  warmup: positive('warmup', isSmoke ? 200 : 500),
  batch: 100,
  pageSizes: setting('page-sizes', String(DEFAULT_PULL_PAGE)).split(',').map(Number),
  logLevel: setting('log-level', 'warn'),
  db: setting('db', 'both'),
};
if (!['sqlite', 'postgres', 'both'].includes(options.db)) {
  throw new Error('--db must be sqlite, postgres or both');
}
const chosen = databases.filter((d) => options.db === 'both' || options.db === d.name);

interface DatabaseFigures {
  push: PushFigures;
  pull: PullFigures;
}

const results: Record<string, DatabaseFigures> = {};
const loadBefore = os.loadavg()[0] ?? NaN;
const wallStarted = performance.now();
for (const database of chosen) {
  results[database.name] = await measure(database);
}
const wallSeconds = (performance.now() - wallStarted) / 1000;

async function measure(database: TestDatabase): Promise<DatabaseFigures> {
  process.stdout.write(`${database.name}: push…`);
  const push = await measurePush(database, options);
  process.stdout.write(` pull of ${fmt(options.services)} services…`);
  const pull = await measurePull(database, options);
  process.stdout.write(' done\n');
  return { push, pull };
}

function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

const verdict = (isMet: boolean) => (isMet ? 'PASS' : 'MISS');
const bestRun = (pull: PullFigures) =>
  pull.runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));

type Row = [label: string, cells: (figures: DatabaseFigures) => string, target: string];
const rows: Row[] = [
  ['Push (service.create over HTTP, batches of 100)', () => '', ''],
  ['  push', (f) => `${fmt(f.push.pushPerSecond)} intents/s`, ''],
  ['  plain INSERT baseline', (f) => `${fmt(f.push.insertPerSecond)} rows/s`, ''],
  [
    '  SQL statements per service',
    (f) =>
      `${fmt(f.push.statementsPerIntent, 1)} vs ${fmt(f.push.statementsPerInsert, 1)}`,
    '',
  ],
  [
    '  push / INSERT',
    (f) => `${fmt(f.push.ratio, 2)}  ${verdict(f.push.ratio >= TARGETS.pushRatio)}`,
    `≥ ${TARGETS.pushRatio}`,
  ],
  [`Full pull (reviewer, null cursor)`, () => '', ''],
  ['  registry generation', (f) => `${fmt(f.pull.generateSeconds, 1)} s`, ''],
  ['  server RSS idle', (f) => `${fmt(f.pull.serverIdleRssMb)} MB`, ''],
];
for (const [index, pageSize] of options.pageSizes.entries()) {
  const run = (f: DatabaseFigures) => f.pull.runs[index];
  rows.push(
    [`  page size ${fmt(pageSize)}: pages`, (f) => fmt(run(f)?.pages ?? NaN), ''],
    ['    rows pulled', (f) => fmt(run(f)?.changes ?? NaN), ''],
    [
      '    time',
      (f) => {
        const seconds = run(f)?.seconds ?? NaN;
        return `${fmt(seconds, 2)} s  ${verdict(seconds < TARGETS.pullSeconds)}`;
      },
      `< ${TARGETS.pullSeconds} s`,
    ],
    ['    rows/s', (f) => fmt(run(f)?.rowsPerSecond ?? NaN), ''],
    [
      '    server peak RSS',
      (f) => {
        const peak = run(f)?.serverPeakRssMb ?? NaN;
        return `${fmt(peak)} MB  ${verdict(peak < TARGETS.serverRssMb)}`;
      },
      `< ${TARGETS.serverRssMb} MB`,
    ],
  );
}

const names = chosen.map((d) => d.name);
const table = [
  ['', ...names.map((n) => (n === 'sqlite' ? 'SQLite' : 'PostgreSQL')), 'target'],
  ...rows.map(([label, cell, target]) => [
    label,
    ...names.map((n) => {
      const figures = results[n];
      return figures ? cell(figures) : '';
    }),
    target,
  ]),
];
const widths = table[0]?.map((_, c) =>
  Math.max(...table.map((r) => (r[c] ?? '').length)),
);
const lines = table.map((r) =>
  r
    .map((cell, c) =>
      c === 0 ? cell.padEnd(widths?.[c] ?? 0) : cell.padStart(widths?.[c] ?? 0),
    )
    .join('   '),
);

console.log('');
console.log(
  `DXER server bench: ${fmt(options.services)} services over ${fmt(options.agencies)} agencies; ` +
    `push ${fmt(options.intents)} intents after ${fmt(options.warmup)} warm-up; ` +
    `Node ${process.version}, ${os.cpus().length} CPUs, load ${fmt(loadBefore, 1)}; ` +
    `${fmt(wallSeconds, 0)} s in all`,
);
for (const line of lines) console.log(line);
for (const name of names) {
  const figures = results[name];
  if (figures && options.pageSizes.length > 1) {
    console.log(`${name}: fastest page size ${fmt(bestRun(figures.pull).pageSize)}`);
  }
}

const outFile = path.join(process.cwd(), 'test-results', 'bench', 'server-bench.json');
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(
  outFile,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      loadAverageAtStart: loadBefore,
      options,
      targets: TARGETS,
      wallSeconds,
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`written to ${path.relative(process.cwd(), outFile)}`);
