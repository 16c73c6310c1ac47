import type { Knex } from 'knex';
import type { Agency } from '../../shared/domain/agency';
import type { Category } from '../../shared/domain/category';
import type { ServiceRecord } from '../../shared/domain/service-record';
import type { PublishedService } from '../../shared/opendata/cpsv-ap';
import { firstRow, isPostgres, toNumber } from '../db/rows';
import { agencyFromRow, categoryFromRow } from '../registry/rows';
import type { AgencyRow, CategoryRow } from '../registry/rows';

/** Services read per statement: a page of records is a few MB at most. */
export const PUBLISHED_PAGE_SIZE = 1000;

interface PublishedRow {
  registry_code: string;
  agency_id: string;
  name: string;
  aliases: string;
  number: unknown;
  decided_at: string | null;
  record: string;
}

/** Every agency and category, which the export writes once at its head. */
export async function readReference(
  db: Knex,
): Promise<{ agencies: Agency[]; categories: Category[] }> {
  const agencies = (await db('agencies').orderBy('code')) as AgencyRow[];
  const categories = (await db('categories').orderBy('sort_order')) as CategoryRow[];
  return {
    agencies: agencies.map(agencyFromRow),
    categories: categories.map(categoryFromRow),
  };
}

/**
 * The published version of each service (its approved version with the
 * highest number) whose registry code lies in (afterCode, upToCode].
 * Drafts, submissions and returned versions are never read, whatever their
 * number. The page's services come off the unique code index and each one's
 * version is looked up by (service_id, number): on PostgreSQL through a
 * LATERAL subquery, since with a plain join and the statistics of a freshly
 * filled table it hashed every version on every page (0.8 s a page).
 */
function publishedInRange(db: Knex, afterCode: string, upToCode: string) {
  const query = db('services as s')
    .join('service_names as n', 'n.id', 's.service_name_id')
    .where('s.registry_code', '>', afterCode)
    .andWhere('s.registry_code', '<=', upToCode)
    .orderBy('s.registry_code')
    .select(
      's.registry_code',
      's.agency_id',
      'n.name',
      'n.aliases',
      'v.number',
      'v.decided_at',
      'v.record',
    );
  if (isPostgres(db)) {
    return query.joinRaw(
      `CROSS JOIN LATERAL (SELECT w.number, w.decided_at, w.record
         FROM service_versions w WHERE w.service_id = s.id AND w.status = 'approved'
         ORDER BY w.number DESC LIMIT 1) AS v`,
    );
  }
  return query
    .join('service_versions as v', 'v.service_id', 's.id')
    .andWhere('v.status', 'approved')
    .andWhere(
      'v.number',
      db('service_versions as w')
        .max('w.number')
        .where('w.service_id', db.ref('s.id'))
        .andWhere('w.status', 'approved'),
    );
}

function publishedFromRow(row: PublishedRow): PublishedService {
  return {
    registryCode: row.registry_code,
    agencyId: row.agency_id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    versionNumber: toNumber(row.number),
    publishedAt: row.decided_at,
    record: JSON.parse(row.record) as ServiceRecord,
  };
}

/**
 * The published services a page at a time, keyed on the registry code, so
 * the export holds one page, not the registry. A page is `pageSize`
 * services, fewer published ones when some have no approved version yet.
 * Pages are separate reads: a service approved while the export runs is in
 * it when its code lies ahead of the page being read.
 */
export async function* publishedServicePages(
  db: Knex,
  pageSize = PUBLISHED_PAGE_SIZE,
): AsyncGenerator<PublishedService[]> {
  let after = '';
  for (;;) {
    const codes = (await db('services')
      .where('registry_code', '>', after)
      .orderBy('registry_code')
      .limit(pageSize)
      .pluck('registry_code')) as string[];
    const upTo = codes.at(-1);
    if (upTo === undefined) return;
    const rows = (await publishedInRange(db, after, upTo)) as PublishedRow[];
    if (rows.length > 0) yield rows.map(publishedFromRow);
    if (codes.length < pageSize) return;
    after = upTo;
  }
}

/** The feed top: it moves on every committed change, so it tags an export's state. */
export async function registryRevision(db: Knex): Promise<number> {
  const row = await firstRow<{ value: unknown }>(
    db('feed_counter').where('id', 1).select('value'),
  );
  return toNumber(row?.value ?? 0);
}
