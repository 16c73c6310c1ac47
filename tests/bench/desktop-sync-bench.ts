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

// Search: words and fragments taken from the synced names, typed in mixed case.
const names = rows.map((row) => String((row as { name: string }).name));
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const queries: string[] = [];
while (queries.length < 200) {
  const words = (names[Math.floor(random() * names.length)] ?? '')
    .split(/\s+/u)
    .filter((w) => w.length >= 4);
  const word = words[Math.floor(random() * words.length)];
  if (!word) continue;
  const kind = queries.length % 4;
  const start = Math.floor(random() * Math.max(1, word.length - 4));
  if (kind === 0) queries.push(word);
  else if (kind === 1) queries.push(word.slice(start, start + 4).toLocaleUpperCase('az'));
  else if (kind === 2) queries.push(word.slice(0, 2));
  else queries.push(`${word} ${(words[0] ?? '').slice(0, 5)}`);
}
const timings: number[] = [];
for (const query of queries) {
  const t0 = performance.now();
  await app.handlers['services.list']({
    query,
    agencyId: null,
    category: null,
    type: null,
    status: null,
    offset: 0,
    limit: 100,
  });
  timings.push(performance.now() - t0);
}
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
  `Search over ${fmt(total)} services, ${queries.length} Azerbaijani queries (services.list, limit 100)`,
);
console.log(
  `  p50 ${fmt(percentile(timings, 50), 1)} ms   p95 ${fmt(percentile(timings, 95), 1)} ms   max ${fmt(timings.at(-1) ?? NaN, 1)} ms   (target p95 < 20 ms: ${percentile(timings, 95) < 20 ? 'met' : 'NOT met'})`,
);
console.log(
  `Desktop process RSS after the sync: ${fmt(rssMb)} MB   (target < 250 MB: ${rssMb < 250 ? 'met' : 'NOT met'})`,
);
fs.rmSync(work, { recursive: true, force: true });
