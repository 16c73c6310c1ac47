import type { Knex } from 'knex';
import type { Analytics, AnalyticsFilters } from '../../shared/contract/analytics-views';
import { azerbaijanCalendar } from '../../shared/calendar/az-holidays';
import {
  REVIEW_LIMIT_WORKING_DAYS,
  workingDaysBetween,
} from '../../shared/calendar/working-days';
import { agencyGroupSchema } from '../../shared/domain/agency';
import type { ReviewEvent } from '../../shared/domain/review-event';

/**
 * The dashboard's figures, computed live from the local store with SQL
 * aggregates over published services. Counts that need a record's inner
 * lists (channels, approval years) read the stored documents of the
 * selected services only.
 */

/** Restricts a query on `services as s` to the published services the filters select. */
function published(db: Knex, filters: AnalyticsFilters) {
  return (query: Knex.QueryBuilder) => {
    query.where('s.has_published', 1);
    if (filters.agencyId) query.where('s.agency_id', filters.agencyId);
    if (filters.isG2bOnly) query.where('s.published_is_g2b', 1);
    if (filters.group) {
      query.whereIn(
        's.agency_id',
        db('agencies').where('group_name', filters.group).select('id'),
      );
    }
    if (filters.category) {
      query.whereRaw(
        'exists (select 1 from json_each(s.published_categories) where value = ?)',
        [filters.category],
      );
    }
  };
}

const electronicSql =
  "coalesce(sum(s.published_type in ('electronic', 'partlyElectronic')), 0)";

const num = (value: unknown) => Number(value ?? 0);

/** Every figure of the dashboard for the filters. */
export async function registryAnalytics(
  db: Knex,
  filters: AnalyticsFilters,
): Promise<Analytics> {
  const scope = published(db, filters);
  const totals = await db('services as s')
    .modify(scope)
    .first<Record<string, unknown>>(
      db.raw('count(distinct s.agency_id) as agencies'),
      db.raw('count(*) as services'),
      db.raw('coalesce(sum(s.published_is_g2b), 0) as g2b'),
      db.raw(`${electronicSql} as electronic`),
    );
  const services = num(totals?.services);
  const electronic = num(totals?.electronic);

  const byGroup = await db('services as s')
    .modify(scope)
    .join('agencies as a', 'a.id', 's.agency_id')
    .groupBy('a.group_name')
    .select<Array<Record<string, unknown>>>(
      'a.group_name as grp',
      db.raw('count(distinct s.agency_id) as agencies'),
      db.raw('count(*) as services'),
      db.raw(`${electronicSql} as electronic`),
      db.raw('coalesce(sum(s.published_is_g2b), 0) as g2b'),
    );

  const byCategory = await db('services as s')
    .modify(scope)
    .joinRaw('join json_each(s.published_categories) as c')
    .groupBy('c.value')
    .orderBy('services', 'desc')
    .select<Array<Record<string, unknown>>>(
      'c.value as code',
      db.raw('count(distinct s.agency_id) as agencies'),
      db.raw('count(*) as services'),
      db.raw(`${electronicSql} as electronic`),
      db.raw('coalesce(sum(s.published_is_g2b), 0) as g2b'),
    );

  const byAgency = await db('services as s')
    .modify(scope)
    .leftJoin('agencies as a', 'a.id', 's.agency_id')
    .groupBy('s.agency_id', 'a.name_az')
    .orderBy([{ column: 'services', order: 'desc' }, { column: 's.agency_id' }])
    .limit(50)
    .select<Array<Record<string, unknown>>>(
      's.agency_id as agency_id',
      'a.name_az as name',
      db.raw('count(*) as services'),
      db.raw(`${electronicSql} as electronic`),
      db.raw('coalesce(sum(s.published_is_g2b), 0) as g2b'),
    );

  // The published version is the approved one with the highest number.
  const publishedVersions = db('services as s')
    .modify(scope)
    .join('service_documents as d', 'd.service_id', 's.id')
    .joinRaw("join json_each(d.document, '$.versions') as v")
    .whereRaw("json_extract(v.value, '$.status') = 'approved'")
    .whereRaw(
      `json_extract(v.value, '$.number') = (select max(json_extract(w.value, '$.number'))
        from json_each(d.document, '$.versions') w
        where json_extract(w.value, '$.status') = 'approved')`,
    );
  const byChannel = await publishedVersions
    .clone()
    .joinRaw("join json_each(v.value, '$.record.channels') as ch")
    .groupByRaw("json_extract(ch.value, '$.kind')")
    .orderBy('services', 'desc')
    .select<Array<Record<string, unknown>>>(
      db.raw("json_extract(ch.value, '$.kind') as kind"),
      db.raw('count(distinct s.id) as services'),
    );
  const byYear = await publishedVersions
    .clone()
    .groupByRaw("substr(json_extract(v.value, '$.decidedAt'), 1, 4)")
    .orderByRaw('1')
    .select<Array<Record<string, unknown>>>(
      db.raw("substr(json_extract(v.value, '$.decidedAt'), 1, 4) as year"),
      db.raw(
        "sum(json_extract(v.value, '$.record.type') in ('electronic', 'partlyElectronic')) as electronic",
      ),
      db.raw(
        "sum(json_extract(v.value, '$.record.type') not in ('electronic', 'partlyElectronic')) as non_electronic",
      ),
    );

  return {
    indicators: {
      stateBodies: num(totals?.agencies),
      services,
      g2bServices: num(totals?.g2b),
      electronicServices: electronic,
      nonElectronicServices: services - electronic,
    },
    byGroup: byGroup.flatMap((row) => {
      const group = agencyGroupSchema.safeParse(row.grp);
      return group.success
        ? [
            {
              group: group.data,
              agencies: num(row.agencies),
              services: num(row.services),
              electronic: num(row.electronic),
              g2b: num(row.g2b),
            },
          ]
        : [];
    }),
    byCategory: byCategory.map((row) => ({
      code: String(row.code),
      agencies: num(row.agencies),
      services: num(row.services),
      electronic: num(row.electronic),
      g2b: num(row.g2b),
    })),
    byAgency: byAgency.map((row) => ({
      agencyId: String(row.agency_id),
      name: typeof row.name === 'string' ? row.name : '',
      services: num(row.services),
      electronic: num(row.electronic),
      g2b: num(row.g2b),
    })),
    byChannel: byChannel.map((row) => ({
      kind: String(row.kind),
      services: num(row.services),
    })),
    electronificationByYear: byYear
      .filter((row) => /^\d{4}$/u.test(String(row.year)))
      .map((row) => ({
        year: Number(row.year),
        electronic: num(row.electronic),
        nonElectronic: num(row.non_electronic),
      })),
    review: await reviewFigures(db, filters),
  };
}

