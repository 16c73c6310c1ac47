import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MIN_PROTOCOL_VERSION } from '../../../shared/sync/protocol';

/** One request that reached the proxy. */
export interface RecordedRequest {
  method: string;
  path: string;
  at: number;
  status: number | null;
}

/**
 * A small HTTP proxy in front of the real server that records every request
 * the desktop sends, so a test can tell a quiet engine from a retry loop.
 * With `isClientOutdated` it presents sync requests to the server as coming
 * from a protocol below the server's window, so the real server answers
 * with its own 426 and error body, as it would to an app that is too old.
 * With `isSyncFailing` sync requests get a 503, as from a gateway whose
 * server is restarting. When the server is down, the client's connection is
 * dropped, as a dead server's would be.
 */
export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  isClientOutdated: boolean;
  isSyncFailing: boolean;
  /** Requests to `path` (or to any path) that arrived at or after `since`. */
  count(since: number, path?: string): number;
  close(): Promise<void>;
}

/** Starts a recording proxy on 127.0.0.1 in front of targetUrl. */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const requests: RecordedRequest[] = [];
  const state = { isClientOutdated: false, isSyncFailing: false };

  const server = http.createServer((request, response) => {
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      at: Date.now(),
      status: null,
    };
    requests.push(record);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (state.isSyncFailing && record.path.startsWith('/api/v1/sync/')) {
        record.status = 503;
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            error: {
              code: 'INTERNAL',
              message: 'gateway: server restarting',
              fields: [],
            },
          }),
        );
        return;
      }
      let body = Buffer.concat(chunks);
      const headers = { ...request.headers };
      if (state.isClientOutdated && record.path.startsWith('/api/v1/sync/')) {
        const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        parsed.protocolVersion = MIN_PROTOCOL_VERSION - 1;
        body = Buffer.from(JSON.stringify(parsed));
        headers['content-length'] = String(body.length);
      }
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.url,
          headers,
        },
        (answer) => {
          record.status = answer.statusCode ?? null;
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => request.socket.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: (since: number, path?: string) =>
      requests.filter((r) => r.at >= since && (path === undefined || r.path === path))
        .length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
