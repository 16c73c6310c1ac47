import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { DuplicateCandidate as FoundPair } from '../../shared/duplicates/duplicate-scan';
import type { DuplicateCandidate } from '../../shared/duplicates/duplicate-candidate';
import { isPostgres } from '../db/rows';
import type { FeedEntry } from '../sync/feed';

/** Row ↔ model mapping of duplicate_candidates (see its migration). */
export interface CandidateRow {
  id: string;
  a_service_id: string;
  b_service_id: string;
  a_agency_id: string;
  b_agency_id: string;
  score: unknown;
  mark_kind: string | null;
  doc: string;
  revision: unknown;
  updated_at: string;
}

/**
 * The pair's id, the same on every server instance and every scan: a
 * name-based UUID (version 5 layout) of the two service ids in order.
 */
export function candidateId(aServiceId: string, bServiceId: string): string {
  const hex = createHash('sha1')
    .update(`duplicate-candidate:${aServiceId}|${bServiceId}`)
    .digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(18, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** Rounded so a scan that finds the same pair again writes nothing. */
const round = (value: number) => Math.round(value * 10_000) / 10_000;
const roundOrNull = (value: number | null) => (value === null ? null : round(value));

/** The scan's finding as the pulled candidate, without its revision, time and mark. */
export function candidateContent(
  pair: FoundPair,
  agencyOf: (serviceId: string) => string,
): Omit<DuplicateCandidate, 'revision' | 'detectedAt' | 'mark'> {
  const [aServiceId, bServiceId] =
    pair.aId < pair.bId ? [pair.aId, pair.bId] : [pair.bId, pair.aId];
  return {
    id: candidateId(aServiceId, bServiceId),
    aServiceId,
    bServiceId,
    aAgencyId: agencyOf(aServiceId),
    bAgencyId: agencyOf(bServiceId),
    score: round(pair.score),
    reasons: pair.reasons,
    parts: {
      name: round(pair.parts.name),
      result: roundOrNull(pair.parts.result),
      legalBasis: roundOrNull(pair.parts.legalBasis),
      documents: roundOrNull(pair.parts.documents),
    },
  };
}

export function candidateFromRow(row: CandidateRow): DuplicateCandidate {
  return JSON.parse(row.doc) as DuplicateCandidate;
}

export function candidateToRow(candidate: DuplicateCandidate, now: string): CandidateRow {
  return {
    id: candidate.id,
    a_service_id: candidate.aServiceId,
    b_service_id: candidate.bServiceId,
    a_agency_id: candidate.aAgencyId,
    b_agency_id: candidate.bAgencyId,
    score: candidate.score,
    mark_kind: candidate.mark?.kind ?? null,
    doc: JSON.stringify(candidate),
    revision: candidate.revision,
    updated_at: now,
  };
}

/** The feed row of a candidate; its readers are chosen in sync/visibility.ts. */
export function candidateFeed(
  id: string,
  agencyId: string,
  isRemoved = false,
): FeedEntry {
  return {
    entityType: 'duplicateCandidate',
    entityId: id,
    agencyId,
    isPublic: false,
    isRemoved,
  };
}

/** Candidate rows by id, held until commit on PostgreSQL so a mark cannot slip between. */
export async function lockCandidates(
  trx: Knex.Transaction,
  ids: readonly string[],
): Promise<Map<string, CandidateRow>> {
  const found = new Map<string, CandidateRow>();
  for (let start = 0; start < ids.length; start += 500) {
    const query = trx<CandidateRow>('duplicate_candidates').whereIn(
      'id',
      ids.slice(start, start + 500),
    );
    const rows = await (isPostgres(trx) ? query.forUpdate() : query);
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}
