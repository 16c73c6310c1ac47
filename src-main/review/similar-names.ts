import type { Knex } from 'knex';
import type { SimilarName } from '../../shared/contract/review-views';
import type { ServiceName } from '../../shared/domain/service-name';
import { buildNameIndex } from '../../shared/review/name-similarity';
import { readJsonColumn } from '../local-store/json-column';

const MAX_SIMILAR = 5;

interface CandidateRow {
  id: string;
  name: string;
  aliases: string;
  agency_name: string | null;
}

interface CachedIndex {
  /** Changes whenever a name is added, removed or revised. */
  stamp: string;
  index: ReturnType<typeof buildNameIndex>;
  agencyNames: Map<string, string>;
}

let cached: { db: Knex; stamp: string; value: Promise<CachedIndex> } | null = null;

/**
 * The index of every approved or proposed name, built once and kept until
 * the names change: building it reads every name (about a second for
 * 100,000), checking one proposal against it reads only the names that
 * share its trigrams. A build in progress is shared, not repeated.
 *
 * Known shortcoming: the index is built when a reviewer first opens a
 * proposal after any name changed, and any change rebuilds it whole: about
 * 2 s for 100,000 names on two cores, so that first opening waits. Building
 * it ahead (after each pull page) cost far more during a first sync of the
 * registry. Patching the index with just the names a pull changed would
 * remove the wait.
 */
async function nameIndex(db: Knex): Promise<CachedIndex> {
  const stampRow = await db('service_names').first<{ n: number; r: number }>(
    db.raw('count(*) as n'),
    db.raw('total(revision) as r'),
  );
  const stamp = `${stampRow?.n ?? 0}:${stampRow?.r ?? 0}`;
  if (cached?.db === db && cached.stamp === stamp) return cached.value;
  const value = buildIndex(db, stamp);
  cached = { db, stamp, value };
  value.catch(() => {
    if (cached?.value === value) cached = null;
  });
  return value;
}

async function buildIndex(db: Knex, stamp: string): Promise<CachedIndex> {
  const rows = await db('service_names as n')
    .whereIn('n.status', ['approved', 'submitted'])
    .leftJoin('agencies as a', 'a.id', 'n.agency_id')
    .select<CandidateRow[]>('n.id', 'n.name', 'n.aliases', 'a.name_az as agency_name');
  return {
    stamp,
    index: buildNameIndex(
      rows.map((row) => ({
        id: row.id,
        name: row.name,
        aliases: readJsonColumn<string[]>(row.aliases),
      })),
    ),
    agencyNames: new Map(rows.map((row) => [row.id, row.agency_name ?? ''])),
  };
}

/** Existing names a proposal resembles, closest first, itself left out. */
export async function similarNamesFor(
  db: Knex,
  name: Pick<ServiceName, 'name'> & { id: string | null },
): Promise<SimilarName[]> {
  const { index, agencyNames } = await nameIndex(db);
  return index
    .similar(name.name, {
      limit: MAX_SIMILAR,
      ...(name.id ? { excludeId: name.id } : {}),
    })
    .map((match) => ({
      id: match.id,
      name: match.name,
      agencyName: agencyNames.get(match.id) ?? '',
      score: match.score,
      reason: match.reason,
    }));
}
