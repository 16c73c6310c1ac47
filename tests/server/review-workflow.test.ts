import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedVersion, workingVersion } from '../../shared/domain/service';
import { databases } from './support/databases';
import { serviceAsSeenBy, submittedService } from './support/registry';
import { startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

const TWO_REMARKS = [
  { field: 'description', text: 'Təsvir natamamdır: müraciət qaydasını yazın.' },
  { field: 'documents', text: 'Sənədlərin siyahısında arayış çatışmır.' },
];

describe.each(databases)('the review workflow on $name', (database) => {
  let server: TestServer;
  let staff: Session;
  let reviewer: Session;
  let secondReviewer: Session;

  beforeAll(async () => {
    server = await startTestServer(database);
    staff = await server.login('agency.mlspp');
    reviewer = await server.login('reviewer');
    secondReviewer = await server.login('reviewer');
  });
  afterAll(() => server.close());

  it('keeps every submission, return with its remarks, resubmission and approval in the version history', async () => {
    const ids = await submittedService(staff, reviewer);
    const returned = await reviewer.push([
      {
        name: 'service.decide',
        args: { ...ids, submissionNo: 1, decision: 'return', remarks: TWO_REMARKS },
      },
    ]);
    expect(returned.body.results[0]?.status).toBe('applied');

    const seenByStaff = await serviceAsSeenBy(staff, ids.serviceId);
    const returnedVersion = seenByStaff && workingVersion(seenByStaff);
    expect(returnedVersion?.status).toBe('returned');
    expect(returnedVersion?.remarks).toEqual(TWO_REMARKS);

    const fixed = await staff.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId: ids.serviceId,
          newVersionId: randomUUID(),
          changes: [
            {
              field: 'description',
              base: returnedVersion?.record.description,
              value: 'Müraciət ASAN xidmət mərkəzində və e-gov portalında qəbul edilir.',
            },
          ],
        },
      },
      { name: 'service.submit', args: { serviceId: ids.serviceId } },
    ]);
    expect(fixed.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const approved = await reviewer.push([
      { name: 'service.decide', args: { ...ids, submissionNo: 2, decision: 'approve' } },
    ]);
    expect(approved.body.results[0]?.status).toBe('applied');

    const seenByReviewer = await serviceAsSeenBy(reviewer, ids.serviceId);
    const published = seenByReviewer && publishedVersion(seenByReviewer);
    expect(published?.id).toBe(ids.versionId);
    expect(published?.record.description).toMatch(/e-gov portalında/);
    expect(
      published?.history.map((event) => [
        event.action,
        event.submissionNo,
        event.actorName,
        event.remarks.length,
      ]),
    ).toEqual([
      ['submitted', 1, staff.user.displayName, 0],
      ['returned', 1, reviewer.user.displayName, 2],
      ['submitted', 2, staff.user.displayName, 0],
      ['approved', 2, reviewer.user.displayName, 0],
    ]);
    expect(published?.history[1]?.remarks).toEqual(TWO_REMARKS);
    // Approval clears the current remarks; the history still has them.
    expect(published?.remarks).toEqual([]);
  });

  it('turns a decision on a submission the agency withdrew and resubmitted into a stale-decision conflict', async () => {
    const ids = await submittedService(staff, reviewer);
    const resubmitted = await staff.push([
      { name: 'service.withdraw', args: { serviceId: ids.serviceId } },
      { name: 'service.submit', args: { serviceId: ids.serviceId } },
    ]);
    expect(resubmitted.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const stale = await reviewer.push([
      { name: 'service.decide', args: { ...ids, submissionNo: 1, decision: 'approve' } },
    ]);
    expect(stale.body.results[0]).toMatchObject({
      status: 'conflict',
      code: 'STALE_DECISION',
    });
    const service = await serviceAsSeenBy(reviewer, ids.serviceId);
    expect(service && workingVersion(service)?.status).toBe('submitted');
    expect(service && publishedVersion(service)).toBeUndefined();
  });

  it('lets only the first of two reviewers decide a submission; the second gets a conflict and changes nothing', async () => {
    const ids = await submittedService(staff, reviewer);
    const first = await reviewer.push([
      {
        name: 'service.decide',
        args: { ...ids, submissionNo: 1, decision: 'return', remarks: TWO_REMARKS },
      },
    ]);
    expect(first.body.results[0]?.status).toBe('applied');
    const second = await secondReviewer.push([
      { name: 'service.decide', args: { ...ids, submissionNo: 1, decision: 'approve' } },
    ]);
    expect(second.body.results[0]).toMatchObject({
      status: 'conflict',
      code: 'STALE_DECISION',
    });

    const service = await serviceAsSeenBy(reviewer, ids.serviceId);
    const version = service && workingVersion(service);
    expect(version?.status).toBe('returned');
    expect(version?.history.map((event) => event.action)).toEqual([
      'submitted',
      'returned',
    ]);
  });

  it('applies a reviewer deciding the same submission twice in one batch once, and answers the second with a conflict', async () => {
    const ids = await submittedService(staff, reviewer);
    const twice = await reviewer.push([
      { name: 'service.decide', args: { ...ids, submissionNo: 1, decision: 'approve' } },
      { name: 'service.decide', args: { ...ids, submissionNo: 1, decision: 'approve' } },
    ]);
    expect(twice.body.results.map((r) => r.status)).toEqual(['applied', 'conflict']);
  });

  it('refuses a decision from agency staff and a draft edit from a reviewer', async () => {
    const ids = await submittedService(staff, reviewer);
    const byStaff = await staff.push([
      { name: 'service.decide', args: { ...ids, submissionNo: 1, decision: 'approve' } },
    ]);
    expect(byStaff.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'FORBIDDEN' },
    });
    const byReviewer = await reviewer.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId: ids.serviceId,
          newVersionId: randomUUID(),
          changes: [{ field: 'complaintProcedure', base: '', value: 'Yoxlayıcı yazdı.' }],
        },
      },
    ]);
    expect(byReviewer.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'FORBIDDEN' },
    });
  });

  it('keeps a reviewer whose home agency submitted from deciding it, while they decide other agencies', async () => {
    const admin = await server.login('admin');
    const created = await server.request(
      'POST',
      '/api/v1/admin/users',
      {
        username: 'reviewer.own',
        displayName: 'Öz qurumunun yoxlayıcısı',
        password: 'reviewer.own-demo',
        role: 'reviewer',
        agencyId: staff.user.agencyId,
      },
      admin.token,
    );
    expect(created.status).toBe(201);
    const ownReviewer = await server.login('reviewer.own', 'reviewer.own-demo');

    const ids = await submittedService(staff, reviewer);
    const own = await ownReviewer.push([
      { name: 'service.decide', args: { ...ids, submissionNo: 1, decision: 'approve' } },
    ]);
    expect(own.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'OWN_AGENCY_DECISION' },
    });

    const justice = await server.login('agency.justice');
    const other = await submittedService(justice, reviewer);
    const allowed = await ownReviewer.push([
      {
        name: 'service.decide',
        args: { ...other, submissionNo: 1, decision: 'approve' },
      },
    ]);
    expect(allowed.body.results[0]?.status).toBe('applied');
  });
});
