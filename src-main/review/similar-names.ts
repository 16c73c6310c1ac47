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

let cached: { db: Knex; value: CachedIndex } | null = null;

/**
 * The index of every approved or proposed name, built once and kept until
 * the names change: building it reads every name, checking one proposal
 * against it reads only the names that share its trigrams.
 */
async function nameIndex(db: Knex): Promise<CachedIndex> {
  const stampRow = await db('service_names').first<{ n: number; r: number }>(
    db.raw('count(*) as n'),
    db.raw('total(revision) as r'),
  );
  const stamp = `${stampRow?.n ?? 0}:${stampRow?.r ?? 0}`;
  if (cached?.db === db && cached.value.stamp === stamp) return cached.value;

  const rows = await db('service_names as n')
    .whereIn('n.status', ['approved', 'submitted'])
    .leftJoin('agencies as a', 'a.id', 'n.agency_id')
    .select<CandidateRow[]>('n.id', 'n.name', 'n.aliases', 'a.name_az as agency_name');
  const value: CachedIndex = {
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
  cached = { db, value };
  return value;
}

/** Existing names a proposal resembles, closest first, itself left out. */
export async function similarNamesFor(
  db: Knex,
  name: Pick<ServiceName, 'id' | 'name'>,
): Promise<SimilarName[]> {
  const { index, agencyNames } = await nameIndex(db);
  return index
    .similar(name.name, { limit: MAX_SIMILAR, excludeId: name.id })
    .map((match) => ({
      id: match.id,
      name: match.name,
      agencyName: agencyNames.get(match.id) ?? '',
      score: match.score,
      reason: match.reason,
    }));
}
