import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopApp } from '../../src-main/app/desktop-app';
import type { DuplicateCandidateView } from '../../shared/contract/duplicate-views';
import { DEMO_DUPLICATE_PAIRS } from '../../src-server/seed/demo-duplicates';
import { startServer } from '../../src-server/server';
import type { RunningServer } from '../../src-server/server';
import { openDesktop, signIn, tempDir } from './support/desktop-fixture';
import { errorOf, waitFor } from './support/sync-helpers';

let server: RunningServer;
let reviewer: DesktopApp;
let secondReviewer: DesktopApp;
let mlspp: DesktopApp;
let justice: DesktopApp;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    sqliteFile: path.join(tempDir('dxer-duplicates-server'), 'server.sqlite'),
    seedDemo: true,
    demoDuplicates: true,
    logLevel: 'silent',
  });
  await server.duplicates?.idle();
  reviewer = await openDesktop(tempDir('dxer-duplicates-reviewer'), server.url);
  secondReviewer = await openDesktop(tempDir('dxer-duplicates-reviewer2'), server.url);
  mlspp = await openDesktop(tempDir('dxer-duplicates-mlspp'), server.url);
  justice = await openDesktop(tempDir('dxer-duplicates-justice'), server.url);
  await signIn(reviewer, 'reviewer');
  await signIn(secondReviewer, 'reviewer');
  await signIn(mlspp, 'agency.mlspp');
  await signIn(justice, 'agency.justice');
});
afterAll(async () => {
  for (const app of [reviewer, secondReviewer, mlspp, justice]) await app.stop();
  await server.close();
});

const list = (app: DesktopApp) => app.handlers['duplicates.list']({});

async function pairNamed(app: DesktopApp, name: string): Promise<DuplicateCandidateView> {
  const found = (await list(app)).find(
    (view) => view.a?.name === name || view.b?.name === name,
  );
  if (!found) throw new Error(`no pair with ${name}`);
  return found;
}

