// Desktop sync figures: initial sync of a large registry into an empty local
// store beside a raw SQLite bulk insert of the same rows, search latency over
// them, and the desktop process's memory. Prints figures; it asserts nothing.
// DXER_BENCH_SERVICES sets the registry size (100,000 by default).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import sqlite3 from 'sqlite3';
import { createDesktopApp } from '../../src-main/app/desktop-app';
import { LOCAL_DB_FILE, openLocalStore } from '../../src-main/local-store/database';
import { createFileTokenVault } from '../../src-main/session/file-token-vault';

const here = path.dirname(fileURLToPath(import.meta.url));
const serviceCount = Number(process.env.DXER_BENCH_SERVICES ?? 100_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-desktop-bench-'));

function startBenchServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(here, 'support/bench-server.ts'),
      path.join(work, 'server.sqlite'),
      String(serviceCount),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) =>
      resolve({ url: chunk.toString().trim(), child }),
    );
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
  );
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });

console.log(`Generating ${fmt(serviceCount)} services on the server…`);
let started = Date.now();
const server = await startBenchServer();
process.on('exit', () => server.child.kill('SIGTERM'));
console.log(
  `  server ready in ${fmt((Date.now() - started) / 1000, 1)} s at ${server.url}`,
);

const dataDir = path.join(work, 'desktop');
const app = await createDesktopApp({
  dataDir,
  serverUrl: server.url,
  tokenVault: createFileTokenVault(dataDir),
  logger: pino({ level: process.env.DXER_BENCH_LOG ?? 'silent' }),
  syncIntervalMs: 3_600_000,
});
await app.handlers['session.login']({ username: 'reviewer', password: 'reviewer-demo' });

started = performance.now();
const status = await app.handlers['sync.now']({});
const syncMs = performance.now() - started;
if (status.connection.kind !== 'idle')
  throw new Error(`sync failed: ${JSON.stringify(status.connection)}`);
const { total } = await app.handlers['services.list']({
  query: '',
  agencyId: null,
  category: null,
  type: null,
  status: null,
  offset: 0,
  limit: 1,
});
global.gc?.();
const rssMb = process.memoryUsage().rss / 1024 / 1024;

// Raw bulk insert: the same rows (services and their documents) through the
// sqlite3 driver itself, prepared statements, one transaction: the floor the
// sync is measured against.
const rawDir = path.join(work, 'raw');
const rawStore = await openLocalStore(rawDir);
await rawStore.raw('attach database ? as synced', [path.join(dataDir, LOCAL_DB_FILE)]);
const tables = ['services', 'service_documents'];
const copied = new Map<string, Record<string, unknown>[]>();
for (const table of tables) {
  copied.set(
    table,
    await rawStore(`synced.${table}`).select<Record<string, unknown>[]>('*'),
  );
}
await rawStore.destroy();
const rawDb = new sqlite3.Database(path.join(rawDir, LOCAL_DB_FILE));
const run = (sql: string) =>
  new Promise<void>((resolve, reject) =>
    rawDb.exec(sql, (error) => (error ? reject(error) : resolve())),
  );
