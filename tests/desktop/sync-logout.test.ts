import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { editDraft, sleep, waitFor, waitForStatus } from './support/sync-helpers';

let central: RunningServer;
let front: RecordingProxy;
let app: DesktopApp;
const dataDir = tempDir('dxer-desk');
const tokenFile = path.join(dataDir, 'session-token');

beforeAll(async () => {
  central = await startTestServer();
  front = await startRecordingProxy(central.url);
  app = await openDesktop(dataDir, front.url, { syncIntervalMs: 100 });
  await signIn(app, 'agency.mlspp');
});
afterAll(async () => {
  await app.stop();
  await front.close();
  await central.close();
});

async function me(token: string): Promise<number> {
  const response = await fetch(new URL('/api/v1/auth/me', central.url), {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status;
}

describe('signing out', () => {
  const text = 'Çıxışdan əvvəl yazıldı; yenidən girişdən sonra göndəriləcək.';
  let serviceId = '';
  let oldToken = '';

  it('forgets the token, revokes the server session, stops syncing and keeps local work', async () => {
    serviceId = await ownPublishedService(app);
    oldToken = fs.readFileSync(tokenFile, 'utf8');
    expect(await me(oldToken)).toBe(200);
    const ticking = Date.now();
    await waitFor(
      'the timer to pull',
      () => front.count(ticking, '/api/v1/sync/pull') >= 2,
    );

    // Sync requests fail until after sign-out, so the edit is still unsent
    // then: the engine's retry after the failure may come at any moment.
    front.isSyncFailing = true;
    await editDraft(app, serviceId, { description: text });
    await waitForStatus(app, 'a failed push', (s) => s.connection.kind === 'error');

    const state = await app.handlers['session.logout']({});
    const loggedOutAt = Date.now();
    front.isSyncFailing = false;
    expect(state.kind).toBe('loggedOut');
    expect(fs.existsSync(tokenFile)).toBe(false);
    expect(await me(oldToken)).toBe(401);

    await sleep(2_000);
    expect(front.requests.filter((r) => r.at >= loggedOutAt)).toEqual([]);
    const status = await app.handlers['sync.status']({});
    expect(status).toMatchObject({ connection: { kind: 'loggedOut' }, pendingCount: 1 });
    const outbox = await app.handlers['outbox.list']({});
    expect(outbox).toMatchObject([{ entityId: serviceId, error: null }]);
    const detail = await app.handlers['services.get']({ serviceId });
    expect(detail.draft.description).toBe(text);
    expect(await app.handlers['sync.now']({})).toMatchObject({
      connection: { kind: 'loggedOut' },
    });
    expect(front.requests.filter((r) => r.at >= loggedOutAt)).toEqual([]);
  });

  it('signing in again as the same user resumes syncing and sends the kept edit', async () => {
    const since = Date.now();
    await app.handlers['session.login']({
      username: 'agency.mlspp',
      password: 'agency.mlspp-demo',
    });
    expect(fs.readFileSync(tokenFile, 'utf8')).not.toBe(oldToken);

    // No manual sync: signing in starts the engine.
    await waitForStatus(
      app,
      'the kept edit to be sent',
      (s) => s.connection.kind === 'idle' && s.pendingCount === 0,
    );
    expect(front.count(since, '/api/v1/sync/push')).toBeGreaterThanOrEqual(1);
    expect((await serverDraftRecord(central, serviceId)).description).toBe(text);
    expect((await app.handlers['services.get']({ serviceId })).outbox).toEqual([]);
  });
});
