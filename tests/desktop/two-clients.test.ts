import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopApp } from '../../src-main/app/desktop-app';
import type { ServiceRecord } from '../../shared/domain/service-record';
import type { RunningServer } from '../../src-server/server';
import {
  listQuery,
  openDesktop,
  signIn,
  startTestServer,
  tempDir,
  serverDraftRecord,
} from './support/desktop-fixture';

let server: RunningServer;
let alice: DesktopApp;
let bob: DesktopApp;
let serviceIds: string[] = [];
let next = 0;

beforeAll(async () => {
  server = await startTestServer();
  alice = await openDesktop(tempDir('dxer-alice'), server.url);
  bob = await openDesktop(tempDir('dxer-bob'), server.url);
  await signIn(alice, 'agency.mlspp');
  await signIn(bob, 'agency.mlspp');
  const session = await alice.handlers['session.get']({});
  const agencyId = session.kind === 'loggedIn' ? session.user.agencyId : null;
  const list = await alice.handlers['services.list'](
    listQuery({ agencyId, status: 'approved' }),
  );
  serviceIds = list.rows.map((row) => row.id);
});
afterAll(async () => {
  await alice.stop();
  await bob.stop();
  await server.close();
});

/** A published service no other test has touched (the demo agency has five). */
function take(): string {
  const id = serviceIds[next++];
  if (!id) throw new Error('out of demo services');
  return id;
}
let mergedId = '';
let resolvedId = '';

async function edit(app: DesktopApp, id: string, change: Partial<ServiceRecord>) {
  const detail = await app.handlers['services.get']({ serviceId: id });
  return app.handlers['services.saveDraft']({
    serviceId: id,
    record: { ...detail.draft, ...change },
  });
}

async function syncBoth() {
  await alice.handlers['sync.now']({});
  await bob.handlers['sync.now']({});
  await alice.handlers['sync.now']({});
}

