import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { z } from 'zod';
import { DomainError, parseOrThrow } from '../../shared/errors';
import {
  campaignRequestSchema,
  campaignStatusRequestSchema,
  importPublishedResultsRequestSchema,
  methodologyRequestSchema,
} from '../../shared/api/evaluation';
import { idSchema } from '../../shared/domain/ids';
import type { User } from '../../shared/domain/user';
import type { Campaign } from '../../shared/index/campaign';
import {
  canChangeCampaignStatus,
  nextCampaignStatuses,
} from '../../shared/index/campaign-rules';
import type { Methodology } from '../../shared/index/methodology';
import { recordAudit } from '../audit/record';
import { authenticate, currentUser } from '../auth/authenticate';
import { authorize } from '../authorization/policy';
import { nowIso } from '../db/rows';
import { writeFeedEntries } from '../sync/feed';
import {
  campaignFeed,
  campaignFromRequest,
  campaignReferenceProblems,
  findCampaign,
  hasAnswers,
  insertCampaign,
  updateCampaign,
} from './campaigns';
import { insertMethodology, methodologyFeed, updateMethodology } from './methodologies';
import { importPublishedResults } from './published-results';

const paramsSchema = z.object({ id: idSchema });

function managerOf(request: FastifyRequest): User {
  const user = currentUser(request);
  authorize(user, 'evaluation.manage');
  return user;
}

/** A body that names an id must name the one in the path. */
function refuseOtherId(bodyId: string | undefined, pathId: string): void {
  if (bodyId !== undefined && bodyId !== pathId) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The body names another id than the path',
      [{ path: 'id', message: 'must equal the id in the path' }],
    );
  }
}

/**
 * Methodologies, campaigns and published results of the ASAN index, for
 * administrators. Each request is validated whole before anything is
 * written; its change, audit entries and feed rows commit together.
 */
