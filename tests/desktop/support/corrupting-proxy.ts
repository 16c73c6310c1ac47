import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy in front of the real server that flips one byte of every
 * installer it passes on, as a broken cache or a tampering middlebox would.
 * The server's own feed check cannot see this; only the desktop's SHA-512
 * check can.
 */
export interface CorruptingProxy {
  url: string;
  corrupted: string[];
  close(): Promise<void>;
}

const installerPattern = /\.(exe|deb|AppImage|dmg|zip)$/u;

export async function startCorruptingProxy(
  targetUrl: string,
  /** Which paths to damage; installers unless given. */
  pattern: RegExp = installerPattern,
  /**
   * With failWith, those paths are answered with that status, as by a
   * broken server; with trickle, their answers are passed on intact, 16 KB
   * every 50 ms, as over a slow line.
   */
  options: { failWith?: number; trickle?: boolean } = {},
): Promise<CorruptingProxy> {
  const target = new URL(targetUrl);
  const corrupted: string[] = [];
  const server = http.createServer((request, response) => {
    const requested = (request.url ?? '').split('?')[0] ?? '';
    if (options.failWith && pattern.test(requested)) {
      corrupted.push(requested);
      request.resume();
      response.writeHead(options.failWith, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { code: 'INTERNAL', message: 'broken', fields: [] } }),
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
          const body = Buffer.concat(chunks);
          const path = (request.url ?? '').split('?')[0] ?? '';
          if (options.trickle && pattern.test(path)) {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            corrupted.push(path);
            void trickle(response, body);
            return;
          }
          if (pattern.test(path) && answer.statusCode === 200 && body.length > 0) {
            body[body.length >> 1] = (body[body.length >> 1] ?? 0) ^ 0xff;
            corrupted.push(path);
          }
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(body);
        });
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    corrupted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function trickle(response: http.ServerResponse, body: Buffer): Promise<void> {
  for (let start = 0; start < body.length && !response.destroyed; start += 16 * 1024) {
    response.write(body.subarray(start, start + 16 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  response.end();
}
