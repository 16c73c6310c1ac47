import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopApp } from '../../src-main/app/desktop-app';
import type { RunningServer } from '../../src-server/server';
import {
  openDesktop,
  ownPublishedService,
  serverDraftRecord,
  signIn,
  startTestServer,
  tempDir,
} from './support/desktop-fixture';
import { startRecordingProxy } from './support/recording-proxy';
import type { RecordingProxy } from './support/recording-proxy';
import { editDraft, waitFor, waitForStatus } from './support/sync-helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(sqliteFile?: string, port?: number): Promise<RunningServer> {
  const running = await startTestServer(sqliteFile, port);
  cleanups.push(() => running.close());
  return running;
}
async function proxy(targetUrl: string): Promise<RecordingProxy> {
  const running = await startRecordingProxy(targetUrl);
  cleanups.push(() => running.close());
  return running;
}
async function desktop(serverUrl: string, syncIntervalMs?: number): Promise<DesktopApp> {
  const app = await openDesktop(tempDir('dxer-desk'), serverUrl, { syncIntervalMs });
  cleanups.push(() => app.stop());
  return app;
}

describe('sync on a timer', () => {
  it('brings in a change another desktop made, without a manual sync, and advances lastSyncedAt', async () => {
    const central = await server();
    const alice = await desktop(central.url, 150);
    const bob = await desktop(central.url);
    await signIn(alice, 'agency.mlspp');
    await signIn(bob, 'agency.mlspp');
    const serviceId = await ownPublishedService(bob);
    const before = (await alice.handlers['sync.status']({})).lastSyncedAt;
    expect(before).not.toBeNull();

    const text = 'Bob başqa kompüterdən yazdı: taymerlə gəlməlidir.';
    await editDraft(bob, serviceId, { description: text });
    expect((await bob.handlers['sync.now']({})).pendingCount).toBe(0);
    expect((await serverDraftRecord(central, serviceId)).description).toBe(text);

    await waitFor('the change to reach the other desktop', async () => {
      const detail = await alice.handlers['services.get']({ serviceId });
      return detail.draft.description === text;
    });
    const after = await waitForStatus(
      alice,
      'lastSyncedAt to move past the first sync',
      (status) => (status.lastSyncedAt ?? '') > (before ?? ''),
    );
    expect(after.connection.kind).not.toBe('offline');
  });

  it('keeps syncing at the interval while nothing else happens', async () => {
    const central = await server();
    const front = await proxy(central.url);
    const app = await desktop(front.url, 100);
    await signIn(app, 'agency.mlspp');

    const since = Date.now();
    await waitFor(
      'three timer-driven pulls',
      () => front.count(since, '/api/v1/sync/pull') >= 3,
    );
  });
});

describe('coming back online', () => {
  it('reports offline with a retry time, probes only the health endpoint, and pushes pending edits once the server returns', async () => {
    const sqliteFile = path.join(tempDir('dxer-server'), 'server.sqlite');
    let central = await startTestServer(sqliteFile);
    const front = await proxy(central.url);
    const app = await desktop(front.url, 150);
    await signIn(app, 'agency.mlspp');
    const serviceId = await ownPublishedService(app);

    await central.close();
    // No manual sync: the timer finds the server gone.
    const offline = await waitForStatus(
      app,
      'offline',
      (s) => s.connection.kind === 'offline',
    );
    expect(offline.connection).toMatchObject({
      kind: 'offline',
      since: expect.any(String) as unknown,
      retryAt: expect.any(String) as unknown,
    });
    expect(await app.handlers['session.get']({})).toMatchObject({ isOffline: true });
    const offlineAt = Date.now();

    const text = 'Server yox idi; düzəliş növbədə gözlədi.';
    await editDraft(app, serviceId, { description: text });
    expect((await app.handlers['sync.status']({})).pendingCount).toBe(1);
    await waitFor(
      'a health probe while offline',
      () => front.count(offlineAt, '/api/v1/health') >= 1,
    );
    const probesOnly = front.requests.filter((r) => r.at >= offlineAt);
    expect(probesOnly.map((r) => r.path)).toEqual(probesOnly.map(() => '/api/v1/health'));

    const restartedAt = Date.now();
    central = await startTestServer(sqliteFile, central.port);
    cleanups.push(() => central.close());
    const recovered = await waitForStatus(
      app,
      'the pending edit to be pushed',
      (s) => s.connection.kind === 'idle' && s.pendingCount === 0,
      15_000,
    );
    expect(recovered.rejectedCount).toBe(0);
    expect(await app.handlers['session.get']({})).toMatchObject({ isOffline: false });
    const afterRestart = front.requests.filter((r) => r.at >= restartedAt && r.status);
    expect(afterRestart[0]?.path).toBe('/api/v1/health');
    expect(afterRestart.some((r) => r.path === '/api/v1/sync/push')).toBe(true);
    expect((await serverDraftRecord(central, serviceId)).description).toBe(text);
  });
});
