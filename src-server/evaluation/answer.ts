import { DomainError, invariant } from '../../shared/errors';
import type {
  AnswerValue,
  Campaign,
  EvaluationAnswer,
} from '../../shared/index/campaign';
import { acceptsAnswers } from '../../shared/index/campaign-rules';
import type { Methodology } from '../../shared/index/methodology';
import { answerValueProblem, findSubCriterion } from '../../shared/index/answer-rules';
import type { MutationArgs } from '../../shared/sync/mutations';
import { authorize } from '../authorization/policy';
import { firstRow, isPostgres, rawRows, toNumber } from '../db/rows';
import type { ApplyContext, ApplyOutcome } from '../registry/context';
import { insertOrRefuse } from '../registry/insert-or-refuse';
import { findCampaign } from './campaigns';
import { findMethodology, freezeMethodology, methodologyFeed } from './methodologies';
import { answerFromRow, answerToRow } from './rows';
import type { AnswerRow } from './rows';

type Args = MutationArgs<'evaluation.answer'>;

/** One evaluator's item: the unique key of an answer row. */
interface ItemKey {
  campaign_id: string;
  service_id: string;
  sub_criterion_code: string;
  evaluator_id: string;
}

/**
 * Records, changes or withdraws (value null) the signed-in evaluator's
 * answer to one sub-criterion for one service. Only their own row is ever
 * touched. A base revision other than the one stored means another of
 * their desktops changed it meanwhile: that comes back as ANSWER_CONFLICT,
 * never as an overwrite. The first answer in a campaign freezes its
 * methodology.
 */
export async function answerEvaluation(
  ctx: ApplyContext,
  args: Args,
): Promise<ApplyOutcome> {
  authorize(ctx.user, 'evaluation.answer');
  const campaign = await campaignToAnswer(ctx, args);
  const methodology = await methodologyForAnswer(
    ctx,
    campaign.methodologyId,
    args.value !== null,
  );
  checkValue(methodology, args);

  const key: ItemKey = {
    campaign_id: args.campaignId,
    service_id: args.serviceId,
    sub_criterion_code: args.subCriterionCode,
    evaluator_id: ctx.user.id,
  };
  const row = await lockAnswer(ctx, key);
  if (!row && args.baseRevision !== null) {
    throw new DomainError('VALIDATION_FAILED', 'You have no answer with this revision', [
      { path: 'args.baseRevision', message: 'no such revision of your answer' },
    ]);
  }
  if (
    row &&
    !isBaseCurrent(row, args.baseRevision) &&
    !(await followsLast(ctx, row, args))
  )
    return conflict(ctx, key, row, args);
  if (args.value === null) return withdraw(ctx, key, row, args);
  return save(ctx, key, row, args, args.value);
}

/** The campaign, which must exist, list this evaluator and the service, and be open. */
async function campaignToAnswer(ctx: ApplyContext, args: Args): Promise<Campaign> {
  // Shared on PostgreSQL: answers run side by side, but a status change
  // waits until they commit, so none lands after the campaign closed.
  const campaign = await findCampaign(ctx.trx, args.campaignId, 'share');
  if (!campaign) {
    throw new DomainError('NOT_FOUND', 'No such campaign', [
      { path: 'args.campaignId', message: 'not found' },
    ]);
  }
  if (!campaign.evaluatorIds.includes(ctx.user.id)) {
    throw new DomainError('FORBIDDEN', 'You are not an evaluator of this campaign', [
      { path: 'args.campaignId', message: 'not assigned to you' },
    ]);
  }
  if (!acceptsAnswers(campaign.status)) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `The campaign is ${campaign.status}; answers are taken only while it is open`,
      [{ path: 'args.campaignId', message: `campaign is ${campaign.status}` }],
    );
  }
  if (!campaign.services.some((service) => service.serviceId === args.serviceId)) {
    throw new DomainError('VALIDATION_FAILED', 'The service is not in this campaign', [
      { path: 'args.serviceId', message: 'not assessed in this campaign' },
    ]);
  }
  return campaign;
}

/**
 * The campaign's methodology, frozen first when this is an answer: the
 * freeze takes its row, so the version checked against is the one that
 * stays. A refusal later rolls the freeze back with the rest.
 */
