import pino from 'pino';
import type { Logger } from 'pino';

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

/** The server's one logger; modules take named children of it. */
export function createLogger(level = 'info'): Logger {
  return pino({
    level,
    base: { process: 'dxer-server' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
  });
}
