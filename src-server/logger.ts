import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line. */
const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'password',
  '*.password',
  'token',
  '*.token',
  'body.password',
  'body.token',
];

/**
 * The server's one logger; modules take named children of it. It writes to
 * stdout unless given another destination (a command keeps stdout for its
 * verdict).
 */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { process: 'dxer-server' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
    },
    destination,
  );
}
