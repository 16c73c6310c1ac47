import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicateCandidate } from '../../shared/duplicates/duplicate-candidate';
import { DEMO_DUPLICATE_PAIRS } from '../../src-server/seed/demo-duplicates';
import { databases } from './support/databases';
import { approvedName } from './support/registry';
import { pullAll, startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

/** The candidates a session holds after a full pull, by id; removals drop them. */
async function candidatesOf(session: Session): Promise<Map<string, DuplicateCandidate>> {
  const { changes } = await pullAll(session);
  const held = new Map<string, DuplicateCandidate>();
  for (const change of changes) {
    if (change.entity !== 'duplicateCandidate') continue;
    if (change.op === 'put') held.set(change.data.id, change.data);
    else held.delete(change.id);
  }
  return held;
}

async function nameOf(server: TestServer, serviceId: string): Promise<string> {
  const row = await server
    .db('services as s')
    .join('service_names as n', 'n.id', 's.service_name_id')
    .where('s.id', serviceId)
    .first<{ name: string } | undefined>('n.name');
  return row?.name ?? '';
}

describe.each(databases)('duplicate candidates on $name', (database) => {
  let server: TestServer;
  let waitForScan: () => Promise<void>;
  let mlspp: Session;
  let justice: Session;
  let reviewer: Session;
  let secondReviewer: Session;
  let auditor: Session;
  let evaluator: Session;

  beforeAll(async () => {
    server = await startTestServer(database, { demoDuplicates: true });
    waitForScan = () => server.duplicatesIdle();
    mlspp = await server.login('agency.mlspp');
    justice = await server.login('agency.justice');
    reviewer = await server.login('reviewer');
    secondReviewer = await server.login('reviewer');
    auditor = await server.login('auditor');
    evaluator = await server.login('evaluator');
    await waitForScan();
  });
  afterAll(() => server.close());

  it('finds the demo pairs across the two ministries at start, with score and reasons, for reviewers and auditors only', async () => {
    const seen = [...(await candidatesOf(reviewer)).values()];
    const names = await Promise.all(
      seen.map(async (c) =>
        [await nameOf(server, c.aServiceId), await nameOf(server, c.bServiceId)].sort(),
      ),
    );
    for (const pair of DEMO_DUPLICATE_PAIRS) {
      expect(names).toContainEqual([...pair].sort());
    }
    const demo = seen.find((c) => c.reasons.includes('SAME_NAME'));
    expect(demo).toMatchObject({
      score: 1,
      revision: 1,
      mark: null,
      parts: { name: 1, result: 1, legalBasis: 1, documents: 1 },
    });
    expect((demo?.aServiceId ?? '') < (demo?.bServiceId ?? '')).toBe(true);
    expect([...(await candidatesOf(auditor)).keys()].sort()).toEqual(
      seen.map((c) => c.id).sort(),
    );
    expect((await candidatesOf(mlspp)).size).toBe(0);
    expect((await candidatesOf(evaluator)).size).toBe(0);
  });

  it('a second scan of an unchanged registry writes nothing', async () => {
    const before = await server.db('changes').max({ top: 'position' }).first();
    server.rescan();
    await waitForScan();
    const after = await server.db('changes').max({ top: 'position' }).first();
    expect(after).toEqual(before);
  });

  it('checks a submitted service against the registry and stores its pairs', async () => {
    const [existingName = ''] = DEMO_DUPLICATE_PAIRS[1] ?? [];
    // The Ministry of Labour's record under the same name in capitals.
    const existing = await server
      .db('service_versions as v')
      .join('services as s', 's.id', 'v.service_id')
      .join('service_names as n', 'n.id', 's.service_name_id')
      .where('n.name', existingName)
      .first<{ record: string } | undefined>('v.record');
    const serviceNameId = await approvedName(
      justice,
      reviewer,
      existingName.toLocaleUpperCase('az'),
    );
    const serviceId = randomUUID();
    const pushed = await justice.push([
      {
        name: 'service.create',
        args: {
          serviceId,
          versionId: randomUUID(),
          agencyId: justice.user.agencyId,
          serviceNameId,
          record: JSON.parse(existing?.record ?? '{}') as unknown,
        },
      },
      { name: 'service.submit', args: { serviceId } },
    ]);
    expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await waitForScan();
    const found = [...(await candidatesOf(reviewer)).values()].filter(
      (c) => c.aServiceId === serviceId || c.bServiceId === serviceId,
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.reasons).toContain('SAME_NAME');
  });

  it('records a mark once, audits it, refuses a stale one and anyone but a reviewer', async () => {
    const [candidate] = [...(await candidatesOf(reviewer)).values()];
    if (!candidate) throw new Error('no candidate');
    const mutationId = randomUUID();
    const mark = {
      name: 'duplicate.mark',
      mutationId,
      args: {
        candidateId: candidate.id,
        kind: 'duplicate',
        note: 'Eyni xidmət',
        baseRevision: 1,
      },
    };
    const first = await reviewer.push([mark]);
    expect(first.body.results[0]).toMatchObject({ status: 'applied', revision: 2 });
    const repeat = await reviewer.push([{ ...mark, clientSeq: 1 }]);
    expect(repeat.body.results[0]).toEqual(first.body.results[0]);

    const stale = await secondReviewer.push([
      { name: 'duplicate.mark', args: { ...mark.args, kind: 'notDuplicate' } },
    ]);
    expect(stale.body.results[0]).toMatchObject({
      status: 'conflict',
      code: 'STALE_DECISION',
      revision: 2,
    });
    const byStaff = await mlspp.push([
      { name: 'duplicate.mark', args: { ...mark.args, baseRevision: 2 } },
    ]);
    expect(byStaff.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'FORBIDDEN' },
    });
    const bad = await reviewer.push([
      { name: 'duplicate.mark', args: { ...mark.args, kind: 'maybe', baseRevision: 2 } },
    ]);
    expect(bad.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'VALIDATION_FAILED' },
    });

    const seenByOther = (await candidatesOf(secondReviewer)).get(candidate.id);
    expect(seenByOther?.mark).toMatchObject({
      kind: 'duplicate',
      note: 'Eyni xidmət',
      markedBy: reviewer.user.id,
      markedByName: reviewer.user.displayName,
    });
    const audit = await server
      .db('audit_events')
      .where({ action: 'duplicate.mark', entity_id: candidate.id })
      .select<Array<{ mutation_id: string }>>('mutation_id');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.mutation_id).toBe(mutationId);
  });

  it('shows a merge proposal to both agencies concerned, and takes it back when the mark changes', async () => {
    const all = [...(await candidatesOf(reviewer)).values()];
    const pair = all.find((c) => c.mark === null && c.aAgencyId !== c.bAgencyId);
    if (!pair) throw new Error('no unmarked pair');
    const proposed = await reviewer.push([
      {
        name: 'duplicate.mark',
        args: {
          candidateId: pair.id,
          kind: 'mergeProposal',
          note: 'Birləşdirin',
          baseRevision: pair.revision,
        },
      },
    ]);
    expect(proposed.body.results[0]?.status).toBe('applied');
    for (const staff of [mlspp, justice]) {
      const seen = await candidatesOf(staff);
      expect([...seen.keys()]).toEqual([pair.id]);
      expect(seen.get(pair.id)?.mark).toMatchObject({
        kind: 'mergeProposal',
        note: 'Birləşdirin',
      });
    }
    expect((await candidatesOf(evaluator)).size).toBe(0);

    const { cursor } = await pullAll(justice);
    const withdrawn = await reviewer.push([
      {
        name: 'duplicate.mark',
        args: {
          candidateId: pair.id,
          kind: 'notDuplicate',
          note: '',
          baseRevision: pair.revision + 1,
        },
      },
    ]);
    expect(withdrawn.body.results[0]?.status).toBe('applied');
    const { changes } = await pullAll(justice, cursor);
    expect(changes).toContainEqual({
      entity: 'duplicateCandidate',
      op: 'remove',
      id: pair.id,
    });
  });
});
