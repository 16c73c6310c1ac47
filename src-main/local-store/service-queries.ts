import type { Knex } from 'knex';
import type {
  RegistryFigures,
  ServiceCount,
  ServiceFilters,
  ServiceList,
  ServiceListQuery,
  ServiceRow,
} from '../../shared/contract/views';
import { serviceTypes } from '../../shared/domain/service-record';
import { workflowStatusSchema } from '../../shared/workflow/state-machine';
import { readJsonColumn } from './json-column';
import { knownTotal, rememberTotal } from './list-totals';
import { searchIndex } from './search-index';
import { planKey, scan, searchPlan } from './service-search';

/**
 * One page of services matching the filters, in Azerbaijani name order
 * (name_sort, then id). The page is found by one pass over the in-memory
 * search index, which stops at the page's end unless the exact total is
 * wanted and not yet counted over this index; only the page's rows are then
 * read from SQLite. Without withTotal a total not yet counted is left to
 * countServices: the page looks one row further to tell whether more
 * follow, and a pass that reaches the end gives the exact total anyway.
 */
export async function listServices(
  db: Knex,
  filters: ServiceListQuery,
): Promise<ServiceList> {
  const plan = searchPlan(filters);
  const key = planKey(plan);
  const index = await searchIndex(db);
  const known = knownTotal(index, key);
  const { offset, limit } = filters;
  if (known !== undefined) {
    const { rowids } = scan(index, plan, { offset, limit }, false);
    const rows = await pageRows(db, rowids);
    return filters.withTotal === false
      ? { total: known, rows, isTotalExact: true }
      : { total: known, rows };
  }
  if (filters.withTotal !== false) {
    const found = scan(index, plan, { offset, limit }, true);
    rememberTotal(index, key, found.matched);
    return { total: found.matched, rows: await pageRows(db, found.rowids) };
  }

  const found = scan(index, plan, { offset, limit: limit + 1 }, false);
  const rows = await pageRows(db, found.rowids.slice(0, limit));
  if (!found.complete) return { total: offset + limit + 1, rows, isTotalExact: false };
  rememberTotal(index, key, found.matched);
  return { total: found.matched, rows, isTotalExact: true };
}

/** The exact number of services the filters select, counted once per search index. */
export async function countServices(
  db: Knex,
  filters: ServiceFilters,
): Promise<ServiceCount> {
  const plan = searchPlan(filters);
  const key = planKey(plan);
  const index = await searchIndex(db);
  let total = knownTotal(index, key);
  if (total === undefined) {
    total = scan(index, plan, { offset: 0, limit: 0 }, true).matched;
    rememberTotal(index, key, total);
  }
  return { total };
}

/** The list rows of the given rowids, in name order. */
async function pageRows(db: Knex, rowids: number[]): Promise<ServiceRow[]> {
  if (rowids.length === 0) return [];
  const rows = await db('services as s')
    .whereIn('s.rowid', rowids)
    .leftJoin('agencies as a', 'a.id', 's.agency_id')
    .select<ListRow[]>(
      's.id',
      's.registry_code',
      's.name',
      's.agency_id',
      'a.name_az as agency_name',
      's.type',
      's.categories',
      's.status',
      's.updated_at',
      db.raw(`(select case
          when sum(o.state = 'conflict') > 0 then 'conflict'
          when sum(o.state = 'rejected') > 0 then 'rejected'
          when count(o.id) > 0 then 'pending'
          else 'synced' end
        from outbox o where o.entity_id = s.id and o.state <> 'resolved') as sync_state`),
    )
    .orderBy([{ column: 's.name_sort' }, { column: 's.id' }]);
  return rows.map(fromListRow);
}

interface ListRow {
  id: string;
  registry_code: string;
  name: string;
  agency_id: string;
  agency_name: string | null;
  type: string;
  categories: string;
  status: string;
  updated_at: string;
  sync_state: ServiceRow['syncState'];
}

function fromListRow(row: ListRow): ServiceRow {
  return {
    id: row.id,
    registryCode: row.registry_code,
    name: row.name,
    agencyId: row.agency_id,
    agencyName: row.agency_name ?? '',
    type: serviceTypes.find((type) => type === row.type) ?? 'nonElectronic',
    categories: readJsonColumn<string[]>(row.categories),
    status: workflowStatusSchema.parse(row.status),
    syncState: row.sync_state,
    updatedAt: row.updated_at,
  };
}

/**
 * The registry's headline figures over published services, as SQL
 * aggregates. returnedCount counts working versions returned to the user's
 * agency (to every agency for VXSİDA roles).
 */
export async function registryFigures(
  db: Knex,
  agencyId: string | null,
): Promise<RegistryFigures> {
  const totals = await db('services').where({ has_published: 1 }).first<{
    state_bodies: number;
    services: number;
    g2b: number;
    electronic: number;
    non_electronic: number;
  }>(db.raw('count(distinct agency_id) as state_bodies'), db.raw('count(*) as services'), db.raw('coalesce(sum(published_is_g2b), 0) as g2b'), db.raw("coalesce(sum(published_type in ('electronic', 'partlyElectronic')), 0) as electronic"), db.raw("coalesce(sum(published_type = 'nonElectronic'), 0) as non_electronic"));
  const perCategory = await db
    .select<{ code: string; count: number }[]>(
      'c.code',
      db.raw('count(s.rowid) as count'),
    )
    .from('categories as c')
    .leftJoin(
      db.raw(
        'services s on s.has_published = 1 and exists (select 1 from json_each(s.published_categories) where value = c.code)',
      ),
    )
    .groupBy('c.code', 'c.sort_order')
    .orderBy('c.sort_order');
  const returned = await db('services')
    .where({ status: 'returned' })
    .modify((query) => {
      if (agencyId) query.where({ agency_id: agencyId });
    })
    .first<{ count: number }>(db.raw('count(*) as count'));

  return {
    stateBodies: Number(totals?.state_bodies ?? 0),
    services: Number(totals?.services ?? 0),
    g2bServices: Number(totals?.g2b ?? 0),
    electronicServices: Number(totals?.electronic ?? 0),
    nonElectronicServices: Number(totals?.non_electronic ?? 0),
    perCategory: perCategory.map((row) => ({ code: row.code, count: Number(row.count) })),
    returnedCount: Number(returned?.count ?? 0),
  };
}