async function methodologyForAnswer(
  ctx: ApplyContext,
  methodologyId: string,
  isAnswer: boolean,
): Promise<Methodology> {
  const found = await findMethodology(ctx.trx, methodologyId);
  invariant(found, 'a campaign’s methodology exists (foreign key)');
  if (!isAnswer || found.frozenAt !== null) return found;

  if (await freezeMethodology(ctx.trx, methodologyId, ctx.now)) {
    ctx.feed.push(methodologyFeed(methodologyId));
    ctx.audit.push({
      actorId: ctx.user.id,
      action: 'methodology.freeze',
      entityType: 'methodology',
      entityId: methodologyId,
      mutationId: ctx.mutationId,
      details: { year: found.year, version: found.version },
    });
  }
  const frozen = await findMethodology(ctx.trx, methodologyId);
  invariant(frozen, 'the methodology just frozen exists');
  return frozen;
}

function checkValue(methodology: Methodology, args: Args): void {
  const sub = findSubCriterion(methodology, args.subCriterionCode);
  if (!sub) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Methodology ${methodology.year} version ${methodology.version} has no sub-criterion ${args.subCriterionCode}`,
      [{ path: 'args.subCriterionCode', message: 'not in the campaign’s methodology' }],
    );
  }
  if (args.value === null) return;
  const problem = answerValueProblem(sub.scale, args.value);
  if (problem) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The answer does not fit sub-criterion ${sub.code}’s scale`,
      [{ path: `args.value.${problem.path}`, message: problem.message }],
    );
  }
}

/** This evaluator's row for the item, held until commit on PostgreSQL. */
async function lockAnswer(
  ctx: ApplyContext,
  key: ItemKey,
): Promise<AnswerRow | undefined> {
  const query = ctx.trx<AnswerRow>('evaluation_answers').where(key).first();
  return await (isPostgres(ctx.trx) ? query.forUpdate() : query);
}

/**
 * Whether the answer the client builds on is its own earlier one (the same
 * desktop's), applied, with nothing stored over it since: the stored
 * revision is the one that earlier mutation produced for this answer.
 */
async function followsLast(
  ctx: ApplyContext,
  row: AnswerRow,
  args: Args,
): Promise<boolean> {
  if (!args.followsMutationId) return false;
  const result = await ctx.earlierResult(args.followsMutationId);
  return (
    result?.status === 'applied' &&
    result.entityId === row.id &&
    result.revision === toNumber(row.revision)
  );
}

/**
 * Whether the client's base is the stored state: the same revision, or no
 * answer on either side (nothing seen, and the answer is withdrawn).
 */
function isBaseCurrent(row: AnswerRow, baseRevision: number | null): boolean {
  return (
    baseRevision === toNumber(row.revision) || (baseRevision === null && row.doc === null)
  );
}

async function conflict(
  ctx: ApplyContext,
  key: ItemKey,
  row: AnswerRow,
  args: Args,
): Promise<ApplyOutcome> {
  const revision = toNumber(row.revision);
  const base =
    args.baseRevision === null ? null : await valueAt(ctx, key, args.baseRevision);
  return {
    status: 'conflict',
    code: 'ANSWER_CONFLICT',
    entityId: row.id,
    message: `Your answer to ${args.subCriterionCode} was changed on another computer (now revision ${revision}); keep yours or theirs`,
    conflicts: [],
    appliedFields: [],
    revision,
    answer: { base, theirs: answerFromRow(row), mine: args.value },
  };
}

