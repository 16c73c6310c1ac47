import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/contract/dispatcher';
import type { RunningServer } from '../../src-server/server';
import { openDesktop, startTestServer, tempDir } from './support/desktop-fixture';

const silent = pino({ level: 'silent' });

/** An address on 127.0.0.1 where nothing listens: the port was taken and given back. */
async function closedPortUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A server that takes connections and never answers, as a stalled link does. */
async function silentServerUrl(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const silentServer = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
  const { port } = silentServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        silentServer.close(() => resolve());
      }),
  };
}

/** A silent server on a given port, to stand where the real one was. */
async function silentServerOn(port: number) {
  const sockets = new Set<net.Socket>();
  const silentServer = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silentServer.listen(port, '127.0.0.1', resolve));
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      silentServer.close(() => resolve());
    });
}

describe('opening the app while the server does not answer', () => {
  it('opens a stored session offline within seconds instead of waiting for a sync’s 30 s', async () => {
    const own = await startTestServer();
    const dataDir = tempDir('dxer-desk');
    let app = await openDesktop(dataDir, own.url);
    await app.handlers['session.login']({
      username: 'agency.mlspp',
      password: 'agency.mlspp-demo',
    });
    await app.stop();
    const port = own.port;
    await own.close();
    const closeSilent = await silentServerOn(port);
    try {
      const started = Date.now();
      app = await openDesktop(dataDir, own.url);
      expect(await app.handlers['session.get']({})).toMatchObject({
        kind: 'loggedIn',
        isOffline: true,
      });
      expect(Date.now() - started).toBeLessThan(12_000);
      await app.stop();
    } finally {
      await closeSilent();
    }
  });
});

describe('signing in while the server cannot be reached', () => {
  it('gives up on a server that never answers within seconds, not after a sync’s 30 s', async () => {
    const silentServer = await silentServerUrl();
    const app = await openDesktop(tempDir('dxer-desk'), silentServer.url);
    try {
      const started = Date.now();
      const dispatch = createDispatcher(app.handlers, silent);
      const outcome = await dispatch('session.login', {
        username: 'agency.mlspp',
        password: 'agency.mlspp-demo',
      });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
      expect(Date.now() - started).toBeLessThan(12_000);
    } finally {
      await app.stop();
      await silentServer.close();
    }
  });

  it('answers 503 SERVER_UNREACHABLE naming the address and what to check, not INTERNAL', async () => {
    const serverUrl = await closedPortUrl();
    const app = await openDesktop(tempDir('dxer-desk'), serverUrl);
    const dispatch = createDispatcher(app.handlers, silent);

    const outcome = await dispatch('session.login', {
      username: 'agency.mlspp',
      password: 'agency.mlspp-demo',
    });

    expect(outcome).toMatchObject({
      ok: false,
      status: 503,
      error: { code: 'SERVER_UNREACHABLE', fields: [{ path: 'serverUrl' }] },
    });
    if (outcome.ok) throw new Error('unreachable');
    expect(outcome.error.message).toContain(serverUrl);
    expect(outcome.error.message).toMatch(/network connection and the server address/);
    expect(await app.handlers['session.get']({})).toMatchObject({ kind: 'loggedOut' });
    await app.stop();
  });

  it('treats a gateway that answers 502 without the server’s error body as unreachable', async () => {
    const gateway = http.createServer((request, response) => {
      request.resume();
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<h1>Bad Gateway</h1>');
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const { port } = gateway.address() as AddressInfo;
    const app = await openDesktop(tempDir('dxer-desk'), `http://127.0.0.1:${port}`);
    const dispatch = createDispatcher(app.handlers, silent);

    const outcome = await dispatch('session.login', {
      username: 'agency.mlspp',
      password: 'agency.mlspp-demo',
    });

    expect(outcome).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    await app.stop();
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
  });

  it('still reports a wrong password as UNAUTHENTICATED when the server answers', async () => {
    const app = await openDesktop(tempDir('dxer-desk'), server.url);
    const dispatch = createDispatcher(app.handlers, silent);

    const outcome = await dispatch('session.login', {
      username: 'agency.mlspp',
      password: 'not-the-password',
    });

    expect(outcome).toMatchObject({
      ok: false,
      status: 401,
      error: { code: 'UNAUTHENTICATED' },
    });
    await app.stop();
  });

  it('signs in once the address given at sign-in is the server’s', async () => {
    const app = await openDesktop(tempDir('dxer-desk'), await closedPortUrl());

    const state = await app.handlers['session.login']({
      username: 'agency.mlspp',
      password: 'agency.mlspp-demo',
      serverUrl: server.url,
    });

    expect(state).toMatchObject({ kind: 'loggedIn', serverUrl: server.url });
    await app.stop();
  });
});
