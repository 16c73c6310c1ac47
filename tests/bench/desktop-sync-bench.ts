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
import { listServices } from '../../src-main/local-store/service-queries';
import { foldAz, sortKeyAz } from '../../shared/text/az';
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
// The raw figure includes garbage V8 has not collected yet, which varies
// from run to run; after a forced full collection what remains is what the
// process holds. The bench runs under --expose-gc (npm run bench:desktop).
const mb = (bytes: number) => bytes / 1024 / 1024;
const rawRssMb = mb(process.memoryUsage().rss);
const gc = globalThis.gc;
// V8 returns the pages a full collection emptied only once its sweeper has
// finished, so the figure is read after a second collection a moment later.
gc?.();
await new Promise((resolve) => setTimeout(resolve, 1_000));
gc?.();
const memory = process.memoryUsage();
const rssMb = mb(memory.rss);
const heapUsedMb = mb(memory.heapUsed);
const externalMb = mb(memory.external + memory.arrayBuffers);

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
// As the renderer asks: the first page without the total, then the exact
// total. A total is counted once per query and filters; the first time each
// is asked shows what a new query costs, repeats what paging back costs.
const pageTimings: number[] = [];
const countTimings: number[] = [];
const firstCountTimings: number[] = [];
const asked = new Set<string>();
for (const input of queries) {
  let t0 = performance.now();
  await app.handlers['services.list']({ ...input, withTotal: false });
  pageTimings.push(performance.now() - t0);
  t0 = performance.now();
  const { offset: _offset, limit: _limit, withTotal: _withTotal, ...filters } = input;
  await app.handlers['services.count'](filters);
  const ms = performance.now() - t0;
  countTimings.push(ms);
  const key = JSON.stringify({ ...filters, query: input.query.toLocaleLowerCase('az') });
  if (!asked.has(key)) firstCountTimings.push(ms);
  asked.add(key);
}
for (const list of [pageTimings, countTimings, firstCountTimings])
  list.sort((a, b) => a - b);
const spread = (sorted: number[]) =>
  `p50 ${fmt(percentile(sorted, 50), 1)} ms   p95 ${fmt(percentile(sorted, 95), 1)} ms   max ${fmt(sorted.at(-1) ?? NaN, 1)} ms`;

await app.stop();
server.child.kill('SIGTERM');

// Search right after services change: the in-memory search index is patched
// from the changed rows. Measured on the synced store through the store's
// own query module: one service renamed (a saved edit), then 1,000 services
// changed in one transaction (a pull page), each followed by a first page.
const store = await openLocalStore(dataDir);
const firstPage = { query: 'verilməsi', ...noFilters, offset: 0, limit: 100 };
await listServices(store, { ...firstPage, withTotal: false });
const afterEditTimings: number[] = [];
const edited = await store('services')
  .orderBy('rowid')
  .limit(20)
  .select<Array<{ rowid: number; name: string }>>('rowid', 'name');
for (const row of edited) {
  const name = `Ağ ${row.name}`;
  await store('services')
    .where({ rowid: row.rowid })
    .update({ name, name_sort: sortKeyAz(name), name_fold: foldAz(name) });
  const t0 = performance.now();
  await listServices(store, { ...firstPage, withTotal: false });
  afterEditTimings.push(performance.now() - t0);
}
afterEditTimings.sort((a, b) => a - b);
await store.raw(
  "update services set status = case status when 'approved' then 'returned' else 'approved' end where rowid in (select rowid from services order by rowid desc limit 1000)",
);
let t1 = performance.now();
await listServices(store, { ...firstPage, withTotal: false });
const afterPageMs = performance.now() - t1;
await store.destroy();
const rebuildStore = await openLocalStore(dataDir);
t1 = performance.now();
await listServices(rebuildStore, { ...firstPage, withTotal: false });
const coldMs = performance.now() - t1;
await rebuildStore.destroy();

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
  `Search over ${fmt(total)} services, ${queries.length} Azerbaijani queries with and without filters (limit 100)`,
);
const pageP95 = percentile(pageTimings, 95);
console.log(
  `  first page (services.list, withTotal: false)   ${spread(pageTimings)}   (target p95 < 20 ms: ${pageP95 < 20 ? 'met' : 'NOT met'})`,
);
console.log(
  `  exact total (services.count, after the page)   ${spread(countTimings)}   (no target: the list shows the page first)`,
);
console.log(
  `    first time each of the ${fmt(firstCountTimings.length)} distinct filters was counted: ${spread(firstCountTimings)}`,
);
console.log(
  `  first page after one service changed   ${spread(afterEditTimings)}   (search index patched)`,
);
console.log(
  `  first page after 1,000 services changed   ${fmt(afterPageMs, 1)} ms   (patched; reading the index whole on a fresh connection: ${fmt(coldMs, 0)} ms)`,
);
console.log(
  `Desktop process after the sync: RSS ${fmt(rawRssMb)} MB as found, ${gc ? `${fmt(rssMb)} MB after a forced GC (heap ${fmt(heapUsedMb)} MB, buffers ${fmt(externalMb)} MB)` : 'no forced GC: run under node --expose-gc'}`,
);
console.log(
  `  target: post-GC resident memory < 250 MB: ${!gc ? 'not measured' : rssMb < 250 ? 'met' : 'NOT met'}`,
);
fs.rmSync(work, { recursive: true, force: true });
