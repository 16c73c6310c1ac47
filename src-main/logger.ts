import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line. */
const redactedPaths = [
  'password',
  '*.password',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
];

/**
 * The main process's one logger; each module takes a named child of it. It
 * writes to stdout unless given another destination (a command keeps stdout
 * for its verdict).
 */
export function createLogger(
  level = process.env.DXER_LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level,
      base: { process: 'dxer-main' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
    },
    destination,
  );
}
