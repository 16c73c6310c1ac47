import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ContractEvent } from '../../shared/contract/contract';

/** Subscribes to main's events; returns the unsubscribe function. */
export type Subscribe = (
  listener: (event: ContractEvent, payload: unknown) => void,
) => () => void;

/** The open Server-Sent Events streams of one host, so closing the host can end them. */
export type EventStreams = {
  open(response: ServerResponse): void;
  closeAll(): void;
};

/**
 * Feeds main's events to the renderer as Server-Sent Events. A comment line
 * goes out every heartbeatMs so that a dead connection is noticed by both
 * ends and no proxy or browser times the stream out while nothing happens.
 */
export function createEventStreams(
  subscribe: Subscribe,
  logger: Logger,
  heartbeatMs: number,
): EventStreams {
  const log = logger.child({ module: 'host-events' });
  const open = new Set<() => void>();

  return {
    open(response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
      });
      // The browser reconnects on its own after this many milliseconds.
      response.write('retry: 2000\n\n');

      const unsubscribe = subscribe((event, payload) => {
        response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);

      const close = () => {
        if (!open.delete(close)) return;
        clearInterval(heartbeat);
        unsubscribe();
        response.end();
        log.debug({ streams: open.size }, 'event stream closed');
      };
      open.add(close);
      response.on('close', close);
      log.debug({ streams: open.size }, 'event stream opened');
    },
    closeAll() {
      for (const close of [...open]) close();
    },
  };
}
