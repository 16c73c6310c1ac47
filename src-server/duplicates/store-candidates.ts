import type { Knex } from 'knex';
import type { DuplicateCandidate as FoundPair } from '../../shared/duplicates/duplicate-scan';
import type { DuplicateCandidate } from '../../shared/duplicates/duplicate-candidate';
import { nowIso, toNumber } from '../db/rows';
import { writeFeedEntries } from '../sync/feed';
import type { FeedEntry } from '../sync/feed';
import {
  candidateContent,
  candidateFeed,
  candidateToRow,
  lockCandidates,
} from './candidate-rows';
import type { CandidateRow } from './candidate-rows';

/**
 * Pairs per transaction: small enough that a write never holds the feed
 * lock (and SQLite's one writer) long, so pushes interleave with a scan's
 * writes instead of waiting for all of them.
 */
const BATCH = 200;

export interface StoreSummary {
  added: number;
  changed: number;
  removed: number;
}

function sameContent(
  row: CandidateRow,
  content: ReturnType<typeof candidateContent>,
): boolean {
  const stored = JSON.parse(row.doc) as DuplicateCandidate;
  return (
    stored.score === content.score &&
    JSON.stringify(stored.reasons) === JSON.stringify(content.reasons) &&
    JSON.stringify(stored.parts) === JSON.stringify(content.parts)
  );
}

/**
 * Writes what a scan or a check found: new pairs are added, pairs whose
 * score or reasons moved get a new revision (a mark keeps, but a mark sent
 * on the old revision becomes stale), unchanged ones are left alone. Each
 * change reaches the feed in the same transaction.
 */
export async function storeFoundPairs(
  db: Knex,
  pairs: readonly FoundPair[],
  agencyOf: (serviceId: string) => string,
): Promise<StoreSummary> {
  const summary: StoreSummary = { added: 0, changed: 0, removed: 0 };
  const contents = pairs.map((pair) => candidateContent(pair, agencyOf));
  for (let start = 0; start < contents.length; start += BATCH) {
    const batch = contents.slice(start, start + BATCH);
    await db.transaction(async (trx) => {
      const now = nowIso();
      const existing = await lockCandidates(
        trx,
        batch.map((content) => content.id),
      );
      const feed: FeedEntry[] = [];
      for (const content of batch) {
        const row = existing.get(content.id);
        if (row && sameContent(row, content)) continue;
        const candidate: DuplicateCandidate = row
          ? {
              ...(JSON.parse(row.doc) as DuplicateCandidate),
              ...content,
              revision: toNumber(row.revision) + 1,
            }
          : { ...content, revision: 1, detectedAt: now, mark: null };
        const stored = candidateToRow(candidate, now);
        if (row) {
          await trx('duplicate_candidates').where('id', row.id).update(stored);
          summary.changed += 1;
        } else {
          await trx('duplicate_candidates').insert(stored);
          summary.added += 1;
        }
        feed.push(candidateFeed(candidate.id, candidate.aAgencyId));
      }
      await writeFeedEntries(trx, feed);
    });
  }
  return summary;
}

/**
 * Removes the unmarked pairs a full scan no longer finds (a service was
 * changed so it no longer looks like the other). A marked pair stays: the
 * reviewer's judgement is a record of its own.
 */
export async function removeUnfoundPairs(
  db: Knex,
  foundIds: ReadonlySet<string>,
): Promise<number> {
  const unmarked = await db<CandidateRow>('duplicate_candidates')
    .whereNull('mark_kind')
    .select('id', 'a_agency_id');
  const gone = unmarked.filter((row) => !foundIds.has(row.id));
  for (let start = 0; start < gone.length; start += BATCH) {
    const batch = gone.slice(start, start + BATCH);
    await db.transaction(async (trx) => {
      // Only those still unmarked: a mark may have landed since the read.
      const ids = batch.map((row) => row.id);
      await trx('duplicate_candidates')
        .whereIn('id', ids)
        .whereNull('mark_kind')
        .delete();
      const left = new Set(
        (await trx('duplicate_candidates').whereIn('id', ids).pluck('id')) as string[],
      );
      await writeFeedEntries(
        trx,
        batch
          .filter((row) => !left.has(row.id))
          .map((row) => candidateFeed(row.id, row.a_agency_id, true)),
      );
    });
  }
  return gone.length;
}
