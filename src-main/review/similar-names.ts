import type { Knex } from 'knex';
import type { Logger } from 'pino';
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
 * Known shortcoming: any change to any name rebuilds the whole index, about
 * 2 s for 100,000 names on two cores. It is built in the background after a
 * pull, but a reviewer who opens a proposal during that time waits for it.
 * Patching the index with just the names a pull changed would remove the wait.
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

/**
 * Builds the index ahead of need, after a pull changed names on a
 * reviewer's desktop, so opening a proposal does not wait for the build.
 */
export function warmNameIndex(db: Knex, log: Logger): void {
  setTimeout(() => {
    nameIndex(db).catch((error: unknown) =>
      log.warn({ err: error }, 'could not build the service name index'),
    );
  }, 0);
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
