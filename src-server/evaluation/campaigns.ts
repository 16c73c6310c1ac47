import type { Knex } from 'knex';
import { DomainError } from '../../shared/errors';
import type { FieldError } from '../../shared/errors';
import type { CampaignRequest } from '../../shared/api/evaluation';
import type { Campaign } from '../../shared/index/campaign';
import { exists, isPostgres, toBool } from '../db/rows';
import type { FeedEntry } from '../sync/feed';
import { findMethodology } from './methodologies';
import { campaignFromRow, campaignToRow } from './rows';
import type { CampaignRow } from './rows';

type Db = Knex | Knex.Transaction;

/** Ids per IN list: far under either database's limit on bound parameters. */
const ID_CHUNK = 500;

/** Every signed-in role reads campaigns. */
export function campaignFeed(id: string): FeedEntry {
  return { entityType: 'campaign', entityId: id, agencyId: null, isPublic: true };
}

/**
 * The campaign, read with a lock on PostgreSQL: 'share' for answers, which
 * must not see its status change before they commit but may run side by
 * side; 'update' for the administrator's changes, which wait for them.
 */
export async function findCampaign(
  db: Db,
  id: string,
  lock?: 'share' | 'update',
): Promise<Campaign | undefined> {
  let query = db<CampaignRow>('campaigns').where('id', id).first();
  if (lock && isPostgres(db))
    query = lock === 'share' ? query.forShare() : query.forUpdate();
  const row = await query;
  return row ? campaignFromRow(row) : undefined;
}

export async function insertCampaign(
  trx: Knex.Transaction,
  campaign: Campaign,
): Promise<void> {
  if (await exists(trx('campaigns').where('id', campaign.id))) {
    throw new DomainError('ALREADY_EXISTS', 'A campaign with this id exists', [
      { path: 'id', message: 'already used' },
    ]);
  }
  await trx('campaigns').insert(campaignToRow(campaign));
}

export async function updateCampaign(
  trx: Knex.Transaction,
  campaign: Campaign,
): Promise<void> {
  const { id, ...row } = campaignToRow(campaign);
  await trx('campaigns').where('id', id).update(row);
}

/** Whether any evaluator has answered in the campaign (withdrawn answers count). */
export function hasAnswers(db: Db, campaignId: string): Promise<boolean> {
  return exists(db('evaluation_answers').where('campaign_id', campaignId));
}

/**
 * What in a campaign request the database contradicts: the methodology
 * (and its year), the providers' agencies, each service (it must exist, be
 * published, since evaluators receive only published services, and belong
 * to the provider it is listed under, one of the campaign's), and the
 * evaluators (active users with the evaluator role).
 */
export async function campaignReferenceProblems(
  db: Db,
  request: CampaignRequest,
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const methodology = await findMethodology(db, request.methodologyId);
  if (!methodology) {
    problems.push({ path: 'methodologyId', message: 'unknown methodology' });
  } else if (methodology.year !== request.year) {
    problems.push({
      path: 'methodologyId',
      message: `a methodology of ${methodology.year}, not ${request.year}`,
    });
  }

  const agencyIds = await existingIds(
    db,
    'agencies',
    'id',
    request.providers.map((provider) => provider.agencyId),
  );
  request.providers.forEach((provider, i) => {
    if (!agencyIds.has(provider.agencyId)) {
      problems.push({ path: `providers.${i}.agencyId`, message: 'unknown agency' });
    }
  });

  const providers = new Set(request.providers.map((provider) => provider.agencyId));
  const services = await publishedServiceAgencies(
    db,
    request.services.map((service) => service.serviceId),
  );
  request.services.forEach((entry, i) => {
    const service = services.get(entry.serviceId);
    if (!service) {
      problems.push({ path: `services.${i}.serviceId`, message: 'unknown service' });
    } else if (!service.isPublished) {
      problems.push({
        path: `services.${i}.serviceId`,
        message: 'not published: evaluators see only published services',
      });
    } else if (service.agencyId !== entry.agencyId) {
      problems.push({
        path: `services.${i}.agencyId`,
        message: 'the service belongs to another agency',
      });
    } else if (!providers.has(entry.agencyId)) {
      problems.push({
        path: `services.${i}.agencyId`,
        message: 'not a provider of this campaign',
      });
    }
  });

  const evaluators = await existingIds(db, 'users', 'id', request.evaluatorIds, (q) =>
    q.where({ role: 'evaluator', is_active: true }),
  );
  request.evaluatorIds.forEach((id, i) => {
    if (!evaluators.has(id)) {
      problems.push({ path: `evaluatorIds.${i}`, message: 'not an active evaluator' });
    }
  });
  return problems;
}

async function existingIds(
  db: Db,
  table: string,
  column: string,
  ids: readonly string[],
  narrow: (query: Knex.QueryBuilder) => Knex.QueryBuilder = (query) => query,
): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += ID_CHUNK) {
    const rows: unknown[] = await narrow(
      db(table).whereIn(column, unique.slice(start, start + ID_CHUNK)),
    ).pluck(column);
    for (const id of rows) found.add(String(id));
  }
  return found;
}

/** Each service's agency and whether it has an approved version. */
async function publishedServiceAgencies(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { agencyId: string; isPublished: boolean }>> {
  const found = new Map<string, { agencyId: string; isPublished: boolean }>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += ID_CHUNK) {
    const rows = await db('services as s')
      .whereIn('s.id', unique.slice(start, start + ID_CHUNK))
      .select<Array<{ id: string; agency_id: string; published: unknown }>>(
        's.id',
        's.agency_id',
        db.raw(
          "EXISTS (SELECT 1 FROM service_versions v WHERE v.service_id = s.id AND v.status = 'approved') AS published",
        ),
      );
    for (const row of rows) {
      found.set(row.id, {
        agencyId: row.agency_id,
        isPublished: toBool(row.published),
      });
    }
  }
  return found;
}

/** The campaign a request describes, as it will be stored. */
export function campaignFromRequest(
  request: CampaignRequest,
  id: string,
  base: Pick<Campaign, 'status' | 'createdAt' | 'revision'>,
): Campaign {
  return {
    id,
    year: request.year,
    name: request.name,
    methodologyId: request.methodologyId,
    status: base.status,
    providers: request.providers,
    services: request.services,
    evaluatorIds: request.evaluatorIds,
    createdAt: base.createdAt,
    revision: base.revision,
  };
}
