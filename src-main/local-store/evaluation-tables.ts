import type { Knex } from 'knex';
import type {
  AnswerValue,
  Campaign,
  EvaluationAnswer,
  PublishedResult,
} from '../../shared/index/campaign';
import type { Methodology } from '../../shared/index/methodology';
import {
  answerRow,
  campaignRow,
  methodologyRow,
  publishedResultRow,
} from '../../shared/sync/synced-rows';
import { upsertInChunks } from './chunked-upsert';
import { readJsonColumn } from './json-column';

/** The ASAN index's synced rows, stored as the server's documents. */

export async function putMethodologies(db: Knex, rows: readonly Methodology[]) {
  await upsertInChunks(db, 'methodologies', 'id', rows.map(methodologyRow));
}

export async function putCampaigns(db: Knex, rows: readonly Campaign[]) {
  await upsertInChunks(db, 'campaigns', 'id', rows.map(campaignRow));
}

export async function putAnswers(db: Knex, rows: readonly EvaluationAnswer[]) {
  await upsertInChunks(db, 'evaluation_answers', 'id', rows.map(answerRow));
}

export async function putPublishedResults(db: Knex, rows: readonly PublishedResult[]) {
  await upsertInChunks(db, 'published_results', 'id', rows.map(publishedResultRow));
}

const tableOf = {
  methodology: 'methodologies',
  campaign: 'campaigns',
  answer: 'evaluation_answers',
  publishedResult: 'published_results',
} as const;

/** Removes an evaluation row the server no longer shows this user. */
export async function removeEvaluationRow(
  db: Knex,
  entity: keyof typeof tableOf,
  id: string,
): Promise<void> {
  await db(tableOf[entity]).where({ id }).delete();
}

export async function getMethodology(
  db: Knex,
  id: string,
): Promise<Methodology | undefined> {
  const row = await db('methodologies')
    .where({ id })
    .first<{ doc: string } | undefined>('doc');
  return row ? readJsonColumn<Methodology>(row.doc) : undefined;
}

export async function listCampaigns(db: Knex): Promise<Campaign[]> {
  const rows = await db('campaigns').select<Array<{ doc: string }>>('doc');
  return rows
    .map((row) => readJsonColumn<Campaign>(row.doc))
    .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
}

export async function getCampaign(db: Knex, id: string): Promise<Campaign | undefined> {
  const row = await db('campaigns')
    .where({ id })
    .first<{ doc: string } | undefined>('doc');
  return row ? readJsonColumn<Campaign>(row.doc) : undefined;
}

/** Every evaluator's answers in a campaign, or for one of its services. */
export async function campaignAnswers(
  db: Knex,
  campaignId: string,
  serviceId?: string,
): Promise<EvaluationAnswer[]> {
  const rows = await db('evaluation_answers')
    .where({ campaign_id: campaignId })
    .modify((query) => {
      if (serviceId) query.where({ service_id: serviceId });
    })
    .select<Array<{ doc: string }>>('doc');
  return rows.map((row) => readJsonColumn<EvaluationAnswer>(row.doc));
}

/** Published results of one year, or of every year. */
export async function listPublishedResults(
  db: Knex,
  year?: number,
): Promise<PublishedResult[]> {
  const rows = await db('published_results')
    .modify((query) => {
      if (year !== undefined) query.where({ year });
    })
    .select<Array<{ doc: string }>>('doc');
  return rows.map((row) => readJsonColumn<PublishedResult>(row.doc));
}

/** This evaluator's answer as typed here and not yet confirmed by the server. */
export interface AnswerEdit {
  campaignId: string;
  serviceId: string;
  subCriterionCode: string;
  answerId: string;
  value: AnswerValue | null;
  note: string;
  evidenceRef: string;
  baseRevision: number | null;
  updatedAt: string;
}

interface AnswerEditRow {
  campaign_id: string;
  service_id: string;
  sub_criterion_code: string;
  answer_id: string;
  value: string | null;
  note: string;
  evidence_ref: string;
  base_revision: number | null;
  updated_at: string;
}

function editFromRow(row: AnswerEditRow): AnswerEdit {
  return {
    campaignId: row.campaign_id,
    serviceId: row.service_id,
    subCriterionCode: row.sub_criterion_code,
    answerId: row.answer_id,
    value: row.value === null ? null : readJsonColumn<AnswerValue>(row.value),
    note: row.note,
    evidenceRef: row.evidence_ref,
    baseRevision: row.base_revision,
    updatedAt: row.updated_at,
  };
}

export async function answerEdits(
  db: Knex,
  campaignId: string,
  serviceId?: string,
): Promise<AnswerEdit[]> {
  const rows = await db('answer_edits')
    .where({ campaign_id: campaignId })
    .modify((query) => {
      if (serviceId) query.where({ service_id: serviceId });
    })
    .select<AnswerEditRow[]>('*');
  return rows.map(editFromRow);
}

export async function putAnswerEdit(db: Knex, edit: AnswerEdit): Promise<void> {
  await db('answer_edits')
    .insert({
      campaign_id: edit.campaignId,
      service_id: edit.serviceId,
      sub_criterion_code: edit.subCriterionCode,
      answer_id: edit.answerId,
      value: edit.value === null ? null : JSON.stringify(edit.value),
      note: edit.note,
      evidence_ref: edit.evidenceRef,
      base_revision: edit.baseRevision,
      updated_at: edit.updatedAt,
    })
    .onConflict(['campaign_id', 'service_id', 'sub_criterion_code'])
    .merge();
}

export async function deleteAnswerEdit(
  db: Knex,
  key: Pick<AnswerEdit, 'campaignId' | 'serviceId' | 'subCriterionCode'>,
): Promise<void> {
  await db('answer_edits')
    .where({
      campaign_id: key.campaignId,
      service_id: key.serviceId,
      sub_criterion_code: key.subCriterionCode,
    })
    .delete();
}