export function registerEvaluationAdminRoutes(app: FastifyInstance, db: Knex): void {
  const guarded = { preHandler: authenticate(db) };

  app.post('/api/v1/admin/methodologies', guarded, async (request, reply) => {
    const admin = managerOf(request);
    const body = parseOrThrow(methodologyRequestSchema, request.body, 'methodology');
    const methodology: Methodology = {
      ...body,
      id: body.id ?? randomUUID(),
      createdAt: nowIso(),
      frozenAt: null,
    };
    await db.transaction(async (trx) => {
      await insertMethodology(trx, methodology);
      await recordAudit(trx, [
        {
          actorId: admin.id,
          action: 'methodology.create',
          entityType: 'methodology',
          entityId: methodology.id,
          details: { year: methodology.year, version: methodology.version },
        },
      ]);
      await writeFeedEntries(trx, [methodologyFeed(methodology.id)]);
    });
    return reply.status(201).send({ methodology });
  });

  app.put('/api/v1/admin/methodologies/:id', guarded, async (request) => {
    const admin = managerOf(request);
    const { id } = parseOrThrow(paramsSchema, request.params, 'path');
    const body = parseOrThrow(methodologyRequestSchema, request.body, 'methodology');
    refuseOtherId(body.id, id);
    const methodology = await db.transaction(async (trx) => {
      const updated = await updateMethodology(trx, { ...body, id });
      await recordAudit(trx, [
        {
          actorId: admin.id,
          action: 'methodology.update',
          entityType: 'methodology',
          entityId: id,
          details: { year: updated.year, version: updated.version },
        },
      ]);
      await writeFeedEntries(trx, [methodologyFeed(id)]);
      return updated;
    });
    return { methodology };
  });

  app.post('/api/v1/admin/campaigns', guarded, async (request, reply) => {
    const admin = managerOf(request);
    const body = parseOrThrow(campaignRequestSchema, request.body, 'campaign');
    const campaign = campaignFromRequest(body, body.id ?? randomUUID(), {
      status: 'open',
      createdAt: nowIso(),
      revision: 1,
    });
    await db.transaction(async (trx) => {
      await refuseBrokenReferences(trx, body);
      await insertCampaign(trx, campaign);
      await recordAudit(trx, [
        {
          actorId: admin.id,
          action: 'campaign.create',
          entityType: 'campaign',
          entityId: campaign.id,
          details: campaignSummary(campaign),
        },
      ]);
      await writeFeedEntries(trx, [campaignFeed(campaign.id)]);
    });
    return reply.status(201).send({ campaign });
  });

  app.put('/api/v1/admin/campaigns/:id', guarded, async (request) => {
    const admin = managerOf(request);
    const { id } = parseOrThrow(paramsSchema, request.params, 'path');
    const body = parseOrThrow(campaignRequestSchema, request.body, 'campaign');
    refuseOtherId(body.id, id);
    const campaign = await db.transaction(async (trx) => {
      const stored = await storedCampaign(trx, id);
      if (stored.status === 'published') {
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          'A published campaign no longer changes',
          [{ path: 'status', message: 'published' }],
        );
      }
      await refuseBrokenReferences(trx, body);
      if (body.methodologyId !== stored.methodologyId && (await hasAnswers(trx, id))) {
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          'The campaign has answers under its methodology, which therefore stays',
          [{ path: 'methodologyId', message: `must stay ${stored.methodologyId}` }],
        );
      }
      const next = campaignFromRequest(body, id, {
        status: stored.status,
        createdAt: stored.createdAt,
        revision: stored.revision + 1,
      });
      await updateCampaign(trx, next);
      await recordAudit(trx, [
        {
          actorId: admin.id,
          action: 'campaign.update',
          entityType: 'campaign',
          entityId: id,
          details: campaignSummary(next),
        },
      ]);
      await writeFeedEntries(trx, [campaignFeed(id)]);
      return next;
    });
    return { campaign };
  });

  app.put('/api/v1/admin/campaigns/:id/status', guarded, async (request) => {
    const admin = managerOf(request);
    const { id } = parseOrThrow(paramsSchema, request.params, 'path');
    const { status } = parseOrThrow(
      campaignStatusRequestSchema,
      request.body,
      'campaign status',
    );
    const campaign = await db.transaction(async (trx) => {
      const stored = await storedCampaign(trx, id);
      if (stored.status === status) return stored;
      if (!canChangeCampaignStatus(stored.status, status)) {
        const next = nextCampaignStatuses(stored.status);
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          `A campaign that is ${stored.status} cannot become ${status}`,
          [
            {
              path: 'status',
              message: next.length > 0 ? `may become ${next.join(' or ')}` : 'final',
            },
          ],
        );
      }
      const next: Campaign = { ...stored, status, revision: stored.revision + 1 };
      await updateCampaign(trx, next);
      await recordAudit(trx, [
        {
          actorId: admin.id,
          action: 'campaign.setStatus',
          entityType: 'campaign',
          entityId: id,
          details: { from: stored.status, to: status },
        },
      ]);
      await writeFeedEntries(trx, [campaignFeed(id)]);
      return next;
    });
    return { campaign };
  });

  app.post('/api/v1/admin/published-results', guarded, async (request) => {
    const admin = managerOf(request);
    const { results } = parseOrThrow(
      importPublishedResultsRequestSchema,
      request.body,
      'published results',
    );
    const outcome = await db.transaction(async (trx) => {
      const imported = await importPublishedResults(trx, results);
      const changed = new Set(imported.feed.map((entry) => entry.entityId));
      await recordAudit(
        trx,
        imported.results
          .filter((result) => changed.has(result.id))
          .map((result) => ({
            actorId: admin.id,
            action: 'publishedResults.import' as const,
            entityType: 'publishedResult',
            entityId: result.id,
            details: {
              year: result.year,
              group: result.group,
              providerName: result.providerName,
              rank: result.rank,
              percent: result.percent,
              stars: result.stars,
            },
          })),
      );
      await writeFeedEntries(trx, imported.feed);
      return imported;
    });
    const { created, updated, unchanged } = outcome;
    return { created, updated, unchanged, results: outcome.results };
  });
}

/** The stored campaign, taken for update; a missing one is a 404. */
async function storedCampaign(trx: Knex.Transaction, id: string): Promise<Campaign> {
  const stored = await findCampaign(trx, id, 'update');
  if (!stored) {
    throw new DomainError('NOT_FOUND', 'No such campaign', [
      { path: 'id', message: 'not found' },
    ]);
  }
  return stored;
}

async function refuseBrokenReferences(
  trx: Knex.Transaction,
  body: z.infer<typeof campaignRequestSchema>,
): Promise<void> {
  const problems = await campaignReferenceProblems(trx, body);
  if (problems.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The campaign names records that do not fit',
      problems,
    );
  }
}

/** What an audit entry keeps of a campaign: its shape, not every id. */
function campaignSummary(campaign: Campaign): Record<string, unknown> {
  return {
    year: campaign.year,
    methodologyId: campaign.methodologyId,
    providers: campaign.providers.length,
    services: campaign.services.length,
    evaluatorIds: campaign.evaluatorIds,
  };
}
