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
 * two parts of one union. Each part walks its (status, time) index, so the
 * sort over the union costs the rows that match, never the whole registry.
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
        .select(
          db.raw(
            "case when s.has_published = 1 then 'serviceChange' else 'newService' end as kind",
          ),
          's.id',
          's.name as label',
          's.registry_code',
          's.agency_id',
          's.categories',
          's.submitted_at',
        ),
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
          db.raw("'serviceName' as kind"),
          'n.id',
          'n.name as label',
          db.raw("'' as registry_code"),
          'n.agency_id',
          db.raw("'[]' as categories"),
          'n.proposed_at as submitted_at',
        ),
    );
  }
  return parts;
}

/** One page of the queue, oldest submission first, and how many match in all. */
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
    .leftJoin('agencies as a', 'a.id', 'q.agency_id')
    .select<RawQueueRow[]>(
      'q.kind',
      'q.id',
      'q.label',
      'q.registry_code',
      'q.agency_id',
      'a.name_az as agency_name',
      'q.categories',
      'q.submitted_at',
      db.raw(`case when q.kind = 'serviceName'
        then (select n.submission_no from service_names n where n.id = q.id)
        else (select json_extract(v.value, '$.submissionNo')
          from service_documents d, json_each(d.document, '$.versions') v
          where d.service_id = q.id and json_extract(v.value, '$.status') = 'submitted')
        end as submission_no`),
    )
    .orderBy([{ column: 'q.submitted_at' }, { column: 'q.id' }])
    .limit(filters.limit)
    .offset(filters.offset);

  return {
    total,
    rows: page.map((row) => ({
      kind: row.kind,
      id: row.id,
      label: row.label,
      registryCode: row.registry_code,
      agencyId: row.agency_id,
      agencyName: row.agency_name ?? '',
      categories: readJsonColumn<string[]>(row.categories),
      // A local row without a time (never expected for a pulled submission)
      // sorts first and counts as waiting since the epoch, so it is seen.
      submittedAt: row.submitted_at ?? new Date(0).toISOString(),
      submissionNo: Number(row.submission_no ?? 0),
    })),
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