await run('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
started = performance.now();
await run('BEGIN');
for (const table of tables) {
  const tableRows = copied.get(table) ?? [];
  const columns = Object.keys(tableRows[0] ?? {});
  const statement = rawDb.prepare(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of tableRows) {
    await new Promise<void>((resolve, reject) =>
      statement.run(
        columns.map((column) => row[column] ?? null),
        (error: Error | null) => (error ? reject(error) : resolve()),
      ),
    );
  }
  await new Promise<void>((resolve) => statement.finalize(() => resolve()));
}
await run('COMMIT');
const rawMs = performance.now() - started;
await new Promise<void>((resolve) => rawDb.close(() => resolve()));
const rows = copied.get('services') ?? [];

// Search: the mix a registry user types, in mixed case: words and fragments
// taken from the synced names, the commonest word (in about a quarter of
// the names), one- and two-letter queries, the empty query, and queries
// under the agency, category, type and status filters.
const names = rows.map((row) => String((row as { name: string }).name));
const rowAgencies = rows.map((row) => String((row as { agency_id: string }).agency_id));
const rowCategories = rows.map(
  (row) => JSON.parse(String((row as { categories: string }).categories)) as string[],
);
const wordCounts = new Map<string, number>();
for (const name of names) {
  for (const word of new Set(name.split(/\s+/u))) {
    if (word.length >= 4) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  }
}
const commonest = [...wordCounts].sort((a, b) => b[1] - a[1]).slice(0, 4);
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const anyOf = <T>(items: readonly T[]): T | undefined =>
  items[Math.floor(random() * items.length)];
const noFilters = { agencyId: null, category: null, type: null, status: null } as const;
type ListInput = Parameters<(typeof app.handlers)['services.list']>[0];
const queries: ListInput[] = [];
while (queries.length < 200) {
  const words = (anyOf(names) ?? '').split(/\s+/u).filter((w) => w.length >= 4);
  const word = anyOf(words);
  if (!word) continue;
  const start = Math.floor(random() * Math.max(1, word.length - 4));
  const fragment = word.slice(start, start + 4).toLocaleUpperCase('az');
  const input: ListInput = { query: '', ...noFilters, offset: 0, limit: 100 };
  switch (queries.length % 10) {
    case 0:
      input.query = word;
      break;
    case 1:
      input.query = fragment;
      break;
    case 2:
      input.query = word.slice(0, 2);
      break;
    case 3:
      input.query = `${word} ${(words[0] ?? '').slice(0, 5)}`;
      break;
    case 4:
      input.query = word.slice(start, start + 1);
      break;
    case 5:
      input.query = anyOf(commonest)?.[0] ?? word;
      break;
    case 6:
      if (random() < 0.5) input.agencyId = anyOf(rowAgencies) ?? null;
      else input.query = word.slice(0, 3);
      break;
    case 7:
      input.category = anyOf(anyOf(rowCategories) ?? []) ?? null;
      input.query = random() < 0.5 ? '' : word.slice(0, 2);
      break;
    case 8:
      input.type =
        anyOf(['electronic', 'partlyElectronic', 'nonElectronic'] as const) ?? null;
      input.query = random() < 0.5 ? '' : word;
      break;
    default:
      input.status = random() < 0.7 ? 'approved' : 'returned';
      input.query = random() < 0.3 ? '' : fragment;
  }
  queries.push(input);
}
const timings: number[] = [];
// A total is counted once per query and filters; the first time each is
// asked shows what a new query costs, repeats what paging back to it costs.
const firstTimings: number[] = [];
const asked = new Set<string>();
for (const input of queries) {
  const t0 = performance.now();
  await app.handlers['services.list'](input);
  const ms = performance.now() - t0;
  timings.push(ms);
  const key = JSON.stringify({ ...input, query: input.query.toLocaleLowerCase('az') });
  if (!asked.has(key)) firstTimings.push(ms);
  asked.add(key);
}
firstTimings.sort((a, b) => a - b);
timings.sort((a, b) => a - b);

await app.stop();
server.child.kill('SIGTERM');

const ratio = syncMs / rawMs;
console.log('');
console.log(`Initial sync of ${fmt(total)} services into an empty local store`);
console.log(
  `  sync (push + pull + apply)   ${fmt(syncMs / 1000, 2)} s   ${fmt(total / (syncMs / 1000))} rows/s`,
);
console.log(
  `  raw SQLite bulk insert       ${fmt(rawMs / 1000, 2)} s   ${fmt(rows.length / (rawMs / 1000))} rows/s`,
);
console.log(
  `  ratio sync / raw             ${fmt(ratio, 2)}×   (target ≤ 3×: ${ratio <= 3 ? 'met' : 'NOT met'})`,
);
console.log(
  `Search over ${fmt(total)} services, ${queries.length} Azerbaijani queries with and without filters (services.list, limit 100)`,
);
console.log(
  `  p50 ${fmt(percentile(timings, 50), 1)} ms   p95 ${fmt(percentile(timings, 95), 1)} ms   max ${fmt(timings.at(-1) ?? NaN, 1)} ms   (target p95 < 20 ms: ${percentile(timings, 95) < 20 ? 'met' : 'NOT met'})`,
);
console.log(
  `  first time each of the ${fmt(firstTimings.length)} distinct queries was asked: p50 ${fmt(percentile(firstTimings, 50), 1)} ms   p95 ${fmt(percentile(firstTimings, 95), 1)} ms   max ${fmt(firstTimings.at(-1) ?? NaN, 1)} ms`,
);
console.log(
  `Desktop process RSS after the sync: ${fmt(rssMb)} MB   (target < 250 MB: ${rssMb < 250 ? 'met' : 'NOT met'})`,
);
fs.rmSync(work, { recursive: true, force: true });
