import pino from 'pino';
import { createLogger } from '../logger';
import { EXIT_NOT_CHECKED, runVerifyReportCommand } from './verify-report-command';

/**
 * `npm run report:verify -- <report file> <report data JSON>`: exit 0 when
 * the file matches the data, 1 when it does not, 2 when it could not be
 * checked. Logs go to stderr so stdout holds only the one-line verdict.
 */
const logger = createLogger(
  process.env.DXER_LOG_LEVEL ?? 'info',
  pino.destination({ dest: 2, sync: true }),
).child({ module: 'report-verify' });

async function main(): Promise<void> {
  process.exitCode = await runVerifyReportCommand({
    args: process.argv.slice(2),
    logger,
    print: (line) => process.stdout.write(`${line}\n`),
  });
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'the report check failed');
  process.exitCode = EXIT_NOT_CHECKED;
});
