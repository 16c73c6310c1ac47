import pino from 'pino';
import { createLogger } from '../logger';
import { EXIT_NOT_VERIFIED, runVerifyCommand } from './verify-command';

/**
 * `npm run audit:verify`: exit 0 when the audit chain is intact, 1 when it
 * is broken (the verdict names the first broken entry), 2 when it could not
 * be verified. Logs go to stderr so stdout holds only the verdict.
 */
const logger = createLogger(
  process.env.LOG_LEVEL ?? 'info',
  pino.destination({ dest: 2, sync: true }),
).child({ module: 'audit-verify' });

async function main(): Promise<void> {
  process.exitCode = await runVerifyCommand({
    env: process.env,
    args: process.argv.slice(2),
    logger,
    print: (line) => process.stdout.write(`${line}\n`),
  });
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'the audit check failed');
  process.exitCode = EXIT_NOT_VERIFIED;
});
