import type { Knex } from 'knex';
import type {
  Campaign,
  EvaluationAnswer,
  PublishedResult,
} from '../../shared/index/campaign';
import type { Methodology } from '../../shared/index/methodology';
import type { EntityChange } from '../../shared/sync/protocol';
import {
  deleteAnswerEdit,
  putAnswers,
  putCampaigns,
  putMethodologies,
  putPublishedResults,
  removeEvaluationRow,
} from '../local-store/evaluation-tables';

type EvaluationEntity = 'methodology' | 'campaign' | 'answer' | 'publishedResult';

/** A change to one of the evaluation desk's entities. */
export type EvaluationChange =
  | Extract<EntityChange, { op: 'put'; entity: EvaluationEntity }>
  | (Extract<EntityChange, { op: 'remove' }> & { entity: EvaluationEntity });

/** Whether a change is the evaluation desk's. */
export function isEvaluationChange(change: EntityChange): change is EvaluationChange {
  return (
    change.entity === 'methodology' ||
    change.entity === 'campaign' ||
    change.entity === 'answer' ||
    change.entity === 'publishedResult'
  );
}

/**
 * Stores a page's evaluation rows as the server sent them. An answer the
 * server confirmed retires this desktop's edit of it once no outbox entry
 * for it is left unsettled (an entry the server applied is deleted when
 * the answer it produced arrives), so a pull never overwrites an answer
 * still on its way, nor one in conflict.
 */
export async function applyEvaluationChanges(
  trx: Knex,
  changes: readonly EvaluationChange[],
): Promise<void> {
  const methodologies: Methodology[] = [];
  const campaigns: Campaign[] = [];
  const answers: EvaluationAnswer[] = [];
  const published: PublishedResult[] = [];
  for (const change of changes) {
    if (change.op === 'remove') {
      await removeEvaluationRow(trx, change.entity, change.id);
      if (change.entity === 'answer') await retireEdit(trx, change.id, Infinity);
    } else if (change.entity === 'methodology') methodologies.push(change.data);
    else if (change.entity === 'campaign') campaigns.push(change.data);
    else if (change.entity === 'answer') answers.push(change.data);
    else published.push(change.data);
  }
  await putMethodologies(trx, methodologies);
  await putCampaigns(trx, campaigns);
  await putAnswers(trx, answers);
  await putPublishedResults(trx, published);
  for (const answer of answers) await retireEdit(trx, answer.id, answer.revision);
}

async function retireEdit(trx: Knex, answerId: string, deliveredRevision: number) {
  const entries = await trx('outbox')
    .where({ entity_id: answerId, name: 'evaluation.answer' })
    .whereNot('state', 'resolved')
    .select<Array<{ id: number; state: string; result: string | null }>>(
      'id',
      'state',
      'result',
    );
  let unsettled = 0;
  for (const entry of entries) {
    const applied =
      entry.state === 'applied' && entry.result
        ? (JSON.parse(entry.result) as { revision?: number })
        : null;
    if (applied && (applied.revision ?? Infinity) <= deliveredRevision) {
      await trx('outbox').where({ id: entry.id }).delete();
    } else unsettled += 1;
  }
  if (unsettled > 0) return;
  const edit = await trx('answer_edits')
    .where({ answer_id: answerId })
    .first<
      { campaign_id: string; service_id: string; sub_criterion_code: string } | undefined
    >('campaign_id', 'service_id', 'sub_criterion_code');
  if (edit) {
    await deleteAnswerEdit(trx, {
      campaignId: edit.campaign_id,
      serviceId: edit.service_id,
      subCriterionCode: edit.sub_criterion_code,
    });
  }
}
