import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src-server/server';
import {
  openDesktop,
  ownPublishedService,
  signIn,
  startTestServer,
  tempDir,
  serverDraftRecord,
} from './support/desktop-fixture';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('offline edits', () => {
  it('a first sync fills the local store with what the user may see', async () => {
    const app = await openDesktop(tempDir('dxer-desk'), server.url);
    await signIn(app, 'agency.mlspp');

    const list = await app.handlers['services.list']({
      query: '',
      agencyId: null,
      category: null,
      type: null,
      status: null,
      offset: 0,
      limit: 500,
    });
    expect(list.total).toBeGreaterThanOrEqual(30);
    const figures = await app.handlers['registry.figures']({});
    expect(figures.services).toBe(30);
    expect(figures.stateBodies).toBe(6);
    expect(figures.perCategory).toHaveLength(10);
    await app.stop();
  });

  it('an edit made while the server is unreachable survives a restart and reaches the server later', async () => {
    const dataDir = tempDir('dxer-desk');
    const sqliteFile = path.join(tempDir('dxer-server'), 'server.sqlite');
    let own = await startTestServer(sqliteFile);
    let app = await openDesktop(dataDir, own.url);
    await signIn(app, 'agency.mlspp');
    const serviceId = await ownPublishedService(app);
    await app.stop();
    await own.close();

    // The server is down: the session opens offline on local data.
    app = await openDesktop(dataDir, own.url);
    const session = await app.handlers['session.get']({});
    expect(session).toMatchObject({ kind: 'loggedIn', isOffline: true });
    const before = await app.handlers['services.get']({ serviceId });
    const saved = await app.handlers['services.saveDraft']({
      serviceId,
      record: {
        ...before.draft,
        description: 'Yeni təsvir: oflayn yazılıb, sonra göndəriləcək.',
      },
    });
    expect(saved.draft.description).toContain('oflayn');
    expect(saved.outbox).toHaveLength(1);
    expect(saved.outbox[0]).toMatchObject({
      name: 'service.saveDraft',
      state: 'pending',
    });
    await app.stop();

    own = await startTestServer(sqliteFile, own.port);
    app = await openDesktop(dataDir, own.url);
    const reopened = await app.handlers['services.get']({ serviceId });
    expect(reopened.draft.description).toContain('oflayn');
    expect(reopened.outbox).toHaveLength(1);
    const status = await app.handlers['sync.now']({});
    expect(status.connection.kind).toBe('idle');
    expect(status.pendingCount).toBe(0);

    const record = await serverDraftRecord(own, serviceId);
    expect(record.description).toContain('oflayn');
    const after = await app.handlers['services.get']({ serviceId });
    expect(after.outbox).toHaveLength(0);
    expect(after.draftStatus).toBe('draft');
    await app.stop();
    await own.close();
  });
});
