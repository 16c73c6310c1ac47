import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync-status';
import { backoffDelay } from '../../src-main/sync/backoff';
import {
  openDesktop,
  ownPublishedService,
  signIn,
  startTestServer,
  tempDir,
  serverDraftRecord,
} from './support/desktop-fixture';

describe('backoff', () => {
  it('grows exponentially, is capped, and is jittered over the whole range', () => {
    const settings = { baseMs: 1_000, capMs: 60_000 };
    expect(backoffDelay(1, settings, () => 1)).toBe(1_000);
    expect(backoffDelay(4, settings, () => 1)).toBe(8_000);
    expect(backoffDelay(20, settings, () => 1)).toBe(60_000);
    expect(backoffDelay(4, settings, () => 0)).toBe(0);
    expect(backoffDelay(4, settings, () => 0.5)).toBe(4_000);
  });
});

describe('when the server goes down', () => {
  it('reports offline with a retry time, keeps edits queued, and recovers by itself when the server returns', async () => {
    const sqliteFile = path.join(tempDir('dxer-server'), 'server.sqlite');
    let server = await startTestServer(sqliteFile);
    const app = await openDesktop(tempDir('dxer-desk'), server.url);
    await signIn(app, 'agency.mlspp');
    const serviceId = await ownPublishedService(app);
    const statuses: SyncStatus[] = [];
    app.subscribe((event, payload) => {
      if (event === 'sync.status') statuses.push(payload as SyncStatus);
    });

    await server.close();
    const offline = await app.handlers['sync.now']({});
    expect(offline.connection).toMatchObject({
      kind: 'offline',
      retryAt: expect.any(String) as unknown,
    });
    expect(await app.handlers['session.get']({})).toMatchObject({ isOffline: true });

    const detail = await app.handlers['services.get']({ serviceId });
    await app.handlers['services.saveDraft']({
      serviceId,
      record: {
        ...detail.draft,
        complaintProcedure: 'Şəbəkə yoxdur, amma düzəliş itmir.',
      },
    });
    expect((await app.handlers['sync.status']({})).pendingCount).toBe(1);

    server = await startTestServer(sqliteFile, server.port);
    // No manual sync: the engine's probe finds the server within its backoff (≤ a few seconds).
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const status = await app.handlers['sync.status']({});
      if (status.connection.kind === 'idle' && status.pendingCount === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const recovered = await app.handlers['sync.status']({});
    expect(recovered).toMatchObject({ connection: { kind: 'idle' }, pendingCount: 0 });
    expect(await app.handlers['session.get']({})).toMatchObject({ isOffline: false });
    expect(statuses.some((status) => status.connection.kind === 'offline')).toBe(true);
    const record = await serverDraftRecord(server, serviceId);
    expect(record.complaintProcedure).toContain('düzəliş itmir');

    await app.stop();
    await server.close();
  });

  it('a refused token signs the user out but keeps the local work', async () => {
    const server = await startTestServer();
    const dataDir = tempDir('dxer-desk');
    const app = await openDesktop(dataDir, server.url);
    await signIn(app, 'agency.mlspp');
    const serviceId = await ownPublishedService(app);
    const detail = await app.handlers['services.get']({ serviceId });
    await app.handlers['services.saveDraft']({
      serviceId,
      record: { ...detail.draft, complaintProcedure: 'Sessiya bitdi, iş qalır.' },
    });
    await server.db('sessions').update({ revoked_at: new Date().toISOString() });

    const status = await app.handlers['sync.now']({});
    expect(status.connection).toMatchObject({
      kind: 'error',
      errorClass: 'authentication',
    });
    expect(await app.handlers['session.get']({})).toMatchObject({ kind: 'loggedOut' });
    expect(status.pendingCount).toBe(1);

    await signIn(app, 'agency.mlspp');
    expect((await app.handlers['sync.status']({})).pendingCount).toBe(0);
    await app.stop();
    await server.close();
  });
});
