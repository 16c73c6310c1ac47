import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopApp } from '../../src-main/app/desktop-app';
import type { RunningServer } from '../../src-server/server';
import { publishedVersion } from '../../shared/domain/service';
import {
  openDesktop,
  ownPublishedService,
  signIn,
  startTestServer,
  tempDir,
} from './support/desktop-fixture';
import { editDraft, errorOf } from './support/sync-helpers';

const REMARKS = [
  { field: 'description', text: 'Təsvirdə müraciət qaydası yazılmayıb.' },
  { field: 'documents', text: 'Arayışın hansı orqandan alındığını göstərin.' },
];

let sqliteFile: string;
let server: RunningServer;
let agency: DesktopApp;
let reviewer: DesktopApp;
let reviewerDir: string;

beforeAll(async () => {
  sqliteFile = path.join(tempDir('dxer-review-server'), 'server.sqlite');
  server = await startTestServer(sqliteFile);
  agency = await openDesktop(tempDir('dxer-review-agency'), server.url);
  reviewerDir = tempDir('dxer-review-desk');
  reviewer = await openDesktop(reviewerDir, server.url);
  await signIn(agency, 'agency.mlspp');
  await signIn(reviewer, 'reviewer');
});
afterAll(async () => {
  await agency.stop();
  await reviewer.stop();
  await server.close();
});

const queue = (app: DesktopApp, overrides = {}) =>
  app.handlers['review.queue']({
    agencyId: null,
    category: null,
    kind: null,
    offset: 0,
    limit: 100,
    ...overrides,
  });

let used = 0;

/** A published service of the agency that no earlier test submitted. */
async function freshPublishedService(): Promise<string> {
  const session = await agency.handlers['session.get']({});
  const agencyId = session.kind === 'loggedIn' ? session.user.agencyId : null;
  const list = await agency.handlers['services.list']({
    query: '',
    agencyId,
    category: null,
    type: null,
    status: 'approved',
    offset: 0,
    limit: 100,
  });
  const row = list.rows[used++];
  if (!row) throw new Error('out of demo services');
  return row.id;
}

async function submitChange(description: string): Promise<string> {
  const serviceId = await freshPublishedService();
  await editDraft(agency, serviceId, { description });
  await agency.handlers['services.submit']({ serviceId });
  await agency.handlers['sync.now']({});
  return serviceId;
}

