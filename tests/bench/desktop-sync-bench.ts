// Desktop sync figures: initial sync of a large registry into an empty local
// store beside a raw SQLite bulk insert of the same rows, search latency over
// them, and the desktop process's memory. Prints figures; it asserts nothing.
// DXER_BENCH_SERVICES sets the registry size (100,000 by default);
// DXER_BENCH_FIRST_SYNC=feed runs it against a server without snapshots, so
// the desktop fills from the change feed page by page.
import { fmt } from './support/bench-output';
import { measureDesktopSync } from './support/desktop-sync';
import type { Spread } from './support/desktop-sync';

const f = await measureDesktopSync({
  services: Number(process.env.DXER_BENCH_SERVICES ?? 100_000),
  firstSync: process.env.DXER_BENCH_FIRST_SYNC === 'feed' ? 'feed' : 'snapshot',
  logLevel: process.env.DXER_BENCH_LOG ?? 'silent',
  progress: (line) => console.log(line),
});

const spread = (s: Spread) =>
  `p50 ${fmt(s.p50, 1)} ms   p95 ${fmt(s.p95, 1)} ms   max ${fmt(s.max, 1)} ms`;
const hasGc = !Number.isNaN(f.memory.rssMb);
console.log('');
console.log(`Initial sync of ${fmt(f.services, 0)} services into an empty local store`);
console.log(
  f.fromSnapshot
    ? `  filled from the server's snapshot (built in the background in ${fmt(f.snapshotBuildSeconds, 1)} s before the desktop asked), then the feed after it`
    : '  filled from the change feed page by page (no snapshot)',
);
console.log(
  `  sync (push + fill + pull)    ${fmt(f.syncSeconds, 2)} s   ${fmt(f.services / f.syncSeconds, 0)} rows/s`,
);
console.log(
  `  raw SQLite bulk insert       ${fmt(f.rawInsertSeconds, 2)} s   ${fmt(f.rawRows / f.rawInsertSeconds, 0)} rows/s`,
);
console.log(
  `  ratio sync / raw             ${fmt(f.ratio, 2)}×   (target ≤ 3×: ${f.ratio <= 3 ? 'met' : 'NOT met'})`,
);
console.log(
  `Search over ${fmt(f.services, 0)} services, ${f.search.queries} Azerbaijani queries with and without filters (limit 100)`,
);
console.log(
  `  first page (services.list, withTotal: false)   ${spread(f.search.firstPage)}   (target p95 < 20 ms: ${f.search.firstPage.p95 < 20 ? 'met' : 'NOT met'})`,
);
console.log(
  `  exact total (services.count, after the page)   ${spread(f.search.count)}   (no target: the list shows the page first)`,
);
console.log(
  `    first time each of the ${fmt(f.search.distinctFilters, 0)} distinct filters was counted: ${spread(f.search.firstCount)}`,
);
console.log(
  `  first page after one service changed   ${spread(f.search.afterEdit)}   (search index patched)`,
);
console.log(
  `  first page after 1,000 services changed   ${fmt(f.search.afterPageMs, 1)} ms   (patched; reading the index whole on a fresh connection: ${fmt(f.search.coldMs, 0)} ms)`,
);
console.log(
  `Desktop process after the sync: RSS ${fmt(f.memory.rawRssMb, 0)} MB as found, ${hasGc ? `${fmt(f.memory.rssMb, 0)} MB after a forced GC (heap ${fmt(f.memory.heapUsedMb, 0)} MB, buffers ${fmt(f.memory.externalMb, 0)} MB)` : 'no forced GC: run under node --expose-gc'}`,
);
console.log(
  `  target: post-GC resident memory < 250 MB: ${!hasGc ? 'not measured' : f.memory.rssMb < 250 ? 'met' : 'NOT met'}`,
);
