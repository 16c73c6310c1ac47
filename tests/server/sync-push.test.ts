import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../shared/sync/protocol';
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

describe.each(databases)('push on $name', (database) => {
  let server: TestServer;
  let staff: Session;
  let reviewer: Session;

  beforeAll(async () => {
    server = await startTestServer(database);
    staff = await server.login('agency.mlspp');
    reviewer = await server.login('reviewer');
  });
  afterAll(() => server.close());

  it('answers the same batch three times with identical results and changes the registry once', async () => {
    const serviceNameId = randomUUID();
    const batch = [
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId,
          agencyId: staff.user.agencyId,
          name: 'Təkrar göndərilən ad',
        },
        mutationId: randomUUID(),
        clientSeq: staff.nextSeq++,
      },
    ];
    const first = await staff.push(batch);
    const feedBefore = await server.db('changes').count({ n: '*' }).first();
    const second = await staff.push(batch);
    const third = await staff.push(batch);

    expect(first.status).toBe(200);
    expect(pushResponseSchema.parse(first.body).results[0]?.status).toBe('applied');
    expect(second.text).toBe(first.text);
    expect(third.text).toBe(first.text);
    expect(await server.db('service_names').where('id', serviceNameId)).toHaveLength(1);
    expect(
      await server.db('mutations').where('mutation_id', batch[0]?.mutationId),
    ).toHaveLength(1);
    expect(await server.db('changes').count({ n: '*' }).first()).toEqual(feedBefore);
    const audits = await server.db('audit_events').where('entity_id', serviceNameId);
    expect(audits).toHaveLength(1);
  });

  it('does not let a rejected mutation in the middle of a batch block the ones after it', async () => {
    const first = randomUUID();
    const third = randomUUID();
    const reply = await staff.push([
      {
        name: 'serviceName.propose',
        args: { serviceNameId: first, agencyId: staff.user.agencyId, name: 'Birinci ad' },
      },
      // Another agency's name: refused.
      {
        name: 'serviceName.propose',
        args: { serviceNameId: randomUUID(), agencyId: randomUUID(), name: 'Yad ad' },
      },
      {
        name: 'serviceName.propose',
        args: { serviceNameId: third, agencyId: staff.user.agencyId, name: 'Üçüncü ad' },
      },
    ]);
    expect(reply.body.results.map((r) => r.status)).toEqual([
      'applied',
      'rejected',
      'applied',
    ]);
    const rejected = reply.body.results[1];
    expect(rejected?.status === 'rejected' && rejected.error.code).toBe('FORBIDDEN');
    expect(reply.body.lastProcessedSeq).toBe(staff.nextSeq - 1);
    expect(await server.db('service_names').whereIn('id', [first, third])).toHaveLength(
      2,
    );
  });

  it('stores a mutation with malformed arguments as a rejection naming the fields, and goes on', async () => {
    const after = randomUUID();
    const reply = await staff.push([
      { name: 'service.saveDraft', args: { serviceId: 'not-a-uuid', changes: [] } },
      {
        name: 'serviceName.propose',
        args: { serviceNameId: after, agencyId: staff.user.agencyId, name: 'Sonrakı ad' },
      },
    ]);
    const [bad, good] = reply.body.results;
    expect(bad?.status).toBe('rejected');
    if (bad?.status !== 'rejected') return;
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    expect(bad.error.fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['args.serviceId', 'args.newVersionId', 'args.changes']),
    );
    expect(good?.status).toBe('applied');
  });

  it('stops at a sequence gap and reports the last processed sequence so the client resends', async () => {
    const session = await server.login('agency.mlspp');
    const applied = await session.push([
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: randomUUID(),
          agencyId: session.user.agencyId,
          name: 'Ardıcıl ad',
        },
        clientSeq: 1,
      },
    ]);
    expect(applied.body.lastProcessedSeq).toBe(1);

    const gapped = randomUUID();
    const reply = await session.push([
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: gapped,
          agencyId: session.user.agencyId,
          name: 'Boşluqdan sonra',
        },
        clientSeq: 3,
      },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.results).toEqual([]);
    expect(reply.body.lastProcessedSeq).toBe(1);
    expect(await server.db('service_names').where('id', gapped)).toHaveLength(0);

    const reused = await session.push([
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: randomUUID(),
          agencyId: session.user.agencyId,
          name: 'Köhnə nömrə',
        },
        clientSeq: 1,
      },
    ]);
    expect(
      reused.body.results[0]?.status === 'rejected' && reused.body.results[0].error.code,
    ).toBe('SEQUENCE_GAP');
  });

  it('refuses a client id that belongs to another user', async () => {
    const other = await server.login('agency.justice');
    other.clientId = staff.clientId;
    const reply = await other.push([
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: randomUUID(),
          agencyId: other.user.agencyId,
          name: 'Başqasının cihazı',
        },
      },
    ]);
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ error: { code: 'CLIENT_OWNED_BY_OTHER_USER' } });
  });

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
