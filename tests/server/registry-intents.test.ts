import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './support/databases';
import {
  completeRecord,
  draftService,
  publishedService,
  serviceAsSeenBy,
  submittedService,
} from './support/registry';
import { startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

describe.each(databases)('registry intents through push on $name', (database) => {
  let server: TestServer;
  let staff: Session;
  let reviewer: Session;

  beforeAll(async () => {
    server = await startTestServer(database);
    staff = await server.login('agency.mlspp');
    reviewer = await server.login('reviewer');
  });
  afterAll(() => server.close());

  it('merges edits to different fields and returns a conflict with base, theirs and mine for the same field', async () => {
    const record = completeRecord();
    const { serviceId } = await draftService(staff, reviewer, record);
    const laptop = await server.login('agency.mlspp');

    const fromDesk = await staff.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId,
          newVersionId: randomUUID(),
          changes: [
            {
              field: 'description',
              base: record.description,
              value: 'Masadan yazılmış yeni təsvir mətni.',
            },
          ],
        },
      },
    ]);
    expect(fromDesk.body.results[0]?.status).toBe('applied');

    const fromLaptop = await laptop.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId,
          newVersionId: randomUUID(),
          changes: [
            {
              field: 'complaintProcedure',
              base: record.complaintProcedure,
              value: 'Məhkəməyə şikayət.',
            },
            {
              field: 'description',
              base: record.description,
              value: 'Noutbukdan yazılmış başqa təsvir.',
            },
          ],
        },
      },
    ]);
    const result = fromLaptop.body.results[0];
    expect(result?.status).toBe('conflict');
    if (result?.status !== 'conflict') return;
    expect(result.code).toBe('FIELD_CONFLICT');
    expect(result.appliedFields).toEqual(['complaintProcedure']);
    expect(result.conflicts).toEqual([
      {
        field: 'description',
        base: record.description,
        theirs: 'Masadan yazılmış yeni təsvir mətni.',
        mine: 'Noutbukdan yazılmış başqa təsvir.',
      },
    ]);

    const seen = await serviceAsSeenBy(staff, serviceId);
    expect(seen?.versions[0]?.record.description).toBe(
      'Masadan yazılmış yeni təsvir mətni.',
    );
    expect(seen?.versions[0]?.record.complaintProcedure).toBe('Məhkəməyə şikayət.');
    expect(seen?.revision).toBe(result.revision);
  });

  it('refuses a draft save with invalid values, naming record fields, and writes nothing', async () => {
    const { serviceId } = await draftService(staff, reviewer);
    const before = (await server
      .db('service_versions')
      .where('service_id', serviceId)
      .pluck('record')) as unknown[];
    const reply = await staff.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId,
          newVersionId: randomUUID(),
          changes: [{ field: 'electronificationDegree', base: 0, value: 250 }],
        },
      },
    ]);
    const result = reply.body.results[0];
    expect(result?.status === 'rejected' && result.error.fields[0]?.path).toBe(
      'record.electronificationDegree',
    );
    expect(
      await server.db('service_versions').where('service_id', serviceId).pluck('record'),
    ).toEqual(before);
  });

  it('refuses to submit an incomplete record and names what is missing', async () => {
    const { serviceId } = await draftService(
      staff,
      reviewer,
      completeRecord({ description: 'qısa', audiences: [] }),
    );
    const reply = await staff.push([{ name: 'service.submit', args: { serviceId } }]);
    const result = reply.body.results[0];
    expect(result?.status).toBe('rejected');
    if (result?.status !== 'rejected') return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.fields.map((f) => f.path)).toEqual([
      'record.description',
      'record.audiences',
    ]);
  });

  it('runs the workflow: submit, return with remarks, resubmit, approve, then opens version 2 from the published record', async () => {
    const ids = await submittedService(staff, reviewer);
    const returned = await reviewer.push([
      {
        name: 'service.decide',
        args: {
          ...ids,
          submissionNo: 1,
          decision: 'return',
          remarks: [{ field: 'fee', text: 'Rüsumu dəqiqləşdirin' }],
        },
      },
    ]);
    expect(returned.body.results[0]?.status).toBe('applied');
    expect(
      (await staff.push([{ name: 'service.submit', args: { serviceId: ids.serviceId } }]))
        .body.results[0]?.status,
    ).toBe('applied');
    const approved = await reviewer.push([
      { name: 'service.decide', args: { ...ids, submissionNo: 2, decision: 'approve' } },
    ]);
    expect(approved.body.results[0]?.status).toBe('applied');

    const newVersionId = randomUUID();
    const edit = await staff.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId: ids.serviceId,
          newVersionId,
          changes: [
            { field: 'complaintProcedure', base: '', value: 'Yeni şikayət qaydası.' },
          ],
        },
      },
    ]);
    expect(edit.body.results[0]?.status).toBe('applied');
    const seen = await serviceAsSeenBy(staff, ids.serviceId);
    expect(seen?.versions.map((v) => [v.number, v.status, v.submissionNo])).toEqual([
      [1, 'approved', 2],
      [2, 'draft', 0],
    ]);
    expect(seen?.versions[1]?.id).toBe(newVersionId);
    expect(seen?.registryCode).toMatch(/^XID-\d{6}$/);
  });

  it('refuses to edit a submitted version', async () => {
    const { serviceId } = await submittedService(staff, reviewer);
    const reply = await staff.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId,
          newVersionId: randomUUID(),
          changes: [{ field: 'complaintProcedure', base: '', value: 'x' }],
        },
      },
    ]);
    const result = reply.body.results[0];
    expect(result?.status === 'rejected' && result.error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('answers a decision on a submission that changed since with a stale conflict and applies nothing', async () => {
    const ids = await submittedService(staff, reviewer);
    await staff.push([{ name: 'service.withdraw', args: { serviceId: ids.serviceId } }]);
    await staff.push([{ name: 'service.submit', args: { serviceId: ids.serviceId } }]);
    const stale = await reviewer.push([
      { name: 'service.decide', args: { ...ids, submissionNo: 1, decision: 'approve' } },
    ]);
    const result = stale.body.results[0];
    expect(result?.status === 'conflict' && result.code).toBe('STALE_DECISION');
    const versions: Array<{ status: string; submission_no: unknown }> = await server
      .db('service_versions')
      .where('id', ids.versionId)
      .select('status', 'submission_no');
    expect(versions[0]?.status).toBe('submitted');
    expect(Number(versions[0]?.submission_no)).toBe(2);
  });

  it('answers a decision on a name that was already decided with a stale conflict', async () => {
    const serviceNameId = randomUUID();
    await staff.push([
      {
        name: 'serviceName.propose',
        args: { serviceNameId, agencyId: staff.user.agencyId, name: 'İki dəfə qərar' },
      },
    ]);
    await reviewer.push([
      {
        name: 'serviceName.decide',
        args: { serviceNameId, submissionNo: 1, decision: 'reject', reason: 'Təkrardır' },
      },
    ]);
    const again = await reviewer.push([
      {
        name: 'serviceName.decide',
        args: { serviceNameId, submissionNo: 1, decision: 'approve' },
      },
    ]);
    expect(
      again.body.results[0]?.status === 'conflict' && again.body.results[0].code,
    ).toBe('STALE_DECISION');
  });

  it('refuses a service under a name that is not approved', async () => {
    const serviceNameId = randomUUID();
    await staff.push([
      {
        name: 'serviceName.propose',
        args: { serviceNameId, agencyId: staff.user.agencyId, name: 'Gözləyən ad' },
      },
    ]);
    const reply = await staff.push([
      {
        name: 'service.create',
        args: {
          serviceId: randomUUID(),
          versionId: randomUUID(),
          agencyId: staff.user.agencyId,
          serviceNameId,
          record: {},
        },
      },
    ]);
    expect(
      reply.body.results[0]?.status === 'rejected' && reply.body.results[0].error.code,
    ).toBe('NAME_NOT_APPROVED');
  });

  it('requires remarks to return a submission', async () => {
    const ids = await submittedService(staff, reviewer);
    const reply = await reviewer.push([
      { name: 'service.decide', args: { ...ids, submissionNo: 1, decision: 'return' } },
    ]);
    expect(
      reply.body.results[0]?.status === 'rejected' && reply.body.results[0].error.code,
    ).toBe('REMARKS_REQUIRED');
  });

  it('keeps older approved versions as history when a new version is approved', async () => {
    const ids = await publishedService(staff, reviewer);
    const newVersionId = randomUUID();
    await staff.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId: ids.serviceId,
          newVersionId,
          changes: [{ field: 'complaintProcedure', base: '', value: 'İkinci versiya.' }],
        },
      },
    ]);
    await staff.push([{ name: 'service.submit', args: { serviceId: ids.serviceId } }]);
    await reviewer.push([
      {
        name: 'service.decide',
        args: {
          serviceId: ids.serviceId,
          versionId: newVersionId,
          submissionNo: 1,
          decision: 'approve',
        },
      },
    ]);
    const seen = await serviceAsSeenBy(await server.login('evaluator'), ids.serviceId);
    expect(seen?.versions.map((v) => [v.number, v.status])).toEqual([
      [1, 'approved'],
      [2, 'approved'],
    ]);
  });
});
