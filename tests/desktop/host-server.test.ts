import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-main/security/content-security-policy';
import { startHost } from '../../src-main/host/host-server';
import type { RunningHost } from '../../src-main/host/host-server';
import { startServer } from '../../src-server/server';
import type { RunningServer } from '../../src-server/server';

type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** An HTTP request whose path and headers go out exactly as written (fetch would normalise them). */
function raw(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
  },
): Promise<RawResponse> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function call(
  url: string,
  method: string,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  return raw(url, {
    method: 'POST',
    path: `/contract/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
}

describe('plain-Node host', () => {
  let tempDir: string;
  let rendererDir: string;
  let server: RunningServer;
  let host: RunningHost;

  beforeAll(async () => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-host-test-'));
    rendererDir = path.join(tempDir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><title>DXER</title>',
    );
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export const app = 1;');
    fs.writeFileSync(path.join(tempDir, 'secret.txt'), 'TOP-SECRET');
    fs.symlinkSync(tempDir, path.join(rendererDir, 'escape'));

    server = await startServer({
      port: 0,
      sqliteFile: path.join(tempDir, 'server.sqlite'),
      seedDemo: true,
      logLevel: 'warn',
    });
    host = await startHost({
      port: 0,
      dataDir: path.join(tempDir, 'desktop'),
      serverUrl: server.url,
      rendererDir,
      logger: pino({ level: 'silent' }),
      heartbeatMs: 200,
    });
  });

  afterAll(async () => {
    await host?.close();
    await server?.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('serves index.html with the strict CSP and the other security headers', async () => {
    const response = await raw(host.url, { path: '/' });

    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>DXER</title>');
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves built assets with their content type', async () => {
    const response = await raw(host.url, { path: '/assets/app.js' });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.body).toBe('export const app = 1;');
  });

  it('answers unknown non-API paths with index.html, for client-side routes', async () => {
    const response = await raw(host.url, { path: '/services/some-route?x=1' });

    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>DXER</title>');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%5csecret.txt',
    '/..\\secret.txt',
    '/escape/secret.txt',
    '/%252e%252e/secret.txt',
    '/assets/%00/../../secret.txt',
    '/%E0%A4%A',
  ])('never serves a file outside the renderer folder for %s', async (requestPath) => {
    const response = await raw(host.url, { path: requestPath });

    expect(response.body).not.toContain('TOP-SECRET');
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('runs a contract call posted as JSON', async () => {
    const response = await call(host.url, 'session.get', {});

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ kind: 'loggedOut' });
  });

  it('answers a refused contract call with its status and ErrorBody', async () => {
    const response = await call(host.url, 'services.get', { serviceId: 'nope' });

    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'serviceId' }] },
    });
  });

  it('answers 404 for an unknown contract method', async () => {
    const response = await call(host.url, 'fs.readFile', {});

    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('refuses a contract call that is not application/json', async () => {
    const response = await raw(host.url, {
      method: 'POST',
      path: '/contract/session.get',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });

    expect(response.status).toBe(415);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await raw(host.url, {
      method: 'POST',
      path: '/contract/session.get',
      headers: { 'content-type': 'application/json' },
      body: '{"unterminated',
    });

    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('refuses a body over 2 MB with 413', async () => {
    const response = await call(host.url, 'services.list', {
      query: 'x'.repeat(3_000_000),
    });

    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({
      error: { code: 'BODY_TOO_LARGE' },
    });
  });

  it('refuses a contract call from another origin', async () => {
    const response = await call(
      host.url,
      'session.login',
      { username: 'agency.mlspp', password: 'agency.mlspp-demo' },
      { origin: 'https://evil.example' },
    );

    expect(response.status).toBe(403);
    const session = await call(host.url, 'session.get', {});
    expect(JSON.parse(session.body)).toMatchObject({ kind: 'loggedOut' });
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const response = await raw(host.url, {
      path: '/',
      headers: { host: `evil.example:${new URL(host.url).port}` },
    });

    expect(response.status).toBe(403);
    expect(response.body).not.toContain('<title>DXER</title>');
  });

  it('answers 405 to a GET on a contract method', async () => {
    const response = await raw(host.url, { path: '/contract/session.get' });

    expect(response.status).toBe(405);
  });

  it('streams events with heartbeats and delivers session.changed after a login', async () => {
    const { port } = new URL(host.url);
    const received: string[] = [];
    const request = http.get({ host: '127.0.0.1', port, path: '/events' });
    const response = await new Promise<http.IncomingMessage>((resolve) =>
      request.on('response', resolve),
    );
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => received.push(chunk));

    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);

    const login = await call(host.url, 'session.login', {
      username: 'agency.mlspp',
      password: 'agency.mlspp-demo',
    });
    expect(login.status).toBe(200);

    await expect
      .poll(() => received.join(''), { timeout: 5_000 })
      .toMatch(/event: session\.changed\ndata: \{.*"kind":"loggedIn"/);
    await expect
      .poll(() => received.join(''), { timeout: 5_000 })
      .toContain(': heartbeat');
    request.destroy();
  });
});
