import type { Knex } from 'knex';
import type { ReviewKind, ReviewQueueQuery } from '../../shared/contract/review-views';
import { readJsonColumn } from './json-column';

/** One submission waiting for VXSİDA, as the queue's SQL finds it. */
export interface QueueRow {
  kind: ReviewKind;
  id: string;
  label: string;
  registryCode: string;
  agencyId: string;
  agencyName: string;
  categories: string[];
  submittedAt: string;
  submissionNo: number;
}

interface RawQueueRow {
  kind: ReviewKind;
  id: string;
  label: string;
  registry_code: string;
  agency_id: string;
  agency_name: string | null;
  categories: string;
  submitted_at: string | null;
  submission_no: number | null;
}

/**
 * The submitted services and the proposed names that match the filters, as
 * two parts of one union, each reduced to what ordering needs. Each part
 * walks its (status, time) index, so the sort over the union costs the
 * rows that match, never the whole registry.
 */
function queueParts(db: Knex, filters: ReviewQueueQuery): Knex.QueryBuilder[] {
  const parts: Knex.QueryBuilder[] = [];
  if (filters.kind !== 'serviceName') {
    parts.push(
      db('services as s')
        .where('s.status', 'submitted')
        .modify((query) => {
          if (filters.agencyId) query.where('s.agency_id', filters.agencyId);
          if (filters.kind === 'newService') query.where('s.has_published', 0);
          if (filters.kind === 'serviceChange') query.where('s.has_published', 1);
          if (filters.category) {
            query.whereRaw(
              'exists (select 1 from json_each(s.categories) where value = ?)',
              [filters.category],
            );
          }
        })
        .select(db.raw("'service' as entity"), 's.id', 's.submitted_at'),
    );
  }
  // A name belongs to no category, so a category filter leaves names out.
  if ((filters.kind === null || filters.kind === 'serviceName') && !filters.category) {
    parts.push(
      db('service_names as n')
        .where('n.status', 'submitted')
        .modify((query) => {
          if (filters.agencyId) query.where('n.agency_id', filters.agencyId);
        })
        .select(
          db.raw("'serviceName' as entity"),
          'n.id',
          'n.proposed_at as submitted_at',
        ),
    );
  }
  return parts;
}

/** The queue's columns of the given services, by id. */
async function serviceDetails(
  db: Knex,
  ids: string[],
): Promise<Map<string, RawQueueRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db('services as s')
    .whereIn('s.id', ids)
    .leftJoin('agencies as a', 'a.id', 's.agency_id')
    .select<RawQueueRow[]>(
      db.raw(
        "case when s.has_published = 1 then 'serviceChange' else 'newService' end as kind",
      ),
      's.id',
      's.name as label',
      's.registry_code',
      's.agency_id',
      'a.name_az as agency_name',
      's.categories',
      's.submitted_at',
      db.raw(`(select json_extract(v.value, '$.submissionNo')
        from service_documents d, json_each(d.document, '$.versions') v
        where d.service_id = s.id and json_extract(v.value, '$.status') = 'submitted')
        as submission_no`),
    );
  return new Map(rows.map((row) => [row.id, row]));
}

/** The queue's columns of the given proposed names, by id. */
async function nameDetails(db: Knex, ids: string[]): Promise<Map<string, RawQueueRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db('service_names as n')
    .whereIn('n.id', ids)
    .leftJoin('agencies as a', 'a.id', 'n.agency_id')
    .select<RawQueueRow[]>(
      db.raw("'serviceName' as kind"),
      'n.id',
      'n.name as label',
      db.raw("'' as registry_code"),
      'n.agency_id',
      'a.name_az as agency_name',
      db.raw("'[]' as categories"),
      'n.proposed_at as submitted_at',
      'n.submission_no',
    );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * One page of the queue, oldest submission first, and how many match in all.
 * The page is found on ids and times alone; only its rows' columns are read
 * after, so a deep page or a filter that matches thousands stays cheap.
 */
export async function queuePage(
  db: Knex,
  filters: ReviewQueueQuery,
): Promise<{ total: number; rows: QueueRow[] }> {
  const parts = queueParts(db, filters);
  const [first, ...rest] = parts;
  if (!first) return { total: 0, rows: [] };

  let total = 0;
  for (const part of parts) {
    const row = await part
      .clone()
      .clearSelect()
      .first<{ count: number }>(db.raw('count(*) as count'));
    total += Number(row?.count ?? 0);
  }

  const union = rest.length > 0 ? first.unionAll(rest) : first;
  const page = await db
    .from(union.as('q'))
    .select<Array<{ entity: string; id: string }>>('q.entity', 'q.id')
    .orderBy([{ column: 'q.submitted_at' }, { column: 'q.id' }])
    .limit(filters.limit)
    .offset(filters.offset);
  const idsOf = (entity: string) =>
    page.filter((row) => row.entity === entity).map((row) => row.id);
  const services = await serviceDetails(db, idsOf('service'));
  const names = await nameDetails(db, idsOf('serviceName'));

  return {
    total,
    rows: page.flatMap((entry) => {
      const row = (entry.entity === 'service' ? services : names).get(entry.id);
      return row ? [fromRaw(row)] : [];
    }),
  };
}

function fromRaw(row: RawQueueRow): QueueRow {
  return {
    kind: row.kind,
    id: row.id,
    label: row.label,
    registryCode: row.registry_code,
    agencyId: row.agency_id,
    agencyName: row.agency_name ?? '',
    categories: readJsonColumn<string[]>(row.categories),
    // A local row without a time (never expected for a pulled submission)
    // counts as waiting since the epoch, so it shows as overdue, not hidden.
    submittedAt: row.submitted_at ?? new Date(0).toISOString(),
    submissionNo: Number(row.submission_no ?? 0),
  };
}

/** Decision intents of this desktop on the given entities, newest last. */
export async function decisionEntries(
  db: Knex,
  entityIds: readonly string[],
): Promise<
  Array<{ id: number; entityId: string; state: string; submissionNo: number | null }>
> {
  if (entityIds.length === 0) return [];
  const rows = await db('outbox')
    .whereIn('entity_id', entityIds)
    .whereIn('name', ['service.decide', 'serviceName.decide'])
    .whereNot('state', 'resolved')
    .orderBy('client_seq')
    .select<
      Array<{ id: number; entity_id: string; state: string; submission_no: unknown }>
    >(
      'id',
      'entity_id',
      'state',
      db.raw("json_extract(args, '$.submissionNo') as submission_no"),
    );
  return rows.map((row) => ({
    id: row.id,
    entityId: row.entity_id,
    state: row.state,
    submissionNo: row.submission_no === null ? null : Number(row.submission_no),
  }));
}
