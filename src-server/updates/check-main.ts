import pino from 'pino';
import { createLogger } from '../logger';
import { EXIT_FEED_NOT_CHECKED, runUpdatesCheck } from './check-command';

/**
 * `npm run updates:check`: exit 0 when every channel file matches its
 * installers, 1 when one does not (its line names each file and problem),
 * 2 when nothing could be checked. Logs go to stderr, verdicts to stdout.
 */
const logger = createLogger(
  process.env.LOG_LEVEL ?? 'info',
  pino.destination({ dest: 2, sync: true }),
).child({ module: 'updates-check' });

async function main(): Promise<void> {
  process.exitCode = await runUpdatesCheck({
    env: process.env,
    args: process.argv.slice(2),
    logger,
    print: (line) => process.stdout.write(`${line}\n`),
  });
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'the update feed check failed');
  process.exitCode = EXIT_FEED_NOT_CHECKED;
});
