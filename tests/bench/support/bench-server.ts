// A central server in its own process for the desktop bench, so the bench
// process's memory is the desktop's alone. Fills the registry on first use,
// then prints its URL on stdout.
import pino from 'pino';
import { generateRegistry } from '../../../src-server/seed/generate-registry';
import { startServer } from '../../../src-server/server';

const [sqliteFile, count, firstSync = 'snapshot'] = process.argv.slice(2);
if (!sqliteFile || !count)
  throw new Error('usage: sqliteFile serviceCount [snapshot|feed]');

await generateRegistry({
  sqliteFile,
  serviceCount: Number(count),
  // Kept under 500: the generator writes the agencies' feed entries in one
  // statement, and SQLite refuses a compound SELECT of 500 terms or more.
  agencyCount: 400,
  logger: pino({ level: 'silent' }),
});
const server = await startServer({
  port: 0,
  sqliteFile,
  seedDemo: true,
  logLevel: 'silent',
  // "feed": a server without snapshots, so the desktop fills from the feed.
  ...(firstSync === 'feed' ? { snapshotDir: false as const } : { prepareSnapshot: true }),
});
// A server keeps the whole-registry snapshot ready (it builds it at start
// and brings it up to date as the feed moves); the bench times the desktop's
// first sync from it, and reports the build apart.
const buildStarted = performance.now();
await server.snapshots?.idle();
const snapshotBuildSeconds = (performance.now() - buildStarted) / 1000;
process.stdout.write(`${JSON.stringify({ url: server.url, snapshotBuildSeconds })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
