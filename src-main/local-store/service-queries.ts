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
import { cachedTotal, knownTotal, rememberTotal } from './list-totals';
import { countMatches, pageRowids, planKey, searchPlan } from './service-search';

/**
 * One page of services matching the filters, in Azerbaijani name order
 * (name_sort, then id). The total is counted once per query and filters and
 * reused while the store is unchanged (list-totals); the page comes from
 * whichever of an index walk or the trigram index is cheaper for how common
 * the words are (service-search); only the page's rows are then read whole.
 * Without withTotal a total not yet counted is left to countServices: the
 * page looks one row further to tell whether more follow, and a page that
 * ends the result gives the exact total anyway.
 */
export async function listServices(
  db: Knex,
  filters: ServiceListQuery,
): Promise<ServiceList> {
  const plan = searchPlan(filters);
  const key = planKey(plan);
  if (filters.withTotal !== false) {
    const total = await cachedTotal(db, key, () => countMatches(db, plan));
    return { total, rows: await pageRows(db, await pageRowids(db, plan, total)) };
  }

  const known = await knownTotal(db, key);
  if (known.total !== undefined) {
    const rowids = await pageRowids(db, plan, known.total);
    return { total: known.total, rows: await pageRows(db, rowids), isTotalExact: true };
  }
  const { offset, limit } = filters;
  const rowids = await pageRowids(
    db,
    { ...plan, filters: { ...filters, limit: limit + 1 } },
    null,
  );
  const rows = await pageRows(db, rowids.slice(0, limit));
  if (rowids.length > limit)
    return { total: offset + limit + 1, rows, isTotalExact: false };
  // Past the end of the result nothing tells how far; rare, as the list
  // asks for later pages once it knows the total.
  if (rows.length === 0 && offset > 0) {
    const total = await cachedTotal(db, key, () => countMatches(db, plan));
    return { total, rows, isTotalExact: true };
  }

  const total = offset + rows.length;
  await rememberTotal(db, key, known.stamp, total);
  return { total, rows, isTotalExact: true };
}

/** The exact number of services the filters select, counted once until the store changes. */
export async function countServices(
  db: Knex,
  filters: ServiceFilters,
): Promise<ServiceCount> {
  const plan = searchPlan({ ...filters, offset: 0, limit: 1 });
  return { total: await cachedTotal(db, planKey(plan), () => countMatches(db, plan)) };
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
