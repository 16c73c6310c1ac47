import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRecord } from '../../shared/domain/service-record';
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

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const halfTypedEmail = (contact: ServiceRecord['contact']) => ({
  ...contact,
  email: 'shobe@mlspp',
});

describe('input main cannot save as a draft yet', () => {
  it('is kept in the local store across a restart, without queueing anything for the server', async () => {
    const dataDir = tempDir('dxer-desk');
    let app = await openDesktop(dataDir, server.url);
    await signIn(app, 'agency.mlspp');
    const serviceId = await ownPublishedService(app);
    const before = await app.handlers['services.get']({ serviceId });

    await app.handlers['services.saveHeldInput']({
      serviceId,
      field: 'contact',
      raw: halfTypedEmail(before.draft.contact),
    });
    await app.stop();
    app = await openDesktop(dataDir, server.url);

    const reopened = await app.handlers['services.get']({ serviceId });
    expect(reopened.heldInputs).toEqual([
      { field: 'contact', raw: halfTypedEmail(before.draft.contact) },
    ]);
    expect(reopened.draft.contact).toEqual(before.draft.contact);
    expect(await app.handlers['outbox.list']({})).toEqual([]);
    await app.stop();
  });

  it('replaces the held value of a field when the user types on', async () => {
    const app = await openDesktop(tempDir('dxer-desk'), server.url);
    await signIn(app, 'agency.mlspp');
    const serviceId = await ownPublishedService(app);

    for (const description of ['a'.repeat(20_001), 'b'.repeat(20_002)]) {
      await app.handlers['services.saveHeldInput']({
        serviceId,
        field: 'description',
        raw: description,
      });
    }

    const detail = await app.handlers['services.get']({ serviceId });
    expect(detail.heldInputs).toEqual([
      { field: 'description', raw: 'b'.repeat(20_002) },
    ]);
    await app.stop();
  });

  it('is cleared when the field saves, and kept when the save is refused', async () => {
    const app = await openDesktop(tempDir('dxer-desk'), server.url);
    await signIn(app, 'agency.mlspp');
    const serviceId = await ownPublishedService(app);
    const { draft } = await app.handlers['services.get']({ serviceId });
    const raw = halfTypedEmail(draft.contact);
    await app.handlers['services.saveHeldInput']({ serviceId, field: 'contact', raw });

    await expect(
      app.handlers['services.saveDraft']({
        serviceId,
        record: { contact: raw, description: 'x'.repeat(20_001) },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await app.handlers['services.get']({ serviceId })).heldInputs).toHaveLength(
      1,
    );

    const saved = await app.handlers['services.saveDraft']({
      serviceId,
      record: { contact: { ...draft.contact, email: 'shobe@mlspp.gov.az' } },
    });
    expect(saved.heldInputs).toEqual([]);
    expect(saved.draft.contact.email).toBe('shobe@mlspp.gov.az');
    await app.stop();
  });

  it('is refused for a service of another agency, naming the agency', async () => {
    const app = await openDesktop(tempDir('dxer-desk'), server.url);
    await signIn(app, 'agency.mlspp');
    const session = await app.handlers['session.get']({});
    if (session.kind !== 'loggedIn') throw new Error('not signed in');
    const list = await app.handlers['services.list'](listQuery({ limit: 500 }));
    const other = list.rows.find((row) => row.agencyId !== session.user.agencyId);
    if (!other) throw new Error('the demo registry has no service of another agency');

    await expect(
      app.handlers['services.saveHeldInput']({
        serviceId: other.id,
        field: 'description',
        raw: 'yarımçıq',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'agencyId' }] });
    expect(
      (await app.handlers['services.get']({ serviceId: other.id })).heldInputs,
    ).toEqual([]);
    await app.stop();
  });
});
