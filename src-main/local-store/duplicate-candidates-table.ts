import type { Knex } from 'knex';
import type { DuplicateCandidate } from '../../shared/duplicates/duplicate-candidate';
import { candidateRow } from '../../shared/sync/synced-rows';
import { upsertInChunks } from './chunked-upsert';
import { readJsonColumn } from './json-column';

/** Stores candidates as pulled. */
export async function putCandidates(
  db: Knex,
  candidates: readonly DuplicateCandidate[],
): Promise<void> {
  await upsertInChunks(db, 'duplicate_candidates', 'id', candidates.map(candidateRow));
}

export async function removeCandidate(db: Knex, id: string): Promise<void> {
  await db('duplicate_candidates').where({ id }).delete();
}

/** Every candidate, best first. */
export async function listCandidates(db: Knex): Promise<DuplicateCandidate[]> {
  const rows = await db('duplicate_candidates')
    .orderBy([{ column: 'score', order: 'desc' }, 'id'])
    .select<Array<{ doc: string }>>('doc');
  return rows.map((row) => readJsonColumn<DuplicateCandidate>(row.doc));
}

/** The candidates one service is part of, best first. */
export async function candidatesOfService(
  db: Knex,
  serviceId: string,
): Promise<DuplicateCandidate[]> {
  const rows = await db('duplicate_candidates')
    .where('a_service_id', serviceId)
    .orWhere('b_service_id', serviceId)
    .orderBy([{ column: 'score', order: 'desc' }, 'id'])
    .select<Array<{ doc: string }>>('doc');
  return rows.map((row) => readJsonColumn<DuplicateCandidate>(row.doc));
}

export async function getCandidate(
  db: Knex,
  id: string,
): Promise<DuplicateCandidate | undefined> {
  const row = await db('duplicate_candidates')
    .where({ id })
    .first<{ doc: string } | undefined>('doc');
  return row ? readJsonColumn<DuplicateCandidate>(row.doc) : undefined;
}

/** A full resync drops them with the other synced rows. */
export async function clearCandidates(db: Knex): Promise<void> {
  await db('duplicate_candidates').delete();
}
