import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopApp } from '../../src-main/app/desktop-app';
import type { RunningServer } from '../../src-server/server';
import { editDraft } from './support/sync-helpers';
import {
  listQuery,
  openDesktop,
  signIn,
  startTestServer,
  tempDir,
} from './support/desktop-fixture';

let server: RunningServer;
let app: DesktopApp;

beforeAll(async () => {
  server = await startTestServer();
  app = await openDesktop(tempDir('dxer-gap'), server.url);
  await signIn(app, 'agency.mlspp');
});
afterAll(async () => {
  await app.stop();
  await server.close();
});

describe('an unsent edit typed back to what it was', () => {
  it('leaves no hole in the sequence: what follows is applied under the same client id', async () => {
    const session = await app.handlers['session.get']({});
    const agencyId = session.kind === 'loggedIn' ? session.user.agencyId : null;
    const list = await app.handlers['services.list'](
      listQuery({ agencyId, status: 'approved' }),
    );
    const [first, second] = list.rows.map((row) => row.id);
    if (!first || !second) throw new Error('the demo agency needs two services');
    const original = (await app.handlers['services.get']({ serviceId: first })).draft
      .description;

    // Queued while nothing syncs: the first service's entry, then the second's.
    await editDraft(app, first, { description: 'Müvəqqəti təsvir, geri qaytarılacaq.' });
    await editDraft(app, second, { description: 'İkinci xidmətin yeni təsviri.' });
    // Typing the first one back empties its entry, which is dropped.
    await editDraft(app, first, { description: original });
    expect(
      (await app.handlers['outbox.list']({})).map((entry) => entry.entityId),
    ).toEqual([second]);

    const status = await app.handlers['sync.now']({});
    expect(status.connection.kind).toBe('idle');
    expect(status.pendingCount).toBe(0);
    const detail = await app.handlers['services.get']({ serviceId: second });
    expect(detail.draft.description).toBe('İkinci xidmətin yeni təsviri.');
    // One client id for this desktop: nothing had to be moved under a new one.
    const clients = await server
      .db('clients')
      .join('users', 'users.id', 'clients.user_id')
      .where('users.username', 'agency.mlspp');
    expect(clients).toHaveLength(1);
  });
});
