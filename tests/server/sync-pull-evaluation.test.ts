import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../shared/sync/protocol';
import type { EntityChange } from '../../shared/sync/protocol';
import {
  answerFromRow,
  campaignFromRow,
  methodologyFromRow,
  publishedResultFromRow,
} from '../../src-server/evaluation/rows';
import type {
  AnswerRow,
  CampaignRow,
  MethodologyRow,
  PublishedResultRow,
} from '../../src-server/evaluation/rows';
import { databases } from './support/databases';
import {
  agencyIdOf,
  answerArgs,
  campaignBody,
  createCampaign,
  createMethodology,
  newEvaluator,
  publishedResults,
} from './support/evaluation';
import { pullAll, startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

const evaluationKinds = ['methodology', 'campaign', 'answer', 'publishedResult'];

function idOf(change: EntityChange): string {
  if (change.op === 'remove') return change.id;
  return change.entity === 'category' ? change.data.code : change.data.id;
}

/** The evaluation entities a session receives, by kind, in their pulled state. */
async function evaluationSeenBy(session: Session) {
  const { changes } = await pullAll(session);
  const seen = new Map<string, unknown[]>(evaluationKinds.map((kind) => [kind, []]));
  for (const change of changes) {
    if (change.op === 'put') seen.get(change.entity)?.push(change.data);
  }
  return seen;
}

describe.each(databases)('pull of ASAN index data on $name', (database) => {
  let server: TestServer;
  let admin: Session;
  let evaluator: Session;
  let second: Session;
  let withdrawnId: string;

  beforeAll(async () => {
    server = await startTestServer(database);
    admin = await server.login('admin');
    evaluator = await server.login('evaluator');
    second = await newEvaluator(server, admin, 'evaluator.two', 'Səbinə Kərimova');

    // Quotes, backslashes and line breaks must survive the splice into JSON.
    const tricky = { az: 'İndeks "2023" \\ yeni\nsətir', en: 'Index', ru: 'Индекс' };
    const methodology = await createMethodology(server, admin, { name: tricky });
    await createMethodology(server, admin, { version: 2 });
    const campaign = await createCampaign(server, admin, {
      ...(await campaignBody(server, methodology.id, [
        evaluator.user.id,
        second.user.id,
      ])),
      name: tricky,
    });
    const pushed = [
      await evaluator.push([
        {
          name: 'evaluation.answer',
          args: answerArgs(campaign, { note: 'Qeyd "dırnaqla"\n' }),
        },
      ]),
      await second.push([
        {
          name: 'evaluation.answer',
          args: answerArgs(campaign, { value: { kind: 'notApplicable' } }),
        },
      ]),
    ];
    const withdrawn = answerArgs(campaign, {
      subCriterionCode: 'e-share',
      value: { kind: 'percent', value: 12.5 },
    });
    withdrawnId = withdrawn.answerId;
    pushed.push(
      await evaluator.push([
        { name: 'evaluation.answer', args: withdrawn },
        {
          name: 'evaluation.answer',
          args: { ...withdrawn, value: null, baseRevision: 1 },
        },
      ]),
    );
    for (const reply of pushed) {
      expect(reply.body.results.map((result) => result.status)).not.toContain('rejected');
    }
    const imported = await server.request(
      'POST',
      '/api/v1/admin/published-results',
      { results: publishedResults(await agencyIdOf(server, 'mlspp')) },
      admin.token,
    );
    expect(imported.status).toBe(200);
  });
  afterAll(() => server.close());

  it('sends methodologies, campaigns, answers and published results exactly as their rows map, in pages of any size', async () => {
    const reviewer = await server.login('reviewer');
    const seen = await evaluationSeenBy(reviewer);
    const byId = <T extends { id: string }>(items: T[]) =>
      [...items].sort((a, b) => a.id.localeCompare(b.id));

    const methodologies = (await server.db<MethodologyRow>('methodologies')).map(
      methodologyFromRow,
    );
    expect(methodologies.every((m) => m.frozenAt !== null || m.version === 2)).toBe(true);
    expect(byId(seen.get('methodology') as typeof methodologies)).toEqual(
      byId(methodologies),
    );
    const campaigns = (await server.db<CampaignRow>('campaigns')).map(campaignFromRow);
    expect(seen.get('campaign')).toEqual(campaigns);
    const answers = (await server.db<AnswerRow>('evaluation_answers')).flatMap(
      (row) => answerFromRow(row) ?? [],
    );
    expect(answers).toHaveLength(2);
    expect(byId(seen.get('answer') as typeof answers)).toEqual(byId(answers));
    const results = (await server.db<PublishedResultRow>('published_results')).map(
      publishedResultFromRow,
    );
    expect(byId(seen.get('publishedResult') as typeof results)).toEqual(byId(results));

    const whole = await pullAll(reviewer, null, 5000);
    const feed = await server
      .db('changes')
      .orderBy('position')
      .select<Array<{ entity_type: string; entity_id: string }>>(
        'entity_type',
        'entity_id',
      );
    expect(whole.changes.map((c) => `${c.entity}:${idOf(c)}`)).toEqual(
      feed.map((row) => `${row.entity_type}:${row.entity_id}`),
    );
    expect(whole.changes).toContainEqual({
      entity: 'answer',
      op: 'remove',
      id: withdrawnId,
    });
    for (const limit of [1, 2, 3, 7]) {
      const paged = await pullAll(reviewer, null, limit);
      expect(paged.changes).toEqual(whole.changes);
    }
    const page = await reviewer.pull(null, 5000);
    expect(() => pullResponseSchema.parse(page.body)).not.toThrow();
  });

  it('sends methodologies, campaigns and published results to every role, and answers to all but agency staff', async () => {
    const counts = async (session: Session) =>
      Object.fromEntries(
        [...(await evaluationSeenBy(session))].map(([kind, items]) => [
          kind,
          items.length,
        ]),
      );
    const everything = { methodology: 2, campaign: 1, publishedResult: 2 };
    for (const username of ['evaluator', 'reviewer', 'auditor', 'admin']) {
      expect(await counts(await server.login(username))).toEqual({
        ...everything,
        answer: 2,
      });
    }
    expect(await counts(second)).toEqual({ ...everything, answer: 2 });
    for (const username of ['agency.mlspp', 'agency.justice']) {
      const staff = await server.login(username);
      expect(await counts(staff)).toEqual({ ...everything, answer: 0 });
      const { changes, last } = await pullAll(staff);
      expect(changes.filter((change) => change.entity === 'answer')).toEqual([]);
      expect(last.remaining).toBe(0);
    }
  });

  it('brings a later answer, and the campaign’s new status, after the cursor', async () => {
    const { cursor } = await pullAll(second);
    const [row] = await server.db<CampaignRow>('campaigns');
    if (!row) throw new Error('the campaign made above is stored');
    const campaign = campaignFromRow(row);
    const campaignId = campaign.id;
    const later = answerArgs(campaign, {
      answerId: randomUUID(),
      subCriterionCode: 'fee-clarity',
      value: { kind: 'level', value: 'none' },
    });
    await evaluator.push([{ name: 'evaluation.answer', args: later }]);
    await server.request(
      'PUT',
      `/api/v1/admin/campaigns/${campaignId}/status`,
      { status: 'closed' },
      admin.token,
    );
    const { changes } = await pullAll(second, cursor);
    expect(changes.map((c) => `${c.entity}:${idOf(c)}`)).toEqual([
      `answer:${later.answerId}`,
      `campaign:${campaignId}`,
    ]);
    expect(changes[1]).toMatchObject({ data: { status: 'closed', revision: 2 } });
  });
});
