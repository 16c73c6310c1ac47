// Open-data export figures, on SQLite and PostgreSQL in one run: the full
// CPSV-AP JSON-LD and CSV exports of a national-size registry over HTTP,
// beside a plain SELECT of the same published rows in the same run, with
// the process's peak memory. Prints a table and writes
// test-results/bench/open-data-bench.json; it asserts nothing.
//
// npm run bench:opendata -- [--services 100000] [--db sqlite|postgres|both]
// Smoke run: --services 2000. DXER_BENCH_SERVICES and DXER_BENCH_DB also work.
import os from 'node:os';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { generateRegistry } from '../../src-server/seed/generate-registry';
import { startServer } from '../../src-server/server';
import { databases } from '../server/support/databases';
import type { TestDatabase } from '../server/support/databases';
import { rssMb, sampleRss } from './support/process-memory';
import { fmt, writeBenchJson } from './support/bench-output';

const TARGET_SECONDS = 30;

const { values } = parseArgs({
  options: { services: { type: 'string' }, db: { type: 'string' } },
});
const serviceCount = Number(
  values.services ?? process.env.DXER_BENCH_SERVICES ?? 100_000,
);
const which = values.db ?? process.env.DXER_BENCH_DB ?? 'both';
if (!Number.isSafeInteger(serviceCount) || serviceCount < 1) {
  throw new Error('--services must be a positive integer');
}
if (!['sqlite', 'postgres', 'both'].includes(which)) {
  throw new Error('--db must be sqlite, postgres or both');
}
const chosen = databases.filter((d) => which === 'both' || which === d.name);

interface Figure {
  label: string;
  seconds: number;
  firstByteMs: number | null;
  megabytes: number;
  rows: number;
  peakRssMb: number;
  result: string;
}

/** Reads a whole response as it streams, keeping only counts. */
async function download(url: string, label: string): Promise<Figure> {
  const stopSampling = sampleRss(process.pid);
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  let firstByteMs: number | null = null;
  let bytes = 0;
  let lines = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    firstByteMs ??= performance.now() - started;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${label}: ${fmt(seconds, 2)} s`);
  return {
    label,
    seconds,
    firstByteMs,
    megabytes: bytes / 1024 / 1024,
    rows: lines,
    peakRssMb: stopSampling(),
    result: seconds < TARGET_SECONDS ? 'PASS' : 'MISS',
  };
}

async function measure(database: TestDatabase): Promise<Figure[]> {
  const target = await database.create();
  try {
    let started = performance.now();
    await generateRegistry({
      ...target.options,
      serviceCount,
      // Under 500: the generator writes the agencies' feed rows in one statement.
      agencyCount: 400,
      logger: pino({ level: 'silent' }),
    });
    console.log(
      `  ${database.name}: generated in ${fmt((performance.now() - started) / 1000)} s`,
    );
    const server = await startServer({ ...target.options, logLevel: 'warn' });
    try {
      const jsonLd = await download(
        `${server.url}/api/v1/open-data/services.jsonld`,
        'JSON-LD export over HTTP',
      );
      const csv = await download(
        `${server.url}/api/v1/open-data/services.csv`,
        'CSV export over HTTP',
      );
      // Baseline, after the exports so their peak memory is their own: the same
      // published rows, records included, in one plain SELECT.
      const stopSampling = sampleRss(process.pid);
      started = performance.now();
      const rows = (await server.db.raw(
        `SELECT s.registry_code, s.agency_id, n.name, n.aliases, v.number, v.decided_at, v.record
         FROM services s
         JOIN service_names n ON n.id = s.service_name_id
         JOIN service_versions v ON v.service_id = s.id AND v.status = 'approved'`,
      )) as unknown;
      const count = Array.isArray(rows)
        ? rows.length
        : ((rows as { rows?: unknown[] }).rows?.length ?? 0);
      const baseline: Figure = {
        label: '  plain SELECT of the same rows',
        seconds: (performance.now() - started) / 1000,
        firstByteMs: null,
        megabytes: 0,
        rows: count,
        peakRssMb: stopSampling(),
        result: '',
      };
      return [jsonLd, csv, baseline];
    } finally {
      await server.close();
    }
  } finally {
    await target.drop();
  }
}

console.log(
  `Open-data bench: ${serviceCount.toLocaleString('en-US')} published services ` +
    `on ${chosen.map((d) => d.name).join(' and ')}…`,
);
const results: Record<string, Figure[]> = {};
for (const database of chosen) results[database.name] = await measure(database);

console.log(
  `\nDXER open-data bench: ${serviceCount.toLocaleString('en-US')} services; ` +
    `Node ${process.version}, ${os.cpus().length} CPUs, load ${fmt(os.loadavg()[0] ?? 0)}, ` +
    `bench process RSS now ${fmt(rssMb(process.pid), 0)} MB`,
);
console.log(
  `${'figure'.padEnd(44)}${'s'.padStart(8)}${'1st byte ms'.padStart(13)}` +
    `${'MB'.padStart(9)}${'lines/rows'.padStart(12)}${'peak RSS MB'.padStart(13)}` +
    `  target < ${TARGET_SECONDS} s`,
);
for (const [name, figures] of Object.entries(results)) {
  for (const f of figures) {
    console.log(
      `${`${name}: ${f.label}`.padEnd(44)}${fmt(f.seconds, 2).padStart(8)}` +
        `${(f.firstByteMs === null ? '' : fmt(f.firstByteMs, 0)).padStart(13)}` +
        `${fmt(f.megabytes).padStart(9)}${f.rows.toLocaleString('en-US').padStart(12)}` +
        `${fmt(f.peakRssMb, 0).padStart(13)}  ${f.result}`,
    );
  }
}

const written = writeBenchJson('open-data-bench', {
  services: serviceCount,
  targetSeconds: TARGET_SECONDS,
  node: process.version,
  cpus: os.cpus().length,
  figures: Object.fromEntries(
    Object.entries(results).map(([name, figures]) => [
      name,
      figures.map((f) => ({ ...f, label: f.label.trim() })),
    ]),
  ),
});
console.log(`written to ${written}`);
