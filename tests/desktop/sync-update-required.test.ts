import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopApp } from '../../src-main/app/desktop-app';
import type { SyncStatus } from '../../shared/contract/sync-status';
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
import { editDraft, sleep, waitForStatus } from './support/sync-helpers';

let central: RunningServer;
let front: RecordingProxy;
let app: DesktopApp;
const statuses: SyncStatus[] = [];

beforeAll(async () => {
  central = await startTestServer();
  front = await startRecordingProxy(central.url);
  app = await openDesktop(tempDir('dxer-desk'), front.url, { syncIntervalMs: 100 });
  app.subscribe((event, payload) => {
    if (event === 'sync.status') statuses.push(payload as SyncStatus);
  });
  await signIn(app, 'agency.mlspp');
});
afterAll(async () => {
  await app.stop();
  await front.close();
  await central.close();
});

describe('a server whose protocol window no longer includes this app', () => {
  const text = 'Köhnə proqramda yazıldı; yeniləmədən sonra göndəriləcək.';
  let serviceId = '';

  it('shows updateRequired with a message telling the user to update', async () => {
    serviceId = await ownPublishedService(app);
    front.isClientOutdated = true;
    await editDraft(app, serviceId, { description: text });

    const status = await waitForStatus(
      app,
      'updateRequired',
      (s) => s.connection.kind === 'updateRequired',
    );
    expect(status.connection).toMatchObject({
      kind: 'updateRequired',
      message: expect.stringMatching(/update the app/i) as unknown,
    });
    expect(front.requests.some((r) => r.status === 426)).toBe(true);
    expect(statuses.at(-1)?.connection.kind).toBe('updateRequired');
    // The session is fine: only the app is too old.
    expect(await app.handlers['session.get']({})).toMatchObject({ kind: 'loggedIn' });
  });

  it('stops retrying and leaves the local edit in the outbox untouched', async () => {
    const outbox = await app.handlers['outbox.list']({});
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entityId: serviceId, error: null, conflicts: [] });
    expect(['pending', 'sending']).toContain(outbox[0]?.state);

    const since = Date.now();
    // Ten timer intervals and the first backoff steps would all have fired by now.
    await sleep(2_500);
    expect(front.count(since)).toBe(0);
    expect(await app.handlers['outbox.list']({})).toEqual(outbox);
    const status = await app.handlers['sync.status']({});
    expect(status).toMatchObject({
      connection: { kind: 'updateRequired' },
      pendingCount: 1,
      rejectedCount: 0,
      conflictCount: 0,
    });
    const detail = await app.handlers['services.get']({ serviceId });
    expect(detail.draft.description).toBe(text);
    expect(
      (await serverDraftRecord(central, serviceId).catch(() => null))?.description,
    ).not.toBe(text);
  });

  it('a manual sync asks once more and stays updateRequired while the app is still too old', async () => {
    const since = Date.now();
    const status = await app.handlers['sync.now']({});
    expect(status.connection.kind).toBe('updateRequired');
    expect(front.count(since)).toBe(1);
    expect(status.pendingCount).toBe(1);
  });

  it('once the app speaks a supported protocol, the kept edit is sent and applied', async () => {
    front.isClientOutdated = false;
    const status = await app.handlers['sync.now']({});
    expect(status).toMatchObject({ connection: { kind: 'idle' }, pendingCount: 0 });
    expect((await serverDraftRecord(central, serviceId)).description).toBe(text);
  });
});