describe('two clients editing the same service', () => {
  it('edits to different fields merge on both sides', async () => {
    const serviceId = (mergedId = take());
    await edit(alice, serviceId, {
      description: 'Alice: xidmətin təsviri yeniləndi, ətraflı.',
    });
    await edit(bob, serviceId, { complaintProcedure: 'Bob: şikayət qaydası.' });
    await syncBoth();

    for (const app of [alice, bob]) {
      const detail = await app.handlers['services.get']({ serviceId });
      expect(detail.draft.description).toBe(
        'Alice: xidmətin təsviri yeniləndi, ətraflı.',
      );
      expect(detail.draft.complaintProcedure).toBe('Bob: şikayət qaydası.');
      expect(detail.outbox).toEqual([]);
    }
  });

  it('a pull keeps a local value that is still waiting, and shows the server value underneath', async () => {
    const serviceId = take();
    await edit(alice, serviceId, { description: 'Alice yazdı: ilk versiya mətni.' });
    await alice.handlers['sync.now']({});
    await edit(bob, serviceId, { description: 'Bob yazdı: öz versiyası mətni.' });
    await bob.handlers['sync.now']({});

    const detail = await bob.handlers['services.get']({ serviceId });
    expect(detail.draft.description).toBe('Bob yazdı: öz versiyası mətni.');
    const working = detail.service.versions.find((version) => version.status === 'draft');
    expect(working?.record.description).toBe('Alice yazdı: ilk versiya mətni.');
    expect(detail.outbox).toHaveLength(1);
    expect(detail.outbox[0]).toMatchObject({ state: 'conflict' });
    expect(detail.outbox[0]?.conflicts).toEqual([
      {
        field: 'description',
        base: expect.any(String) as unknown,
        theirs: 'Alice yazdı: ilk versiya mətni.',
        mine: 'Bob yazdı: öz versiyası mətni.',
      },
    ]);
    const status = await bob.handlers['sync.status']({});
    expect(status.conflictCount).toBe(1);
  });

  it.each([
    ['mine', undefined, 'Bob: mənim variantım qalır (mine).'],
    ['theirs', undefined, 'Alice: onların variantı (theirs).'],
    [
      'edit',
      'Birləşdirilmiş mətn: hər ikisindən.',
      'Birləşdirilmiş mətn: hər ikisindən.',
    ],
  ] as const)(
    'resolving a same-field conflict with "%s" reaches both clients',
    async (resolution, value, expected) => {
      resolvedId ||= take();
      const serviceId = resolvedId;
      const theirs = `Alice: onların variantı (${resolution}).`;
      const mine = `Bob: mənim variantım qalır (${resolution}).`;
      await edit(alice, serviceId, { description: theirs });
      await alice.handlers['sync.now']({});
      await edit(bob, serviceId, { description: mine });
      await bob.handlers['sync.now']({});
      const [entry] = (await bob.handlers['services.get']({ serviceId })).outbox;
      expect(entry?.state).toBe('conflict');

      await bob.handlers['conflicts.resolve']({
        entryId: entry?.id ?? -1,
        field: 'description',
        resolution,
        value,
      });
      const local = await bob.handlers['services.get']({ serviceId });
      expect(local.draft.description).toBe(expected);
      expect(local.outbox.filter((e) => e.state === 'conflict')).toEqual([]);
      expect(local.outbox.filter((e) => e.state === 'pending')).toHaveLength(
        resolution === 'theirs' ? 0 : 1,
      );

      await syncBoth();
      for (const app of [alice, bob]) {
        const detail = await app.handlers['services.get']({ serviceId });
        expect(detail.draft.description).toBe(expected);
        expect(detail.outbox).toEqual([]);
      }
      const record = await serverDraftRecord(server, serviceId);
      expect(record.description).toBe(expected);
    },
  );

  it('a rejected entry stays visible with its reason, does not block the next one, and can be dismissed', async () => {
    const serviceId = take();
    const otherId = take();
    await edit(alice, serviceId, {
      description: 'Təqdim olunacaq qeyd: tam və düzgün mətn.',
    });
    await syncBoth();
    await alice.handlers['services.submit']({ serviceId });
    await alice.handlers['sync.now']({});

    // Bob has not synced since: he still sees a draft and edits it.
    await edit(bob, serviceId, { complaintProcedure: 'Bob gecikmiş düzəliş edir.' });
    await edit(bob, otherId, { complaintProcedure: 'Başqa xidmətdə düzəliş.' });
    const status = await bob.handlers['sync.now']({});
    expect(status.rejectedCount).toBe(1);
    expect(status.pendingCount).toBe(0);

    const outbox = await bob.handlers['outbox.list']({});
    const rejected = outbox.find((entry) => entry.entityId === serviceId);
    expect(rejected).toMatchObject({
      state: 'rejected',
      error: { code: 'ILLEGAL_TRANSITION' },
    });
    expect(outbox.find((entry) => entry.entityId === otherId)).toBeUndefined();
    const other = await bob.handlers['services.get']({ serviceId: otherId });
    expect(other.draft.complaintProcedure).toBe('Başqa xidmətdə düzəliş.');

    // A later sync leaves the rejection where the user can read it.
    await bob.handlers['sync.now']({});
    const kept = await bob.handlers['services.get']({ serviceId });
    expect(kept.outbox).toHaveLength(1);
    expect(kept.draft.complaintProcedure).toBe('Bob gecikmiş düzəliş edir.');

    await bob.handlers['outbox.dismiss']({ entryId: rejected?.id ?? -1 });
    const reverted = await bob.handlers['services.get']({ serviceId });
    expect(reverted.outbox).toEqual([]);
    expect(reverted.draftStatus).toBe('submitted');
    expect(reverted.canEdit).toBe(false);
    expect(reverted.draft.complaintProcedure).not.toBe('Bob gecikmiş düzəliş edir.');
    expect((await bob.handlers['sync.status']({})).rejectedCount).toBe(0);
  });

  it('an illegal local transition is refused and writes nothing', async () => {
    const before = await bob.handlers['outbox.list']({});
    const detail = await bob.handlers['services.get']({ serviceId: mergedId });
    await expect(
      bob.handlers['services.withdraw']({ serviceId: mergedId }),
    ).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    expect(await bob.handlers['outbox.list']({})).toEqual(before);
    expect(await bob.handlers['services.get']({ serviceId: mergedId })).toEqual(detail);
  });

  it('a rejected entry can be sent again once its cause is gone, and then applies', async () => {
    await syncBoth();
    await alice.handlers['services.submit']({ serviceId: mergedId });
    await alice.handlers['sync.now']({});
    await edit(bob, mergedId, { complaintProcedure: 'Bob bu dəfə yenidən göndərəcək.' });
    await bob.handlers['sync.now']({});
    const rejected = (await bob.handlers['services.get']({ serviceId: mergedId }))
      .outbox[0];
    expect(rejected).toMatchObject({
      state: 'rejected',
      error: { code: 'ILLEGAL_TRANSITION' },
    });

    await alice.handlers['services.withdraw']({ serviceId: mergedId });
    await alice.handlers['sync.now']({});
    await bob.handlers['sync.now']({});
    await bob.handlers['outbox.retry']({ entryId: rejected?.id ?? -1 });
    const status = await bob.handlers['sync.now']({});
    expect(status.rejectedCount).toBe(0);

    const detail = await bob.handlers['services.get']({ serviceId: mergedId });
    expect(detail.outbox).toEqual([]);
    expect(detail.draftStatus).toBe('draft');
    expect((await serverDraftRecord(server, mergedId)).complaintProcedure).toBe(
      'Bob bu dəfə yenidən göndərəcək.',
    );
  });
});
