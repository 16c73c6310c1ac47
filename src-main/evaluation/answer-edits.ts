import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AnswerValue } from '../../shared/index/campaign';
import { answerProblems } from '../../shared/index/answer-rules';
import { DomainError } from '../../shared/errors';
import {
  answerEdits,
  campaignAnswers,
  getCampaign,
  getMethodology,
  putAnswerEdit,
} from '../local-store/evaluation-tables';
import { enqueue, newestEntryFor, updateOutboxEntry } from '../local-store/outbox-table';
import type { Actor } from '../services/actor';

/** An evaluator's answer as the sheet saves it. */
export interface AnswerRequest {
  campaignId: string;
  serviceId: string;
  subCriterionCode: string;
  value: AnswerValue | null;
  note: string;
  evidenceRef: string;
}

/**
 * Saves this evaluator's answer to one sub-criterion: the edit and its
 * outbox entry commit in one transaction, so it survives a crash and is sent
 * once. The edit carries the revision of this evaluator's answer it was
 * made on; if another desktop of the same evaluator changed that answer
 * meanwhile, the server answers with a conflict instead of overwriting.
 * An unsent entry for the same answer absorbs the new value.
 */
export async function saveAnswer(
  db: Knex,
  actor: Actor,
  request: AnswerRequest,
): Promise<void> {
  await db.transaction(async (trx) => {
    const campaign = await getCampaign(trx, request.campaignId);
    if (!campaign) {
      throw new DomainError('NOT_FOUND', 'No such campaign on this computer', [
        { path: 'campaignId', message: 'not found' },
      ]);
    }
    const methodology = await getMethodology(trx, campaign.methodologyId);
    if (!methodology) {
      throw new DomainError(
        'NOT_FOUND',
        'The campaign’s methodology is not on this computer',
        [{ path: 'campaignId', message: 'methodology not synced' }],
      );
    }
    if (actor.user.role !== 'evaluator') {
      throw new DomainError('FORBIDDEN', 'Only evaluators answer the index');
    }
    const problems = answerProblems(methodology, campaign, actor.user.id, request);
    if (problems.length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'The answer cannot be given', problems);
    }

    const key = {
      campaignId: request.campaignId,
      serviceId: request.serviceId,
      subCriterionCode: request.subCriterionCode,
    };
    const existing = (await answerEdits(trx, request.campaignId, request.serviceId)).find(
      (edit) => edit.subCriterionCode === request.subCriterionCode,
    );
    const mine = (await campaignAnswers(trx, request.campaignId, request.serviceId)).find(
      (answer) =>
        answer.subCriterionCode === request.subCriterionCode &&
        answer.evaluatorId === actor.user.id,
    );
    const answerId = existing?.answerId ?? mine?.id ?? randomUUID();
    const newest = await newestEntryFor(trx, answerId);
    let baseRevision = existing ? existing.baseRevision : (mine?.revision ?? null);
    if (newest?.state === 'conflict') {
      // Answering again after seeing the other desktop's answer settles the
      // conflict: that answer, now pulled, is what this one replaces.
      baseRevision = mine?.revision ?? null;
      await updateOutboxEntry(trx, newest.id, { state: 'resolved' });
    }
    await putAnswerEdit(trx, {
      ...key,
      answerId,
      value: request.value,
      note: request.note,
      evidenceRef: request.evidenceRef,
      baseRevision,
      updatedAt: new Date().toISOString(),
    });

    const args = {
      answerId,
      ...key,
      value: request.value,
      note: request.note,
      evidenceRef: request.evidenceRef,
      baseRevision,
    };
    const isOwnAnswer =
      newest?.name === 'evaluation.answer' && newest.clientId === actor.clientId;
    if (isOwnAnswer && newest.state === 'pending' && newest.attempts === 0) {
      // Absorbed: the entry keeps what it builds on.
      const follows = newest.args.followsMutationId;
      await updateOutboxEntry(trx, newest.id, {
        args:
          typeof follows === 'string' ? { ...args, followsMutationId: follows } : args,
      });
      return;
    }
    // An entry that may already be on the server cannot absorb the edit, and
    // the edit's base is what that entry replaces: it says it follows that
    // entry, so the server takes it as this desktop's next step, not a conflict.
    const follows =
      isOwnAnswer && ['pending', 'sending', 'applied'].includes(newest.state)
        ? { followsMutationId: newest.mutationId }
        : {};
    await enqueue(trx, {
      clientId: actor.clientId,
      name: 'evaluation.answer',
      entityId: answerId,
      entityLabel: request.subCriterionCode,
      args: { ...args, ...follows },
    });
  });
}
