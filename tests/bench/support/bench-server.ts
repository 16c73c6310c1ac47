// A central server in its own process for the desktop bench, so the bench
// process's memory is the desktop's alone. Fills the registry on first use,
// then prints its URL on stdout.
import pino from 'pino';
import { generateRegistry } from '../../../src-server/seed/generate-registry';
import { startServer } from '../../../src-server/server';

const [sqliteFile, count] = process.argv.slice(2);
if (!sqliteFile || !count) throw new Error('usage: sqliteFile serviceCount');

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
});
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
