// Two server instances on one PostgreSQL schema, as behind a load
// balancer: a service one instance accepted must reach the other's
// duplicate index, or a look-alike submitted through the other is missed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeRecord, approvedName } from './support/registry';
import { postgresDatabase } from './support/databases';
import type { DatabaseTarget } from './support/databases';
import { loadSubjectsOf } from '../../src-server/duplicates/subjects';
import { startTestServerOn } from './support/server';
import type { Session, TestServer } from './support/server';

/** A new service of the session's agency under a new name, created and submitted. */
async function submitService(
  staff: Session,
  reviewer: Session,
  name: string,
  record: ReturnType<typeof completeRecord>,
): Promise<string> {
  const serviceNameId = await approvedName(staff, reviewer, name);
  const serviceId = randomUUID();
  const reply = await staff.push([
    {
      name: 'service.create',
      args: {
        serviceId,
        versionId: randomUUID(),
        agencyId: staff.user.agencyId,
        serviceNameId,
        record,
      },
    },
    { name: 'service.submit', args: { serviceId } },
  ]);
  expect(reply.body.results.map((result) => result.status)).toEqual([
    'applied',
    'applied',
  ]);
  return serviceId;
}

async function pairsWith(server: TestServer, serviceId: string): Promise<string[]> {
  const rows = await server
    .db('duplicate_candidates')
    .where('a_service_id', serviceId)
    .orWhere('b_service_id', serviceId)
    .select<Array<{ a_service_id: string; b_service_id: string }>>(
      'a_service_id',
      'b_service_id',
    );
  return rows.map((row) =>
    row.a_service_id === serviceId ? row.b_service_id : row.a_service_id,
  );
}

describe('duplicate detection with two instances on one PostgreSQL schema', () => {
  let target: DatabaseTarget;
  let first: TestServer;
  let second: TestServer;

  beforeAll(async () => {
    target = await postgresDatabase.create();
    first = await startTestServerOn(target);
    second = await startTestServerOn(target);
    await Promise.all([first.duplicatesIdle(), second.duplicatesIdle()]);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await target.drop();
  });

  it('finds a look-alike submitted through one instance of a service accepted by the other', async () => {
    const record = completeRecord({
      description: 'Dövlət rüsumunun ödənilməsi haqqında arayışın verilməsi.',
    });
    const justiceOnFirst = await first.login('agency.justice');
    const reviewerOnFirst = await first.login('reviewer');
    const original = await submitService(
      justiceOnFirst,
      reviewerOnFirst,
      'Dövlət rüsumunun ödənilməsi haqqında arayışın verilməsi',
      record,
    );
    await first.duplicatesIdle();

    // The second instance learns of it from the change feed, not a restart.
    second.followFeed();
    await second.duplicatesIdle();

    const mlsppOnSecond = await second.login('agency.mlspp');
    const reviewerOnSecond = await second.login('reviewer');
    const lookAlike = await submitService(
      mlsppOnSecond,
      reviewerOnSecond,
      'DÖVLƏT RÜSUMUNUN ÖDƏNİLMƏSİ HAQQINDA ARAYIŞIN VERİLMƏSİ',
      record,
    );
    await second.duplicatesIdle();

    expect(await pairsWith(second, lookAlike)).toContain(original);
  });

  it('tells a submission sent again after a return from the one seen before, so the feed check does not skip it', async () => {
    const staff = await first.login('agency.justice');
    const reviewer = await first.login('reviewer');
    const record = completeRecord();
    const serviceId = await submitService(
      staff,
      reviewer,
      'Qaytarılıb yenidən göndərilən xidmət',
      record,
    );
    const keyOf = async () =>
      (await loadSubjectsOf(first.db, [serviceId]))[0]?.contentKey;
    const submitted = await keyOf();
    const returned = await reviewer.push([
      {
        name: 'service.decide',
        args: {
          serviceId,
          versionId: await first
            .db('service_versions')
            .where({ service_id: serviceId })
            .first<{ id: string }>('id')
            .then((row) => row?.id),
          submissionNo: 1,
          decision: 'return',
          remarks: [{ field: 'fee', text: 'Rüsumu dəqiqləşdirin' }],
        },
      },
    ]);
    expect(returned.body.results[0]?.status).toBe('applied');
    const again = await staff.push([{ name: 'service.submit', args: { serviceId } }]);
    expect(again.body.results[0]?.status).toBe('applied');
    const resubmitted = await keyOf();
    expect(submitted).toBeDefined();
    expect(resubmitted).toBeDefined();
    expect(resubmitted).not.toBe(submitted);
  });

  it('reads the feed again without writing anything when nothing compared changed', async () => {
    const before = await first.db('duplicate_candidates').count<{ n: unknown }>('* as n');
    const changesBefore = await first
      .db('changes')
      .max<{ top: unknown }>('position as top')
      .first();
    first.followFeed();
    second.followFeed();
    await Promise.all([first.duplicatesIdle(), second.duplicatesIdle()]);
    expect(await first.db('duplicate_candidates').count('* as n')).toEqual(before);
    expect(
      await first.db('changes').max<{ top: unknown }>('position as top').first(),
    ).toEqual(changesBefore);
  });
});
