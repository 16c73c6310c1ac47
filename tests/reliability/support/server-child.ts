// The real server in a child process the fault driver can kill. It prints
// "ready" once listening. A line "arm" on stdin makes the next push batch
// that applied something print "precommit" and pause just before its
// commit, so the driver can kill it inside the transaction; "disarm" undoes it.
import readline from 'node:readline';
import { startServer } from '../../../src-server/server';

const env = process.env;
let isArmed = false;
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'arm') isArmed = true;
  if (line === 'disarm') isArmed = false;
});

const server = await startServer({
  port: Number(env.PORT),
  databaseUrl: env.DATABASE_URL || undefined,
  sqliteFile: env.SQLITE_FILE || undefined,
  seedDemo: true,
  logLevel: env.DXER_TEST_LOG ?? 'silent',
  hooks: {
    async beforeCommit() {
      if (!isArmed) return;
      isArmed = false;
      process.stdout.write('precommit\n');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    },
  },
});
process.stdout.write(`ready ${server.port}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
