import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { z } from 'zod';
import { DomainError } from '../../shared/errors';
import type { FieldError } from '../../shared/errors';
import { publishedResultKey } from '../../shared/api/evaluation';
import type { publishedResultImportSchema } from '../../shared/api/evaluation';
import type { PublishedResult } from '../../shared/index/campaign';
import { insertRows } from '../db/rows';
import type { FeedEntry } from '../sync/feed';
import { publishedResultFromRow, publishedResultToRow } from './rows';
import type { PublishedResultRow } from './rows';

type ResultToImport = z.infer<typeof publishedResultImportSchema>;

/** What an import did: results new, changed and already stored as given. */
export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Every imported result as now stored, in the order given. */
  results: PublishedResult[];
  feed: FeedEntry[];
}

/** Every signed-in role reads published results. */
function resultFeed(id: string): FeedEntry {
  return { entityType: 'publishedResult', entityId: id, agencyId: null, isPublic: true };
}

/**
 * Writes published results matched by (year, group, provider name): a new
 * provider's result is inserted, a stored one takes the new figures and
 * keeps its id, and one already stored as given is left alone, so a repeat
 * import writes nothing. An id given must be the stored one's; a named
 * agency must exist. Any problem refuses the whole import.
 */
export async function importPublishedResults(
  trx: Knex.Transaction,
  incoming: readonly ResultToImport[],
): Promise<ImportOutcome> {
  const stored = new Map<string, PublishedResultRow>();
  const years = [...new Set(incoming.map((result) => result.year))];
  const rows = await trx<PublishedResultRow>('published_results').whereIn('year', years);
  for (const row of rows) {
    stored.set(publishedResultKey(publishedResultFromRow(row)), row);
  }
  const givenIds = incoming.flatMap((result) => (result.id ? [result.id] : []));
  const idOwners = new Map<string, string>();
  for (let start = 0; start < givenIds.length; start += 500) {
    const owners = await trx<PublishedResultRow>('published_results').whereIn(
      'id',
      givenIds.slice(start, start + 500),
    );
    for (const row of owners) {
      idOwners.set(row.id, publishedResultKey(publishedResultFromRow(row)));
    }
  }
  const agencyIds = new Set(
    (
      (await trx('agencies')
        .whereIn('id', [...new Set(incoming.flatMap((result) => result.agencyId ?? []))])
        .pluck('id')) as unknown[]
    ).map(String),
  );

  const problems: FieldError[] = [];
  const outcome: ImportOutcome = {
    created: 0,
    updated: 0,
    unchanged: 0,
    results: [],
    feed: [],
  };
  const inserts: PublishedResultRow[] = [];
  const updates: PublishedResultRow[] = [];
  incoming.forEach((result, i) => {
    const key = publishedResultKey(result);
    const existing = stored.get(key);
    if (result.agencyId !== null && !agencyIds.has(result.agencyId)) {
      problems.push({ path: `results.${i}.agencyId`, message: 'unknown agency' });
    }
    if (result.id !== undefined) {
      const owner = idOwners.get(result.id);
      if (existing && existing.id !== result.id) {
        problems.push({
          path: `results.${i}.id`,
          message: `this provider's result is stored under id ${existing.id}`,
        });
      } else if (owner !== undefined && owner !== key) {
        problems.push({
          path: `results.${i}.id`,
          message: 'this id belongs to another provider’s result',
        });
      }
    }
    const next: PublishedResult = {
      ...result,
      id: existing?.id ?? result.id ?? randomUUID(),
    };
    const row = publishedResultToRow(next);
    outcome.results.push(next);
    if (!existing) {
      inserts.push(row);
      outcome.created += 1;
    } else if (existing.doc === row.doc) {
      outcome.unchanged += 1;
      return;
    } else {
      updates.push(row);
      outcome.updated += 1;
    }
    outcome.feed.push(resultFeed(next.id));
  });
  if (problems.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Some published results do not match the registry',
      problems,
    );
  }

  await insertRows(trx, 'published_results', inserts);
  for (const { id, ...row } of updates) {
    await trx('published_results').where('id', id).update(row);
  }
  return outcome;
}
