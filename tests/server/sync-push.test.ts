import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../shared/sync/protocol';
import { databases } from './support/databases';
import { startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

describe.each(databases)('push on $name', (database) => {
  let server: TestServer;
  let staff: Session;

  beforeAll(async () => {
    server = await startTestServer(database);
    staff = await server.login('agency.mlspp');
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

  it('refuses an intent whose new id is already used as a clean rejection, and applies the ones after it in the same batch', async () => {
    const taken = randomUUID();
    const after = randomUUID();
    await staff.push([
      {
        name: 'serviceName.propose',
        args: { serviceNameId: taken, agencyId: staff.user.agencyId, name: 'İlk sahib' },
      },
    ]);
    const reply = await staff.push([
      {
        name: 'serviceName.propose',
        args: { serviceNameId: taken, agencyId: staff.user.agencyId, name: 'Təkrar id' },
      },
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: after,
          agencyId: staff.user.agencyId,
          name: 'Arxadakı ad',
        },
      },
    ]);

    expect(reply.status).toBe(200);
    const [clash, next] = reply.body.results;
    expect(clash?.status === 'rejected' && clash.error).toMatchObject({
      code: 'ALREADY_EXISTS',
      fields: [{ path: 'args.serviceNameId' }],
    });
    expect(next?.status).toBe('applied');
    expect(reply.body.lastProcessedSeq).toBe(staff.nextSeq - 1);
    const names = await server.db('service_names').whereIn('id', [taken, after]);
    expect(names.map((row: { name: string }) => row.name).sort()).toEqual([
      'Arxadakı ad',
      'İlk sahib',
    ]);
    const stored = await server.db('mutations').where('client_id', staff.clientId);
    expect(
      stored.map((row: { client_seq: unknown }) => Number(row.client_seq)),
    ).toContain(staff.nextSeq - 2);
  });

  it('answers an intent the same user sent under another client id with its stored result, once, and refuses it to anyone else', async () => {
    const serviceNameId = randomUUID();
    const mutationId = randomUUID();
    const propose = {
      name: 'serviceName.propose',
      args: { serviceNameId, agencyId: staff.user.agencyId, name: 'Bərpadan gələn ad' },
      mutationId,
    };
    const applied = await staff.push([propose]);
    expect(applied.body.results[0]?.status).toBe('applied');
    // The same user on a desktop restored from this one's backup, under a fresh id.
    const restored = await server.login('agency.mlspp');
    const auditBefore = await server.db('audit_events').count({ n: '*' }).first();
    const later = randomUUID();
    const reply = await restored.push([
      propose,
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: later,
          agencyId: staff.user.agencyId,
          name: 'Bərpadan sonrakı ad',
        },
      },
    ]);
    expect(reply.body.results.map((r) => [r.status, r.clientSeq])).toEqual([
      ['applied', 1],
      ['applied', 2],
    ]);
    expect(reply.body.lastProcessedSeq).toBe(2);
    // Sent again (a lost answer): the same answers, nothing run twice.
    const again = await restored.push([{ ...propose, clientSeq: 1 }]);
    expect(again.body.results.map((r) => r.status)).toEqual(['applied']);
    const auditAfter = await server.db('audit_events').count({ n: '*' }).first();
    expect(Number(auditAfter?.n) - Number(auditBefore?.n)).toBe(1);
    expect(
      await server.db('service_names').whereIn('id', [serviceNameId, later]),
    ).toHaveLength(2);

    const otherUser = await server.login('agency.justice');
    const refused = await otherUser.push([propose]);
    expect(refused.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'ALREADY_EXISTS' },
    });
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
});
