import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationAnswer } from '../../shared/index/campaign';
import { databases } from './support/databases';
import {
  answer,
  answerArgs,
  answerRefusal,
  answersSeenBy,
  evaluationCounts,
  openCampaign as openCampaignOf,
  storedAnswers as storedAnswersOf,
} from './support/evaluation';
import { pullAll, startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

describe.each(databases)(
  'one evaluator’s answer across desktops on $name',
  (database) => {
    let server: TestServer;
    let admin: Session;
    let evaluator: Session;
    let nextYear = 2060;

    beforeAll(async () => {
      server = await startTestServer(database);
      admin = await server.login('admin');
      evaluator = await server.login('evaluator');
    });
    afterAll(() => server.close());

    const openCampaign = () =>
      openCampaignOf(server, admin, nextYear++, [evaluator.user.id]);
    const refusal = answerRefusal;
    const storedAnswers = (campaignId: string) => storedAnswersOf(server, campaignId);

    it('takes a desktop’s edit that follows its own earlier one on the same base, in one batch or the next, and nothing else', async () => {
      const { campaign } = await openCampaign();
      const first = answerArgs(campaign, { value: { kind: 'yesNo', value: true } });
      const firstId = randomUUID();
      const followingId = randomUUID();
      // Both made on revision none before either was answered, the second
      // saying it follows the first: one batch.
      const batch = await evaluator.push([
        { name: 'evaluation.answer', args: first, mutationId: firstId },
        {
          name: 'evaluation.answer',
          args: { ...first, note: 'Saytda dərc olunub.', followsMutationId: firstId },
          mutationId: followingId,
        },
      ]);
      expect(
        batch.body.results.map((r) => [r.status, 'revision' in r && r.revision]),
      ).toEqual([
        ['applied', 1],
        ['applied', 2],
      ]);
      // The next batch: still on the first base, following the second.
      const third = await answer(evaluator, {
        ...first,
        evidenceRef: 'https://example.az/senedler',
        note: 'Saytda dərc olunub.',
        followsMutationId: followingId,
      });
      expect(third).toMatchObject({ status: 'applied', revision: 3 });
      const stored = (await storedAnswers(campaign.id)).map(
        (row) => JSON.parse(row.doc ?? 'null') as EvaluationAnswer,
      );
      expect(stored).toEqual([
        expect.objectContaining({
          note: 'Saytda dərc olunub.',
          evidenceRef: 'https://example.az/senedler',
          revision: 3,
        }),
      ]);

      // Another desktop stores over it: following an old step is a conflict again.
      const laptop = await server.login('evaluator');
      expect(
        await answer(laptop, {
          ...first,
          value: { kind: 'yesNo', value: false },
          baseRevision: 3,
        }),
      ).toMatchObject({ status: 'applied', revision: 4 });
      expect(
        await answer(evaluator, {
          ...first,
          note: 'Köhnə',
          followsMutationId: followingId,
        }),
      ).toMatchObject({ status: 'conflict', code: 'ANSWER_CONFLICT', revision: 4 });
      // Nor does naming another desktop's mutation make a base current.
      const laptopStep = randomUUID();
      await laptop.push([
        {
          name: 'evaluation.answer',
          args: { ...first, value: { kind: 'yesNo', value: true }, baseRevision: 4 },
          mutationId: laptopStep,
        },
      ]);
      expect(
        await answer(evaluator, {
          ...first,
          note: 'Başqası',
          followsMutationId: laptopStep,
        }),
      ).toMatchObject({ status: 'conflict', code: 'ANSWER_CONFLICT', revision: 5 });
    });

    it('returns a stale base revision of the same evaluator as ANSWER_CONFLICT with base, theirs and mine, and overwrites nothing', async () => {
      const { campaign } = await openCampaign();
      const laptop = await server.login('evaluator');
      const first = answerArgs(campaign, { value: { kind: 'yesNo', value: true } });
      expect((await answer(evaluator, first)).status).toBe('applied');
      expect(
        await answer(laptop, {
          ...first,
          value: { kind: 'yesNo', value: false },
          baseRevision: 1,
        }),
      ).toMatchObject({ status: 'applied', revision: 2 });
      const before = await evaluationCounts(server);

      const stale = await answer(evaluator, {
        ...first,
        value: { kind: 'notApplicable' },
        note: 'Masadan',
        baseRevision: 1,
      });
      expect(stale).toMatchObject({
        status: 'conflict',
        code: 'ANSWER_CONFLICT',
        entityId: first.answerId,
        revision: 2,
        conflicts: [],
        appliedFields: [],
        answer: {
          base: { kind: 'yesNo', value: true },
          theirs: {
            id: first.answerId,
            value: { kind: 'yesNo', value: false },
            revision: 2,
            evaluatorId: evaluator.user.id,
          },
          mine: { kind: 'notApplicable' },
        },
      });
      const staleWithdrawal = await answer(evaluator, {
        ...first,
        value: null,
        baseRevision: 1,
      });
      expect(staleWithdrawal).toMatchObject({
        status: 'conflict',
        code: 'ANSWER_CONFLICT',
        answer: { mine: null, theirs: { revision: 2 } },
      });
      const fromNothing = await answer(evaluator, { ...first, answerId: randomUUID() });
      expect(fromNothing).toMatchObject({
        status: 'conflict',
        code: 'ANSWER_CONFLICT',
        answer: { base: null, theirs: { id: first.answerId } },
      });
      const [row] = await storedAnswers(campaign.id);
      expect(JSON.parse(row?.doc ?? 'null') as EvaluationAnswer).toMatchObject({
        value: { kind: 'yesNo', value: false },
        revision: 2,
      });
      // Conflicts are stored results; nothing else is written.
      const after = await evaluationCounts(server);
      expect(after).toEqual(before);
    });

    it('makes one of two desktops answering a new item at the same moment a conflict, never an overwrite', async () => {
      const { campaign } = await openCampaign();
      const laptop = await server.login('evaluator');
      const item = { subCriterionCode: 'e-share' };
      const results = await Promise.all([
        answer(
          evaluator,
          answerArgs(campaign, { ...item, value: { kind: 'percent', value: 10 } }),
        ),
        answer(
          laptop,
          answerArgs(campaign, { ...item, value: { kind: 'percent', value: 90 } }),
        ),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual([
        'applied',
        'conflict',
      ]);
      const rows = await storedAnswers(campaign.id);
      expect(rows).toHaveLength(1);
      expect(Number(rows[0]?.revision)).toBe(1);
    });

    it('answers a repeat of the same push batch with the stored results and applies each answer once', async () => {
      const { campaign } = await openCampaign();
      const session = await server.login('evaluator');
      const batch = [
        {
          name: 'evaluation.answer',
          args: answerArgs(campaign),
          mutationId: randomUUID(),
          clientSeq: 1,
        },
        {
          name: 'evaluation.answer',
          args: answerArgs(campaign, {
            subCriterionCode: 'fee-clarity',
            value: { kind: 'level', value: 'full' },
          }),
          mutationId: randomUUID(),
          clientSeq: 2,
        },
      ];
      const first = await session.push(batch);
      expect(first.body.results.map((result) => result.status)).toEqual([
        'applied',
        'applied',
      ]);
      const before = await evaluationCounts(server);
      const repeat = await session.push(batch);
      expect(repeat.body).toEqual(first.body);
      expect(await evaluationCounts(server)).toEqual(before);
      expect(
        (await storedAnswers(campaign.id)).map((row) => Number(row.revision)),
      ).toEqual([1, 1]);
    });

    it('withdraws an answer with a null value: it is pulled as a removal, and given again takes the new id', async () => {
      const { campaign } = await openCampaign();
      const given = answerArgs(campaign);
      expect((await answer(evaluator, given)).status).toBe('applied');
      const { cursor } = await pullAll(evaluator);

      const withdrawn = await answer(evaluator, {
        ...given,
        value: null,
        baseRevision: 1,
      });
      expect(withdrawn).toMatchObject({
        status: 'applied',
        entityId: given.answerId,
        revision: 2,
      });
      const removal = await pullAll(evaluator, cursor);
      expect(removal.changes).toEqual([
        { entity: 'answer', op: 'remove', id: given.answerId },
      ]);
      expect(await answersSeenBy(evaluator, campaign.id)).toEqual([]);
      expect(
        await answer(evaluator, { ...given, value: null, baseRevision: 2 }),
      ).toMatchObject({ status: 'applied', revision: 2 });
      expect(
        refusal(
          await answer(
            evaluator,
            answerArgs(campaign, { subCriterionCode: 'e-share', value: null }),
          ),
        ),
      ).toEqual({ code: 'NOT_FOUND', paths: ['args.value'] });

      const again = answerArgs(campaign, { value: { kind: 'yesNo', value: false } });
      expect(await answer(evaluator, again)).toMatchObject({
        status: 'applied',
        entityId: again.answerId,
        revision: 3,
      });
      const [seen] = await answersSeenBy(evaluator, campaign.id);
      expect(seen).toMatchObject({ id: again.answerId, revision: 3 });
      const staleDesk = await answer(evaluator, { ...given, baseRevision: 1 });
      expect(staleDesk).toMatchObject({
        status: 'conflict',
        answer: { base: { kind: 'yesNo', value: true }, theirs: { id: again.answerId } },
      });
    });
  },
);
