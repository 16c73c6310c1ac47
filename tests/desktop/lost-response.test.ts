import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src-server/server';
import { startDroppingProxy } from './support/dropping-proxy';
import type { DroppingProxy } from './support/dropping-proxy';
import {
  openDesktop,
  ownPublishedService,
  signIn,
  startTestServer,
  tempDir,
} from './support/desktop-fixture';

let server: RunningServer;
let proxy: DroppingProxy;

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startDroppingProxy(server.url);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

describe('a push whose response is lost', () => {
  it('is sent again and applied once, and the entry ends applied', async () => {
    const app = await openDesktop(tempDir('dxer-desk'), proxy.url);
    await signIn(app, 'agency.mlspp', proxy.url);
    const serviceId = await ownPublishedService(app);
    const detail = await app.handlers['services.get']({ serviceId });
    const revisionBefore = detail.service.revision;

    await app.handlers['services.saveDraft']({
      serviceId,
      record: {
        ...detail.draft,
        complaintProcedure: 'Şikayət Nazirliyin qaynar xəttinə verilir.',
      },
    });
    const [entry] = await app.handlers['outbox.list']({});
    expect(entry).toBeDefined();

    proxy.dropPushResponses = 1;
    const lost = await app.handlers['sync.now']({});
    expect(lost.connection.kind).toBe('offline');
    const [sending] = await app.handlers['outbox.list']({});
    expect(sending).toMatchObject({ id: entry?.id, state: 'sending', attempts: 1 });
    const stored = await server.db('mutations').where({ mutation_id: entry?.mutationId });
    expect(stored).toHaveLength(1);

    proxy.failPulls = true;
    await app.handlers['sync.now']({});
    const [applied] = await app.handlers['outbox.list']({});
    expect(applied).toMatchObject({ id: entry?.id, state: 'applied', attempts: 2 });

    proxy.failPulls = false;
    const status = await app.handlers['sync.now']({});
    expect(status.connection.kind).toBe('idle');
    expect(await app.handlers['outbox.list']({})).toEqual([]);

    expect(
      await server.db('mutations').where({ mutation_id: entry?.mutationId }),
    ).toHaveLength(1);
    const edits = await server
      .db('audit_events')
      .where({ mutation_id: entry?.mutationId, action: 'service.edit' });
    expect(edits).toHaveLength(1);
    const after = await app.handlers['services.get']({ serviceId });
    // Opening a draft version and writing it is one change: one revision step.
    expect(after.service.revision).toBe(revisionBefore + 1);
    expect(after.draft.complaintProcedure).toContain('qaynar xətt');
    await app.stop();
  });
});