async function save(
  ctx: ApplyContext,
  key: ItemKey,
  row: AnswerRow | undefined,
  args: Args,
  value: AnswerValue,
): Promise<ApplyOutcome> {
  if (row && row.doc !== null && row.id !== args.answerId) {
    throw new DomainError('VALIDATION_FAILED', 'This item’s answer has another id', [
      { path: 'args.answerId', message: `must be ${row.id}` },
    ]);
  }
  // A withdrawn answer given again takes the client's new id: an applied
  // answer's id is always the one its client sent.
  const answer: EvaluationAnswer = {
    id: args.answerId,
    campaignId: args.campaignId,
    serviceId: args.serviceId,
    subCriterionCode: args.subCriterionCode,
    evaluatorId: ctx.user.id,
    evaluatorName: ctx.user.displayName,
    value,
    note: args.note,
    evidenceRef: args.evidenceRef,
    revision: row ? toNumber(row.revision) + 1 : 1,
    updatedAt: ctx.now,
  };
  const stored = answerToRow(answer);
  if (row) {
    await insertOrRefuse(
      ctx.trx('evaluation_answers').where('id', row.id).update({
        id: stored.id,
        doc: stored.doc,
        revision: stored.revision,
        updated_at: stored.updated_at,
      }),
      'args.answerId',
      'This answer id is already used',
    );
  } else {
    const inserted = await insertOrRefuse(
      ctx
        .trx('evaluation_answers')
        .insert(stored)
        .onConflict(['campaign_id', 'service_id', 'sub_criterion_code', 'evaluator_id'])
        .ignore()
        .returning('id'),
      'args.answerId',
      'This answer id is already used',
    );
    if (rawRows(inserted).length === 0) {
      // Another desktop of this evaluator answered the item first and
      // committed while this insert waited on the key.
      const theirs = await lockAnswer(ctx, key);
      invariant(theirs, 'the row that clashed on the key exists');
      return conflict(ctx, key, theirs, args);
    }
  }
  await recordRevision(ctx, key, answer.revision, value);
  ctx.feed.push({
    entityType: 'answer',
    entityId: answer.id,
    agencyId: null,
    isPublic: false,
  });
  ctx.audit.push({
    actorId: ctx.user.id,
    action: 'answer.save',
    entityType: 'answer',
    entityId: answer.id,
    mutationId: ctx.mutationId,
    details: {
      campaignId: args.campaignId,
      serviceId: args.serviceId,
      subCriterionCode: args.subCriterionCode,
      revision: answer.revision,
      value,
      ...(row && row.id !== answer.id ? { previousId: row.id } : {}),
    },
  });
  return { status: 'applied', entityId: answer.id, revision: answer.revision };
}

async function withdraw(
  ctx: ApplyContext,
  key: ItemKey,
  row: AnswerRow | undefined,
  args: Args,
): Promise<ApplyOutcome> {
  if (!row) {
    throw new DomainError('NOT_FOUND', 'You have no answer here to withdraw', [
      { path: 'args.value', message: 'nothing to withdraw' },
    ]);
  }
  if (row.doc === null) {
    return { status: 'applied', entityId: row.id, revision: toNumber(row.revision) };
  }
  const revision = toNumber(row.revision) + 1;
  await ctx
    .trx('evaluation_answers')
    .where('id', row.id)
    .update({ doc: null, revision, updated_at: ctx.now });
  await recordRevision(ctx, key, revision, null);
  // Pulled as a removal: a withdrawn answer is no answer.
  ctx.feed.push({
    entityType: 'answer',
    entityId: row.id,
    agencyId: null,
    isPublic: false,
    isRemoved: true,
  });
  ctx.audit.push({
    actorId: ctx.user.id,
    action: 'answer.withdraw',
    entityType: 'answer',
    entityId: row.id,
    mutationId: ctx.mutationId,
    details: {
      campaignId: args.campaignId,
      serviceId: args.serviceId,
      subCriterionCode: args.subCriterionCode,
      revision,
    },
  });
  return { status: 'applied', entityId: row.id, revision };
}

async function recordRevision(
  ctx: ApplyContext,
  key: ItemKey,
  revision: number,
  value: AnswerValue | null,
): Promise<void> {
  await ctx.trx('evaluation_answer_revisions').insert({
    ...key,
    revision,
    value: value === null ? null : JSON.stringify(value),
    changed_at: ctx.now,
  });
}

/** The value the item held at a revision; null when withdrawn or unknown. */
async function valueAt(
  ctx: ApplyContext,
  key: ItemKey,
  revision: number,
): Promise<AnswerValue | null> {
  const row = await firstRow<{ value: string | null }>(
    ctx
      .trx('evaluation_answer_revisions')
      .where({ ...key, revision })
      .select('value'),
  );
  return row?.value ? (JSON.parse(row.value) as AnswerValue) : null;
}