describe('the reviewer desk', () => {
  let serviceId = '';

  it('lists an agency submission in the queue with its working-day clock, and opens it field by field beside the approved version', async () => {
    serviceId = await submitChange(
      'Əmək pensiyası üçün müraciət ASAN xidmət mərkəzində qəbul edilir.',
    );
    await reviewer.handlers['sync.now']({});

    const { rows, total } = await queue(reviewer);
    const item = rows.find((row) => row.id === serviceId);
    expect(total).toBeGreaterThanOrEqual(1);
    expect(item).toMatchObject({
      kind: 'serviceChange',
      submissionNo: 1,
      decisionState: 'none',
      clock: { workingDaysWaited: 0, isOverdue: false, workingDaysLeft: 7 },
    });
    expect((await queue(reviewer, { kind: 'newService' })).rows).not.toContainEqual(
      expect.objectContaining({ id: serviceId }),
    );
    expect(
      (await queue(reviewer, { agencyId: item?.agencyId ?? null })).rows.map((r) => r.id),
    ).toContain(serviceId);

    const review = await reviewer.handlers['review.service']({ serviceId });
    expect(review.refusal).toBeNull();
    expect(review.diff?.isFirstSubmission).toBe(false);
    const changed = review.diff?.fields.filter((field) => field.status !== 'unchanged');
    expect(changed?.map((field) => field.field)).toEqual(['description']);
    expect(review.published?.record.description).not.toBe(
      review.submitted?.record.description,
    );
  });

  it('queues a return with two remarks while the server is down, keeps it across a restart, refuses a second decision, and sends it once the server is back', async () => {
    const port = server.port;
    await server.close();
    const review = await reviewer.handlers['review.service']({ serviceId });
    const submitted = review.submitted;
    if (!submitted) throw new Error('nothing submitted');
    const decision = {
      serviceId,
      versionId: submitted.id,
      submissionNo: submitted.submissionNo,
      decision: 'return' as const,
      remarks: REMARKS,
    };
    const after = await reviewer.handlers['review.decideService'](decision);
    expect(after.decision.state).toBe('pending');
    expect(after.refusal?.code).toBe('DECISION_PENDING');
    expect(
      (await errorOf(reviewer.handlers['review.decideService'](decision))).code,
    ).toBe('DECISION_PENDING');

    await reviewer.stop();
    reviewer = await openDesktop(reviewerDir, server.url);
    const waiting = (await queue(reviewer)).rows.find((row) => row.id === serviceId);
    expect(waiting?.decisionState).toBe('pending');
    expect((await reviewer.handlers['sync.status']({})).pendingCount).toBe(1);

    server = await startTestServer(sqliteFile, port);
    const status = await reviewer.handlers['sync.now']({});
    expect(status.pendingCount).toBe(0);
    expect((await queue(reviewer)).rows.map((row) => row.id)).not.toContain(serviceId);
  });

  it('shows the agency each remark beside its field; the fix and resubmission come back to the queue as submission 2', async () => {
    await agency.handlers['sync.now']({});
    const detail = await agency.handlers['services.get']({ serviceId });
    expect(detail.draftStatus).toBe('returned');
    const working = detail.service.versions.find((v) => v.status === 'returned');
    expect(working?.remarks).toEqual(REMARKS);
    expect((await agency.handlers['registry.figures']({})).returnedCount).toBe(1);

    await editDraft(agency, serviceId, {
      description:
        'Müraciət ASAN xidmət mərkəzində və e-gov portalında ərizə ilə qəbul edilir.',
    });
    await agency.handlers['services.submit']({ serviceId });
    await agency.handlers['sync.now']({});
    await reviewer.handlers['sync.now']({});

    const item = (await queue(reviewer)).rows.find((row) => row.id === serviceId);
    expect(item?.submissionNo).toBe(2);
  });

  it('approves the resubmission, which becomes the published version, and the history shows every step with its remarks', async () => {
    const review = await reviewer.handlers['review.service']({ serviceId });
    const submitted = review.submitted;
    if (!submitted) throw new Error('nothing submitted');
    await reviewer.handlers['review.decideService']({
      serviceId,
      versionId: submitted.id,
      submissionNo: 2,
      decision: 'approve',
      remarks: [],
    });
    await reviewer.handlers['sync.now']({});
    await agency.handlers['sync.now']({});

    const detail = await agency.handlers['services.get']({ serviceId });
    expect(publishedVersion(detail.service)?.record.description).toMatch(
      /e-gov portalında/,
    );
    const history = await reviewer.handlers['services.history']({ serviceId });
    const steps = history.filter((entry) => entry.versionId === submitted.id);
    expect(steps.map((entry) => [entry.action, entry.submissionNo])).toEqual([
      ['created', 0],
      ['submitted', 1],
      ['returned', 1],
      ['submitted', 2],
      ['approved', 2],
    ]);
    expect(steps[2]?.remarks).toEqual(REMARKS);
    expect(steps[2]?.actorName).not.toBe('');
    expect(steps.every((entry) => entry.isPublished)).toBe(true);
  });

  it('lets an auditor on another computer read the same history', async () => {
    const auditor = await openDesktop(tempDir('dxer-review-auditor'), server.url);
    try {
      await signIn(auditor, 'auditor');
      const history = await auditor.handlers['services.history']({ serviceId });
      const returned = history.find((entry) => entry.action === 'returned');
      expect(returned?.remarks).toEqual(REMARKS);
      expect(
        history.filter((entry) => entry.action === 'approved').length,
      ).toBeGreaterThan(1);
    } finally {
      await auditor.stop();
    }
  });

  it('turns a decision on a submission the agency withdrew and resubmitted into a stale conflict the reviewer dismisses before deciding again', async () => {
    const staleId = await submitChange(
      'Birinci təqdimatın mətni, sonra geri götürüləcək.',
    );
    await reviewer.handlers['sync.now']({});
    const first = await reviewer.handlers['review.service']({ serviceId: staleId });
    if (!first.submitted) throw new Error('nothing submitted');

    await agency.handlers['services.withdraw']({ serviceId: staleId });
    await agency.handlers['services.submit']({ serviceId: staleId });
    await agency.handlers['sync.now']({});

    await reviewer.handlers['review.decideService']({
      serviceId: staleId,
      versionId: first.submitted.id,
      submissionNo: first.submitted.submissionNo,
      decision: 'approve',
      remarks: [],
    });
    const status = await reviewer.handlers['sync.now']({});
    expect(status.conflictCount).toBe(1);
    const entries = await reviewer.handlers['outbox.list']({});
    expect(entries).toContainEqual(
      expect.objectContaining({ state: 'conflict', conflictCode: 'STALE_DECISION' }),
    );

    const stale = await reviewer.handlers['review.service']({ serviceId: staleId });
    expect(stale.submitted?.submissionNo).toBe(2);
    expect(stale.decision.state).toBe('none');
    const staleEntry = entries.find((entry) => entry.conflictCode === 'STALE_DECISION');
    if (!staleEntry) throw new Error('no stale entry');
    await reviewer.handlers['outbox.dismiss']({ entryId: staleEntry.id });
    expect((await reviewer.handlers['sync.status']({})).conflictCount).toBe(0);

    const versions = await server
      .db('service_versions')
      .where({ service_id: staleId })
      .orderBy('number')
      .select<Array<{ status: string; submission_no: number }>>(
        'status',
        'submission_no',
      );
    expect(versions.map((row) => [row.status, Number(row.submission_no)])).toEqual([
      ['approved', 1],
      ['submitted', 2],
    ]);
  });

  it('refuses decisions from agency staff on this computer', async () => {
    const serviceId2 = await ownPublishedService(agency);
    const review = await agency.handlers['review.service']({ serviceId: serviceId2 });
    expect(review.refusal?.code).toBe('FORBIDDEN');
    const refusal = await errorOf(
      agency.handlers['review.decideService']({
        serviceId: serviceId2,
        versionId: review.published?.id ?? '',
        submissionNo: 1,
        decision: 'approve',
        remarks: [],
      }),
    );
    expect(refusal.code).toBe('FORBIDDEN');
  });

  it('approves a proposed service name offline and flags it when it resembles an existing one', async () => {
    const existing = (await agency.handlers['serviceNames.list']({})).find(
      (name) => name.status === 'approved',
    );
    if (!existing) throw new Error('no approved name');
    const proposed = existing.name.toLocaleUpperCase('az');
    // The agency is warned while typing, before anything is sent.
    const warned = await agency.handlers['serviceNames.similar']({ name: proposed });
    expect(warned[0]).toMatchObject({ id: existing.id, reason: 'SAME_NAME' });
    await agency.handlers['serviceNames.propose']({ name: proposed, aliases: [] });
    await agency.handlers['sync.now']({});
    await reviewer.handlers['sync.now']({});

    const item = (await queue(reviewer, { kind: 'serviceName' })).rows.find(
      (row) => row.label === proposed,
    );
    if (!item) throw new Error('the proposal is not in the queue');
    const review = await reviewer.handlers['review.serviceName']({
      serviceNameId: item.id,
    });
    expect(review.similar[0]).toMatchObject({ id: existing.id });
    const decided = await reviewer.handlers['review.decideServiceName']({
      serviceNameId: item.id,
      submissionNo: review.serviceName.submissionNo,
      decision: 'reject',
      reason: 'Bu ad artıq reyestrdə var.',
    });
    expect(decided.decision.state).toBe('pending');
    await reviewer.handlers['sync.now']({});
    await agency.handlers['sync.now']({});
    const names = await agency.handlers['serviceNames.list']({});
    expect(names.find((name) => name.id === item.id)).toMatchObject({
      status: 'rejected',
      reason: 'Bu ad artıq reyestrdə var.',
    });
  });
});
