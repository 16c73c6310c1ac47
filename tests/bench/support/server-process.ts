// The central server in a process of its own, so the server bench can read
// the server's memory apart from the client that pulls from it. Takes the
// database options as JSON in argv[2] and prints its URL on stdout once it
// listens.
import { startServer } from '../../../src-server/server';
import type { StartOptions } from '../../../src-server/server';

const options = JSON.parse(process.argv[2] ?? '{}') as Pick<
  StartOptions,
  'databaseUrl' | 'sqliteFile' | 'searchPath'
>;
const server = await startServer({
  ...options,
  port: 0,
  seedDemo: true,
  logLevel: process.env.LOG_LEVEL ?? 'warn',
});
process.stdout.write(`${server.url}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
