// Desktop sync figures: initial sync of a large registry into an empty local
// store beside a raw SQLite bulk insert of the same rows, search latency over
// them, and the desktop process's memory. Measures; it prints and asserts
// nothing (desktop-sync-bench.ts and all-bench.ts print).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import sqlite3 from 'sqlite3';
import { createDesktopApp } from '../../../src-main/app/desktop-app';
import { LOCAL_DB_FILE, openLocalStore } from '../../../src-main/local-store/database';
import { listServices } from '../../../src-main/local-store/service-queries';
import { foldAz, sortKeyAz } from '../../../shared/text/az';
import { createFileTokenVault } from '../../../src-main/session/file-token-vault';
import { percentile } from './bench-output';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface DesktopSyncOptions {
  services: number;
  /** How the server lets a new desktop fill: from its snapshot (as it runs), or from the feed alone. */
  firstSync?: 'snapshot' | 'feed';
  /** pino level of the desktop's logger. */
  logLevel: string;
  /** Runs after the figures are taken, while the server still runs (the unified bench fills PouchDB). */
  beforeServerStops?: (serverUrl: string) => Promise<void>;
  /** Progress lines. */
  progress: (line: string) => void;
}

/** p50, p95 and the slowest of a sorted list of timings, in ms. */
export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

export interface DesktopSyncFigures {
  services: number;
  serverReadySeconds: number;
  /** The server's build of the whole-registry snapshot (in the background, before any desktop asks). */
  snapshotBuildSeconds: number;
  /** The first sync filled the store from the snapshot, not from the feed page by page. */
  fromSnapshot: boolean;
  syncSeconds: number;
  rawInsertSeconds: number;
  /** Rows the raw insert wrote: the services (their documents ride along). */
  rawRows: number;
  /** sync / raw insert. */
  ratio: number;
  search: {
    queries: number;
    firstPage: Spread;
    count: Spread;
    firstCount: Spread;
    distinctFilters: number;
    afterEdit: Spread;
    afterPageMs: number;
    coldMs: number;
  };
  memory: {
    rawRssMb: number;
    /** After a forced GC; NaN when the process runs without --expose-gc. */
    rssMb: number;
    heapUsedMb: number;
    externalMb: number;
  };
}

const spreadOf = (sorted: readonly number[]): Spread => ({
  p50: percentile(sorted, 50),
  p95: percentile(sorted, 95),
  max: sorted.at(-1) ?? NaN,
});

function startBenchServer(
  work: string,
  serviceCount: number,
  firstSync: 'snapshot' | 'feed',
): Promise<{ url: string; snapshotBuildSeconds: number; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(here, 'bench-server.ts'),
      path.join(work, 'server.sqlite'),
      String(serviceCount),
      firstSync,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => {
      const ready = JSON.parse(chunk.toString()) as {
        url: string;
        snapshotBuildSeconds: number;
      };
      resolve({ ...ready, child });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

/** Generates the registry in a server process, syncs it into an empty store and measures. */
export async function measureDesktopSync(
  options: DesktopSyncOptions,
): Promise<DesktopSyncFigures> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-desktop-bench-'));
  const stopServer: { child?: ChildProcess } = {};
  const kill = () => stopServer.child?.kill('SIGTERM');
  process.on('exit', kill);
  try {
    return await measureIn(work, options, stopServer);
  } finally {
    kill();
    process.removeListener('exit', kill);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function measureIn(
  work: string,
  options: DesktopSyncOptions,
  stopServer: { child?: ChildProcess },
): Promise<DesktopSyncFigures> {
  const serviceCount = options.services;
  options.progress(
    `Generating ${serviceCount.toLocaleString('en-US')} services on the server…`,
  );
  let started = Date.now();
  const server = await startBenchServer(
    work,
    serviceCount,
    options.firstSync ?? 'snapshot',
  );
  stopServer.child = server.child;
  const serverReadySeconds = (Date.now() - started) / 1000;
  options.progress(
    `  server ready in ${serverReadySeconds.toFixed(1)} s at ${server.url}`,
  );

  const dataDir = path.join(work, 'desktop');
  let fromSnapshot = false;
  // The first sync's path is read from the desktop's own log; lines at the
  // asked level or above go on to stdout.
  const shownFrom = pino.levels.values[options.logLevel] ?? Infinity;
  const logSink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as {
          level: number;
          msg?: string;
          outcome?: { kind?: string };
        };
        if (
          entry.msg === 'first-sync snapshot handled' &&
          entry.outcome?.kind === 'adopted'
        )
          fromSnapshot = true;
        if (entry.level >= shownFrom) process.stdout.write(`${line}\n`);
      }
      done();
    },
  });
  const app = await createDesktopApp({
    dataDir,
    serverUrl: server.url,
    tokenVault: createFileTokenVault(dataDir),
    logger: pino({ level: 'info' }, logSink),
    syncIntervalMs: 3_600_000,
  });
  await app.handlers['session.login']({
    username: 'reviewer',
    password: 'reviewer-demo',
  });

  options.progress('  initial sync…');
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
  options.progress('  raw SQLite bulk insert of the same rows…');
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
  options.progress('  search…');
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
    const key = JSON.stringify({
      ...filters,
      query: input.query.toLocaleLowerCase('az'),
    });
    if (!asked.has(key)) firstCountTimings.push(ms);
    asked.add(key);
  }
  for (const list of [pageTimings, countTimings, firstCountTimings])
    list.sort((a, b) => a - b);

  await options.beforeServerStops?.(server.url);
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

  return {
    services: total,
    serverReadySeconds,
    snapshotBuildSeconds: server.snapshotBuildSeconds,
    fromSnapshot,
    syncSeconds: syncMs / 1000,
    rawInsertSeconds: rawMs / 1000,
    rawRows: rows.length,
    ratio: syncMs / rawMs,
    search: {
      queries: queries.length,
      firstPage: spreadOf(pageTimings),
      count: spreadOf(countTimings),
      firstCount: spreadOf(firstCountTimings),
      distinctFilters: firstCountTimings.length,
      afterEdit: spreadOf(afterEditTimings),
      afterPageMs,
      coldMs,
    },
    memory: {
      rawRssMb,
      rssMb: gc ? rssMb : NaN,
      heapUsedMb,
      externalMb,
    },
  };
}
