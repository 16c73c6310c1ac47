import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP proxy in front of the real server that can lose answers:
 * it forwards a push, lets the server commit it, reads the whole response
 * and then closes the client's socket without answering. It can also fail
 * pulls with 503 so a test can look at the outbox between push and pull.
 */
export interface DroppingProxy {
  url: string;
  /** Pushes whose response is dropped after the server has answered. */
  dropPushResponses: number;
  failPulls: boolean;
  /** Push requests that reached the server. */
  forwardedPushes: number;
  close(): Promise<void>;
}

export async function startDroppingProxy(targetUrl: string): Promise<DroppingProxy> {
  const target = new URL(targetUrl);
  const state = { dropPushResponses: 0, failPulls: false, forwardedPushes: 0 };

  const server = http.createServer((request, response) => {
    const isPush = request.url === '/api/v1/sync/push';
    const isPull = request.url === '/api/v1/sync/pull';
    if (isPull && state.failPulls) {
      request.resume();
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { code: 'INTERNAL', message: 'proxy down', fields: [] },
        }),
      );
      return;
    }
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (isPush && state.dropPushResponses > 0) {
            state.dropPushResponses -= 1;
            request.socket.destroy();
            return;
          }
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(Buffer.concat(chunks));
        });
      },
    );
    if (isPush) state.forwardedPushes += 1;
    upstream.on('error', () => request.socket.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
