import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  pullResponseSchema,
  SCHEMA_VERSION,
} from '../../shared/sync/protocol';
import type { EntityChange, PullResponse } from '../../shared/sync/protocol';
import { purgeService } from '../../src-server/registry/purge';
import { versionFromRow } from '../../src-server/registry/rows';
import type { VersionRow } from '../../src-server/registry/rows';
import { pruneTombstones } from '../../src-server/sync/prune';
import { databases } from './support/databases';
import {
  completeRecord,
  draftService,
  publishedService,
  serviceAsSeenBy,
  submittedService,
} from './support/registry';
import { pullAll, startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

function idOf(change: EntityChange): string {
  if (change.op === 'remove') return change.id;
  return change.entity === 'category' ? change.data.code : change.data.id;
}

describe.each(databases)('pull on $name', (database) => {
  let server: TestServer;
  let mlspp: Session;
  let justice: Session;
  let reviewer: Session;
  let evaluator: Session;
  let auditor: Session;

  beforeAll(async () => {
    server = await startTestServer(database);
    mlspp = await server.login('agency.mlspp');
    justice = await server.login('agency.justice');
    reviewer = await server.login('reviewer');
    evaluator = await server.login('evaluator');
    auditor = await server.login('auditor');
  });
  afterAll(() => server.close());

  it('delivers reference data and the demo registry in pages that match the response schema', async () => {
    const first = await evaluator.pull(null, 25);
    expect(first.status).toBe(200);
    expect(() => pullResponseSchema.parse(first.body)).not.toThrow();
    expect(first.body.changes).toHaveLength(25);
    expect(first.body.hasMore).toBe(true);

    const all = await pullAll(evaluator, null, 25);
    const kinds = new Set(all.changes.map((c) => c.entity));
    expect(kinds).toEqual(new Set(['category', 'agency', 'serviceName', 'service']));
    expect(all.changes.filter((c) => c.entity === 'category')).toHaveLength(10);
    expect(all.last.remaining).toBe(0);
    expect(first.body.remaining).toBe(all.changes.length - 25);
    const ids = all.changes.map((c) => `${c.entity}:${idOf(c)}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sends every visible feed row once, in feed order, whatever the page size and however a page is split to be rendered', async () => {
    await draftService(mlspp, reviewer, completeRecord());
    await submittedService(mlspp, reviewer);
    const feed = await server
      .db('changes')
      .orderBy('position')
      .select<Array<{ entity_type: string; entity_id: string }>>(
        'entity_type',
        'entity_id',
      );
    const expected = feed.map((row) => `${row.entity_type}:${row.entity_id}`);

    const whole = await pullAll(reviewer, null, 5000);
    expect(whole.changes.map((c) => `${c.entity}:${idOf(c)}`)).toEqual(expected);
    // Odd and tiny sizes put slice boundaries (halves of each page on
    // PostgreSQL) at every kind of place: between two rows, at a page's
    // first or last row, and between entities of different kinds.
    for (const limit of [1, 2, 3, 7, 50]) {
      const paged = await pullAll(reviewer, null, limit);
      expect(paged.changes).toEqual(whole.changes);
      expect(paged.cursor).toBe(whole.cursor);
    }
    const page = await reviewer.pull(null, 9);
    expect(() => pullResponseSchema.parse(page.body)).not.toThrow();
    expect(page.body.changes.map((c) => `${c.entity}:${idOf(c)}`)).toEqual(
      expected.slice(0, 9),
    );
  });

  it('brings a change made after the next page was already rendered ahead, in its latest state, on a later page', async () => {
    const ids = await draftService(mlspp, reviewer);
    const whole = await pullAll(mlspp, null, 5000);
    const at = whole.changes.findIndex((c) => idOf(c) === ids.serviceId);
    expect(at).toBeGreaterThan(0);
    // The first page ends just before the service, so the page rendered
    // ahead of the client's next request holds its state before the edit.
    const first = await mlspp.pull(null, at);
    expect(first.body.hasMore).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await mlspp.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId: ids.serviceId,
          newVersionId: randomUUID(),
          changes: [
            { field: 'complaintProcedure', base: '', value: 'Sonradan dəyişdi.' },
          ],
        },
      },
    ]);
    const rest = await pullAll(mlspp, first.body.cursor, at);
    const received = [...first.body.changes, ...rest.changes];
    expect(new Set(received.map(idOf))).toEqual(new Set(whole.changes.map(idOf)));
    const latest = received.filter((c) => idOf(c) === ids.serviceId).at(-1);
    expect(
      latest?.op === 'put' &&
        latest.entity === 'service' &&
        latest.data.versions.at(-1)?.record.complaintProcedure,
    ).toBe('Sonradan dəyişdi.');
  });

  it('leaves the remaining count out when the client does not ask for it, and still says whether more follow', async () => {
    const counted = await pullAll(evaluator, null, 25);
    const pullUncounted = (cursor: string | null) =>
      server.request<PullResponse>(
        'POST',
        '/api/v1/sync/pull',
        {
          protocolVersion: PROTOCOL_VERSION,
          schemaVersion: SCHEMA_VERSION,
          clientId: evaluator.clientId,
          cursor,
          limit: 25,
          countRemaining: false,
        },
        evaluator.token,
      );

    const changes: EntityChange[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const reply = await pullUncounted(cursor);
      expect(reply.status).toBe(200);
      expect(() => pullResponseSchema.parse(reply.body)).not.toThrow();
      expect(reply.body.remaining).toBeNull();
      changes.push(...reply.body.changes);
      cursor = reply.body.cursor;
      pages += 1;
      if (!reply.body.hasMore) break;
    }
    expect(changes).toEqual(counted.changes);
    expect(cursor).toBe(counted.cursor);
    expect(pages).toBe(Math.ceil(counted.changes.length / 25));
  });

  it('never shows another agency’s draft or submission, and shows only the approved versions of its services', async () => {
    const draft = await draftService(mlspp, reviewer);
    const submitted = await submittedService(mlspp, reviewer);
    const published = await publishedService(mlspp, reviewer);
    await mlspp.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId: published.serviceId,
          newVersionId: randomUUID(),
          changes: [{ field: 'complaintProcedure', base: '', value: 'Gizli qaralama.' }],
        },
      },
    ]);

    const { changes } = await pullAll(justice);
    const serviceIds = changes.filter((c) => c.entity === 'service').map(idOf);
    expect(serviceIds).not.toContain(draft.serviceId);
    expect(serviceIds).not.toContain(submitted.serviceId);
    const other = changes.find(
      (c) => c.entity === 'service' && idOf(c) === published.serviceId,
    );
    expect(
      other?.op === 'put' &&
        other.entity === 'service' &&
        other.data.versions.map((v) => v.status),
    ).toEqual(['approved']);
    expect(JSON.stringify(changes)).not.toContain('Gizli qaralama.');

    const own = await serviceAsSeenBy(mlspp, published.serviceId);
    expect(own?.versions.map((v) => v.status)).toEqual(['approved', 'draft']);
  });

  it('shows reviewers and auditors submissions but not drafts that were never submitted; evaluators only approved content', async () => {
    const draft = await draftService(mlspp, reviewer, completeRecord());
    const submitted = await submittedService(mlspp, reviewer);

    for (const session of [reviewer, auditor]) {
      expect(await serviceAsSeenBy(session, draft.serviceId)).toBeUndefined();
      const seen = await serviceAsSeenBy(session, submitted.serviceId);
      expect(seen?.versions.map((v) => v.status)).toEqual(['submitted']);
    }
    expect(await serviceAsSeenBy(evaluator, submitted.serviceId)).toBeUndefined();

    const pendingName = randomUUID();
    await mlspp.push([
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: pendingName,
          agencyId: mlspp.user.agencyId,
          name: 'Baxılmamış ad',
        },
      },
    ]);
    const evaluatorNames = (await pullAll(evaluator)).changes
      .filter((c) => c.entity === 'serviceName')
      .map(idOf);
    const justiceNames = (await pullAll(justice)).changes
      .filter((c) => c.entity === 'serviceName')
      .map(idOf);
    const reviewerNames = (await pullAll(reviewer)).changes
      .filter((c) => c.entity === 'serviceName')
      .map(idOf);
    expect(evaluatorNames).not.toContain(pendingName);
    expect(justiceNames).not.toContain(pendingName);
    expect(reviewerNames).toContain(pendingName);
  });

  it('sends every version exactly as stored, remarks, quotes and empty fields included', async () => {
    const ids = await draftService(
      mlspp,
      reviewer,
      completeRecord({
        complaintProcedure: 'Şikayət "dırnaqla" və \\ xətlə\nyeni sətir',
      }),
    );
    await mlspp.push([{ name: 'service.submit', args: { serviceId: ids.serviceId } }]);
    const returned = await reviewer.push([
      {
        name: 'service.decide',
        args: {
          ...ids,
          submissionNo: 1,
          decision: 'return',
          remarks: [{ field: 'legalBasis', text: 'Əsası "dəqiq" yazın' }],
        },
      },
    ]);
    expect(returned.body.results[0]?.status).toBe('applied');

    const pulled = await serviceAsSeenBy(mlspp, ids.serviceId);
    const stored = await server
      .db<VersionRow>('service_versions')
      .where('service_id', ids.serviceId)
      .orderBy('number');
    expect(pulled?.versions).toEqual(stored.map(versionFromRow));
    expect(pulled?.versions[0]?.remarks).toEqual([
      { field: 'legalBasis', text: 'Əsası "dəqiq" yazın' },
    ]);
  });

  it('sends only what changed after the cursor, in its current state, once per entity', async () => {
    const { cursor } = await pullAll(mlspp);
    const ids = await draftService(mlspp, reviewer);
    await mlspp.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId: ids.serviceId,
          newVersionId: randomUUID(),
          changes: [{ field: 'complaintProcedure', base: '', value: 'Son vəziyyət.' }],
        },
      },
    ]);
    const { changes } = await pullAll(mlspp, cursor);
    const services = changes.filter((c) => c.entity === 'service');
    expect(services.map(idOf)).toEqual([ids.serviceId]);
    const service = services[0];
    expect(
      service?.op === 'put' &&
        service.entity === 'service' &&
        service.data.versions[0]?.record.complaintProcedure,
    ).toBe('Son vəziyyət.');
    expect(changes.filter((c) => c.entity === 'serviceName')).toHaveLength(1);
  });

  it('sends a removal when a service disappears, to those who had it', async () => {
    const ids = await draftService(mlspp, reviewer);
    const before = await pullAll(mlspp);
    expect(before.changes.some((c) => idOf(c) === ids.serviceId && c.op === 'put')).toBe(
      true,
    );

    await purgeService(server.db, ids.serviceId, null);
    const after = await pullAll(mlspp, before.cursor);
    expect(after.changes).toEqual([
      { entity: 'service', op: 'remove', id: ids.serviceId },
    ]);
    const fromScratch = await pullAll(mlspp);
    expect(fromScratch.changes.filter((c) => c.op === 'remove').map(idOf)).toContain(
      ids.serviceId,
    );
    expect((await pullAll(justice, before.cursor)).changes.map(idOf)).not.toContain(
      ids.serviceId,
    );
  });

  it('asks a client whose cursor is older than the kept removals to resync from scratch, without an error', async () => {
    const oldCursor = (await mlspp.pull(null, 1)).body.cursor;
    const ids = await draftService(mlspp, reviewer);
    await purgeService(server.db, ids.serviceId, null);
    expect(await pruneTombstones(server.db, 0)).toBeGreaterThan(0);

    const stale = await mlspp.pull(oldCursor);
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({
      resyncRequired: true,
      changes: [],
      cursor: 'v1:0',
      hasMore: true,
    });

    const fresh = await pullAll(mlspp, null);
    expect(fresh.last.resyncRequired).toBe(false);
    expect(fresh.changes.map(idOf)).not.toContain(ids.serviceId);
    const current = await mlspp.pull(fresh.cursor);
    expect(current.body).toMatchObject({
      resyncRequired: false,
      changes: [],
      remaining: 0,
      hasMore: false,
    });
  });

  it('reports how far the server got with this client’s mutations', async () => {
    const session = await server.login('agency.mlspp');
    expect((await session.pull(null, 1)).body.lastProcessedSeq).toBe(0);
    await session.push([
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: randomUUID(),
          agencyId: session.user.agencyId,
          name: 'Sayğac adı',
        },
      },
    ]);
    expect((await session.pull(null, 1)).body.lastProcessedSeq).toBe(1);
  });
});
