import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './support/databases';
import {
  answer,
  answerArgs,
  answerRefusal,
  answersSeenBy,
  campaignBody,
  createMethodology,
  evaluationCounts,
  methodologyBody,
  newEvaluator,
  openCampaign as openCampaignOf,
  storedAnswers as storedAnswersOf,
} from './support/evaluation';
import { startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

describe.each(databases)('evaluators’ answers on $name', (database) => {
  let server: TestServer;
  let admin: Session;
  let evaluator: Session;
  let second: Session;
  let outsider: Session;
  let nextYear = 2040;

  beforeAll(async () => {
    server = await startTestServer(database);
    admin = await server.login('admin');
    evaluator = await server.login('evaluator');
    second = await newEvaluator(server, admin, 'evaluator.two', 'Səbinə Kərimova');
    outsider = await newEvaluator(server, admin, 'evaluator.three', 'Orxan Nəsirov');
  });
  afterAll(() => server.close());

  /** A fresh methodology (a year of its own) and an open campaign with both evaluators. */
  const openCampaign = () =>
    openCampaignOf(server, admin, nextYear++, [evaluator.user.id, second.user.id]);
  const refusal = answerRefusal;
  const storedAnswers = (campaignId: string) => storedAnswersOf(server, campaignId);

  async function frozenAt(methodologyId: string): Promise<string | null> {
    const row = await server
      .db('methodologies')
      .where('id', methodologyId)
      .first<{ frozen_at: string | null }>('frozen_at');
    return row?.frozen_at ?? null;
  }

  it('stores the first answer under the client’s id, which freezes the methodology: its update is refused as METHODOLOGY_FROZEN and a new version can be made', async () => {
    const { methodology, campaign } = await openCampaign();
    expect(await frozenAt(methodology.id)).toBeNull();

    const args = answerArgs(campaign, {
      note: 'Saytda siyahı var',
      evidenceRef: 'ekran-1.png',
    });
    const result = await answer(evaluator, args);
    expect(result).toMatchObject({
      status: 'applied',
      entityId: args.answerId,
      revision: 1,
    });
    expect(await frozenAt(methodology.id)).not.toBeNull();
    const [row] = await storedAnswers(campaign.id);
    expect(JSON.parse(row?.doc ?? 'null')).toMatchObject({
      id: args.answerId,
      evaluatorId: evaluator.user.id,
      evaluatorName: evaluator.user.displayName,
      value: { kind: 'yesNo', value: true },
      note: 'Saytda siyahı var',
      evidenceRef: 'ekran-1.png',
      revision: 1,
    });
    const actions = await server
      .db('audit_events')
      .whereIn('entity_id', [methodology.id, args.answerId])
      .orderBy('chain_seq')
      .pluck('action');
    expect(actions).toEqual(['methodology.create', 'methodology.freeze', 'answer.save']);

    const before = await evaluationCounts(server);
    const update = await server.request<{
      error: { code: string; message: string; fields: unknown[] };
    }>(
      'PUT',
      `/api/v1/admin/methodologies/${methodology.id}`,
      methodologyBody({
        year: methodology.year,
        name: { az: 'Dəyişmiş', en: 'Changed', ru: 'Изм' },
      }),
      admin.token,
    );
    expect(update.status).toBe(409);
    expect(update.body.error).toMatchObject({
      code: 'METHODOLOGY_FROZEN',
      fields: [{ path: 'version', message: 'frozen; create version 2' }],
    });
    expect(update.body.error.message).toContain(
      `create version 2 of ${methodology.year}`,
    );
    const switched = await server.request(
      'PUT',
      `/api/v1/admin/campaigns/${campaign.id}`,
      {
        ...(await campaignBody(server, methodology.id, campaign.evaluatorIds)),
        year: methodology.year,
        methodologyId: (
          await createMethodology(server, admin, {
            year: methodology.year,
            version: 2,
          })
        ).id,
      },
      admin.token,
    );
    expect(switched.status).toBe(409);
    expect(await evaluationCounts(server)).toMatchObject({
      methodologies: before.methodologies + 1,
      campaigns: before.campaigns,
    });
  });

  it('checks each value against its sub-criterion’s scale, and a refused first answer leaves the methodology unfrozen', async () => {
    const { methodology, campaign } = await openCampaign();
    const refused = async (overrides: Record<string, unknown>) =>
      refusal(await answer(evaluator, answerArgs(campaign, overrides)));
    const invalid = (path: string) => ({ code: 'VALIDATION_FAILED', paths: [path] });

    expect(await refused({ value: { kind: 'percent', value: 50 } })).toEqual(
      invalid('args.value.kind'),
    );
    expect(
      await refused({
        subCriterionCode: 'fee-clarity',
        value: { kind: 'level', value: 'most' },
      }),
    ).toEqual(invalid('args.value.value'));
    expect(
      await refused({
        subCriterionCode: 'fee-clarity',
        value: { kind: 'yesNo', value: true },
      }),
    ).toEqual(invalid('args.value.kind'));
    expect(
      await refused({
        subCriterionCode: 'e-share',
        value: { kind: 'percent', value: 120 },
      }),
    ).toEqual(invalid('args.value.value'));
    expect(
      await refused({
        subCriterionCode: 'e-share',
        value: { kind: 'level', value: 'full' },
      }),
    ).toEqual(invalid('args.value.kind'));
    expect(await refused({ subCriterionCode: 'no-such-code' })).toEqual(
      invalid('args.subCriterionCode'),
    );
    expect(await refused({ serviceId: randomUUID() })).toEqual(invalid('args.serviceId'));
    expect(await refused({ campaignId: randomUUID() })).toEqual({
      code: 'NOT_FOUND',
      paths: ['args.campaignId'],
    });
    expect(await refused({ baseRevision: 3 })).toEqual(invalid('args.baseRevision'));
    expect(await refused({ value: { kind: 'yesNo' } })).toEqual(
      invalid('args.value.value'),
    );
    expect(await frozenAt(methodology.id)).toBeNull();
    expect(await storedAnswers(campaign.id)).toEqual([]);

    const service = campaign.services[1]?.serviceId;
    const accepted = [
      { subCriterionCode: 'docs-listed', value: { kind: 'yesNo', value: false } },
      { subCriterionCode: 'fee-clarity', value: { kind: 'level', value: 'partial' } },
      { subCriterionCode: 'e-share', value: { kind: 'percent', value: 37.5 } },
    ];
    for (const overrides of accepted) {
      expect((await answer(evaluator, answerArgs(campaign, overrides))).status).toBe(
        'applied',
      );
      const notApplicable = answerArgs(campaign, {
        ...overrides,
        serviceId: service,
        value: { kind: 'notApplicable' },
      });
      expect((await answer(evaluator, notApplicable)).status).toBe('applied');
    }
  });

  it('lets only evaluators assigned to the campaign answer, and only while it is open', async () => {
    const { campaign } = await openCampaign();
    for (const username of ['agency.mlspp', 'reviewer', 'auditor', 'admin']) {
      const session = await server.login(username);
      expect(refusal(await answer(session, answerArgs(campaign)))).toEqual({
        code: 'FORBIDDEN',
        paths: [],
      });
    }
    expect(refusal(await answer(outsider, answerArgs(campaign)))).toEqual({
      code: 'FORBIDDEN',
      paths: ['args.campaignId'],
    });

    const status = (to: string) =>
      server.request(
        'PUT',
        `/api/v1/admin/campaigns/${campaign.id}/status`,
        { status: to },
        admin.token,
      );
    expect((await status('closed')).status).toBe(200);
    expect(refusal(await answer(evaluator, answerArgs(campaign)))).toEqual({
      code: 'ILLEGAL_TRANSITION',
      paths: ['args.campaignId'],
    });
    expect((await status('open')).status).toBe(200);
    expect((await answer(evaluator, answerArgs(campaign))).status).toBe('applied');
    expect(await storedAnswers(campaign.id)).toHaveLength(1);
  });

  it('keeps two evaluators’ answers to the same item apart, and sends both to each of them and to an auditor', async () => {
    const { campaign } = await openCampaign();
    const mine = answerArgs(campaign, { value: { kind: 'yesNo', value: true } });
    const theirs = answerArgs(campaign, { value: { kind: 'yesNo', value: false } });
    expect(await answer(evaluator, mine)).toMatchObject({
      status: 'applied',
      revision: 1,
    });
    expect(await answer(second, theirs)).toMatchObject({
      status: 'applied',
      revision: 1,
    });
    expect(
      await answer(evaluator, {
        ...mine,
        value: { kind: 'notApplicable' },
        baseRevision: 1,
      }),
    ).toMatchObject({ status: 'applied', revision: 2 });

    const rows = await storedAnswers(campaign.id);
    expect(rows).toHaveLength(2);
    const byEvaluator = new Map(rows.map((row) => [row.evaluator_id, row]));
    expect(Number(byEvaluator.get(second.user.id)?.revision)).toBe(1);
    expect(Number(byEvaluator.get(evaluator.user.id)?.revision)).toBe(2);

    const auditor = await server.login('auditor');
    for (const session of [evaluator, second, auditor]) {
      const answers = await answersSeenBy(session, campaign.id);
      expect(answers.map((a) => [a.id, a.evaluatorId, a.value, a.revision])).toEqual(
        expect.arrayContaining([
          [mine.answerId, evaluator.user.id, { kind: 'notApplicable' }, 2],
          [theirs.answerId, second.user.id, { kind: 'yesNo', value: false }, 1],
        ]),
      );
      expect(answers).toHaveLength(2);
    }
  });
});