describe('duplicate candidates on the desktop', () => {
  it('lists the pairs the server found with both services side by side', async () => {
    const views = await list(reviewer);
    for (const [mlsppName, justiceName] of DEMO_DUPLICATE_PAIRS) {
      const view = views.find((v) => v.a?.name === mlsppName || v.b?.name === mlsppName);
      expect(view, mlsppName).toBeDefined();
      const names = [view?.a?.name, view?.b?.name];
      expect(names).toContain(justiceName);
      expect(view?.a?.agencyName).not.toBe('');
      expect(view?.a?.documents.length).toBeGreaterThan(0);
      expect(view?.a?.resultName).toBe(view?.b?.resultName);
      expect(view?.ownMark).toBeNull();
    }
    expect(await list(mlspp)).toEqual([]);
  });

  it('queues a mark in the outbox, shows it pending, and after sync shows the mark and who made it to another reviewer', async () => {
    const [mlsppName = ''] = DEMO_DUPLICATE_PAIRS[0] ?? [];
    const view = await pairNamed(reviewer, mlsppName);
    const marked = await reviewer.handlers['duplicates.mark']({
      candidateId: view.candidate.id,
      kind: 'duplicate',
      note: 'Eyni xidmətdir',
      baseRevision: view.candidate.revision,
    });
    expect(marked.ownMark).toMatchObject({ state: 'pending', kind: 'duplicate' });
    const again = await errorOf(
      reviewer.handlers['duplicates.mark']({
        candidateId: view.candidate.id,
        kind: 'notDuplicate',
        note: '',
        baseRevision: view.candidate.revision,
      }),
    );
    expect(again.code).toBe('DECISION_PENDING');

    await reviewer.handlers['sync.now']({});
    const synced = await pairNamed(reviewer, mlsppName);
    expect(synced.ownMark).toBeNull();
    expect(synced.candidate.mark).toMatchObject({
      kind: 'duplicate',
      note: 'Eyni xidmətdir',
    });
    expect(synced.candidate.revision).toBe(view.candidate.revision + 1);

    await secondReviewer.handlers['sync.now']({});
    const seen = await pairNamed(secondReviewer, mlsppName);
    expect(seen.candidate.mark?.markedByName).not.toBe('');
    expect(seen.candidate.mark?.kind).toBe('duplicate');
  });

  it('turns a mark made on a pair another reviewer marked meanwhile into a visible stale conflict', async () => {
    const [mlsppName = ''] = DEMO_DUPLICATE_PAIRS[1] ?? [];
    const before = await pairNamed(secondReviewer, mlsppName);
    const first = await pairNamed(reviewer, mlsppName);
    await reviewer.handlers['duplicates.mark']({
      candidateId: first.candidate.id,
      kind: 'notDuplicate',
      note: '',
      baseRevision: first.candidate.revision,
    });
    await reviewer.handlers['sync.now']({});

    await secondReviewer.handlers['duplicates.mark']({
      candidateId: before.candidate.id,
      kind: 'duplicate',
      note: 'Mənə görə eynidir',
      baseRevision: before.candidate.revision,
    });
    await secondReviewer.handlers['sync.now']({});
    const stale = await pairNamed(secondReviewer, mlsppName);
    expect(stale.ownMark).toMatchObject({ state: 'conflict', kind: 'duplicate' });
    expect(stale.ownMark?.conflictMessage).toMatch(/revision/);
    expect(stale.candidate.mark?.kind).toBe('notDuplicate');

    // Marking again on what is there now replaces the stale entry.
    const remarked = await secondReviewer.handlers['duplicates.mark']({
      candidateId: stale.candidate.id,
      kind: 'duplicate',
      note: 'Yenidən baxdım',
      baseRevision: stale.candidate.revision,
    });
    expect(remarked.ownMark?.state).toBe('pending');
    await secondReviewer.handlers['sync.now']({});
    expect((await pairNamed(secondReviewer, mlsppName)).candidate.mark?.note).toBe(
      'Yenidən baxdım',
    );
  });

  it('shows a merge proposal to both agencies on their service, and lets no agency mark', async () => {
    const [mlsppName = ''] = DEMO_DUPLICATE_PAIRS[2] ?? [];
    const view = await pairNamed(reviewer, mlsppName);
    await reviewer.handlers['duplicates.mark']({
      candidateId: view.candidate.id,
      kind: 'mergeProposal',
      note: 'Xidmətləri birləşdirin',
      baseRevision: view.candidate.revision,
    });
    await reviewer.handlers['sync.now']({});
    for (const agency of [mlspp, justice]) {
      await agency.handlers['sync.now']({});
      const own = (await list(agency)).map((v) => v.candidate.id);
      expect(own).toEqual([view.candidate.id]);
    }
    const mlsppSide = [view.a, view.b].find((side) => side?.name === mlsppName);
    const onService = await mlspp.handlers['duplicates.ofService']({
      serviceId: mlsppSide?.serviceId ?? '',
    });
    expect(onService[0]?.candidate.mark).toMatchObject({
      kind: 'mergeProposal',
      note: 'Xidmətləri birləşdirin',
    });
    const refused = await errorOf(
      mlspp.handlers['duplicates.mark']({
        candidateId: view.candidate.id,
        kind: 'duplicate',
        note: '',
        baseRevision: onService[0]?.candidate.revision ?? 1,
      }),
    );
    expect(refused.code).toBe('FORBIDDEN');
  });

  it('warns about services of any agency that a service looks like, once the index is built in the background', async () => {
    const [mlsppName = '', justiceName = ''] = DEMO_DUPLICATE_PAIRS[0] ?? [];
    const view = await pairNamed(reviewer, mlsppName);
    const justiceSide = [view.a, view.b].find((side) => side?.name === justiceName);
    const serviceId = justiceSide?.serviceId ?? '';
    const first = await justice.handlers['services.similar']({ serviceId });
    // The first call starts the build and does not wait for it.
    if (!first.isReady) expect(first.similar).toEqual([]);
    await waitFor('the similar-services index', async () => {
      return (await justice.handlers['services.similar']({ serviceId })).isReady;
    });
    const ready = await justice.handlers['services.similar']({ serviceId });
    expect(ready.isReady).toBe(true);
    expect(ready.similar[0]?.name).toBe(mlsppName);
    expect(ready.similar[0]?.reasons).toContain('SAME_NAME');
    expect(ready.similar[0]?.agencyName).not.toBe('');
  });
});