/**
 * Submissions waiting and returned, and how long decisions took in working
 * days against the limit, from each version's review history.
 */
async function reviewFigures(
  db: Knex,
  filters: AnalyticsFilters,
): Promise<Analytics['review']> {
  const byAgency = (query: Knex.QueryBuilder) => {
    if (filters.agencyId) query.where('s.agency_id', filters.agencyId);
  };
  const counts = await db('services as s')
    .modify(byAgency)
    .first<Record<string, unknown>>(
      db.raw("coalesce(sum(s.status = 'submitted'), 0) as waiting"),
      db.raw("coalesce(sum(s.status = 'returned'), 0) as returned"),
    );
  const histories = await db('services as s')
    .modify(byAgency)
    .join('service_documents as d', 'd.service_id', 's.id')
    .joinRaw("join json_each(d.document, '$.versions') as v")
    .whereRaw("json_array_length(json_extract(v.value, '$.history')) > 0")
    .select<Array<{ history: string }>>(
      db.raw("json_extract(v.value, '$.history') as history"),
    );

  let decided = 0;
  let overLimit = 0;
  let totalDays = 0;
  for (const row of histories) {
    let submittedAt: string | null = null;
    for (const event of JSON.parse(row.history) as ReviewEvent[]) {
      if (event.action === 'submitted') submittedAt = event.at;
      else if (event.action === 'withdrawn') submittedAt = null;
      else if (submittedAt) {
        const days = workingDaysBetween(submittedAt, event.at, azerbaijanCalendar);
        decided += 1;
        totalDays += days;
        if (days > REVIEW_LIMIT_WORKING_DAYS) overLimit += 1;
        submittedAt = null;
      }
    }
  }
  return {
    waiting: num(counts?.waiting),
    returned: num(counts?.returned),
    decided,
    overLimit,
    meanWorkingDays: decided > 0 ? Math.round((totalDays / decided) * 10) / 10 : null,
  };
}
