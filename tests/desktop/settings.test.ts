import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/contract/dispatcher';
import { serverUrlOverride } from '../../src-main/settings/server-url';
import type { RunningServer } from '../../src-server/server';
import {
  listQuery,
  openDesktop,
  ownPublishedService,
  signIn,
  startTestServer,
  tempDir,
} from './support/desktop-fixture';

let server: RunningServer;
let other: RunningServer;

beforeAll(async () => {
  [server, other] = await Promise.all([startTestServer(), startTestServer()]);
});
afterAll(async () => {
  await Promise.all([server.close(), other.close()]);
});

const quiet = pino({ level: 'silent' });

describe('settings kept by main', () => {
  it('shows where the data lives, its size, and the stable channel until another is chosen', async () => {
    const dataDir = tempDir('dxer-settings');
    let app = await openDesktop(dataDir, server.url);
    const settings = await app.handlers['settings.get']({});
    expect(settings).toMatchObject({
      language: 'az',
      serverUrl: server.url,
      updateChannel: 'stable',
      dataFolder: path.resolve(dataDir),
      unsyncedChanges: 0,
      canOpenDataFolder: false,
    });
    expect(settings.databaseBytes).toBeGreaterThan(
      fs.statSync(path.join(dataDir, 'dxer.sqlite')).size - 1,
    );

    await app.handlers['settings.setUpdateChannel']({ updateChannel: 'beta' });
    await app.stop();
    app = await openDesktop(dataDir, server.url);
    expect((await app.handlers['settings.get']({})).updateChannel).toBe('beta');
    await app.stop();
  });

  it('refuses a malformed server address at the contract, naming the field and changing nothing', async () => {
    const app = await openDesktop(tempDir('dxer-settings'), server.url);
    const dispatch = createDispatcher(app.handlers, quiet);
    for (const serverUrl of [
      'ftp://dxer.az',
      'http://',
      'https://dxer.az/api',
      'dxer',
      '',
    ]) {
      const outcome = await dispatch('settings.setServerUrl', { serverUrl });
      expect(outcome).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fields: [{ path: 'serverUrl' }] },
      });
    }
    const channel = await dispatch('settings.setUpdateChannel', {
      updateChannel: 'nightly',
    });
    expect(channel).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'updateChannel' }] },
    });
    expect(await app.handlers['settings.get']({})).toMatchObject({
      serverUrl: server.url,
      updateChannel: 'stable',
    });
    await app.stop();
  });

  it('refuses to change the server while changes wait for the current one, and keeps the session', async () => {
    const own = await startTestServer();
    const app = await openDesktop(tempDir('dxer-settings'), own.url);
    await signIn(app, 'agency.mlspp');
    const serviceId = await ownPublishedService(app);
    // Down, so the change stays unsent.
    await own.close();
    const dispatch = createDispatcher(app.handlers, quiet);
    const detail = await app.handlers['services.get']({ serviceId });
    await app.handlers['services.saveDraft']({
      serviceId,
      record: {
        ...detail.draft,
        description: 'Hələ göndərilməmiş dəyişiklik, serverə aiddir.',
      },
    });

    const outcome = await dispatch('settings.setServerUrl', { serverUrl: other.url });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'OUTBOX_NOT_EMPTY', fields: [{ path: 'serverUrl' }] },
    });
    expect(await app.handlers['session.get']({})).toMatchObject({
      kind: 'loggedIn',
      serverUrl: own.url,
    });
    expect(await app.handlers['settings.get']({})).toMatchObject({
      serverUrl: own.url,
      unsyncedChanges: 1,
    });
    await app.stop();
  });

  it('drops the session and the old server’s rows on a server change, and keeps the new address', async () => {
    const dataDir = tempDir('dxer-settings');
    let app = await openDesktop(dataDir, server.url);
    await signIn(app, 'agency.mlspp');
    expect((await app.handlers['registry.figures']({})).services).toBeGreaterThan(0);

    const changed = await app.handlers['settings.setServerUrl']({ serverUrl: other.url });
    expect(changed.serverUrl).toBe(other.url);
    expect(await app.handlers['session.get']({})).toEqual({
      kind: 'loggedOut',
      serverUrl: other.url,
    });
    expect(fs.existsSync(path.join(dataDir, 'session-token'))).toBe(false);
    expect((await app.handlers['services.list'](listQuery())).total).toBe(0);
    await app.stop();

    // No address given for this run: the setting holds.
    app = await openDesktop(dataDir, undefined);
    expect((await app.handlers['settings.get']({})).serverUrl).toBe(other.url);
    await signIn(app, 'agency.mlspp');
    expect(await app.handlers['session.get']({})).toMatchObject({ serverUrl: other.url });
    await app.stop();
  });

  it('applies an address given for the run like a change in settings, unless changes wait', async () => {
    const dataDir = tempDir('dxer-settings');
    let app = await openDesktop(dataDir, server.url);
    await signIn(app, 'agency.mlspp');
    await app.stop();

    app = await openDesktop(dataDir, other.url);
    expect(await app.handlers['session.get']({})).toEqual({
      kind: 'loggedOut',
      serverUrl: other.url,
    });
    await signIn(app, 'agency.mlspp');
    const serviceId = await ownPublishedService(app);
    await other.close();
    const detail = await app.handlers['services.get']({ serviceId });
    await app.handlers['services.saveDraft']({
      serviceId,
      record: {
        ...detail.draft,
        description: 'Serveri dəyişməzdən əvvəl yazılmış təsvir.',
      },
    });
    await app.stop();

    // The unsent change belongs to the stored server: the run's address is not applied.
    app = await openDesktop(dataDir, server.url);
    const settings = await app.handlers['settings.get']({});
    expect(settings.serverUrl).toBe(other.url);
    expect(settings.unsyncedChanges).toBe(1);
    await expect(
      app.handlers['session.login']({
        username: 'agency.mlspp',
        password: 'agency.mlspp-demo',
        serverUrl: server.url,
      }),
    ).rejects.toMatchObject({ code: 'OUTBOX_NOT_EMPTY' });
    await app.stop();
    other = await startTestServer();
  });

  it('reads the run’s address from --server-url, then DXER_SERVER_URL, and refuses a malformed one', () => {
    expect(serverUrlOverride(['node', 'x', '--server-url=https://dxer.az/'], {})).toBe(
      'https://dxer.az',
    );
    expect(serverUrlOverride([], { DXER_SERVER_URL: 'http://127.0.0.1:9' })).toBe(
      'http://127.0.0.1:9',
    );
    expect(serverUrlOverride([], {})).toBeUndefined();
    expect(() => serverUrlOverride([], { DXER_SERVER_URL: 'ftp://x' })).toThrow(
      /DXER_SERVER_URL "ftp:\/\/x" is not a server address/,
    );
  });
});
