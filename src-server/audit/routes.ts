import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { parseOrThrow } from '../../shared/errors';
import { auditQuerySchema } from '../../shared/api/audit';
import type { AuditResponse } from '../../shared/api/audit';
import type { AuditEvent } from '../../shared/domain/audit';
import { authenticate, currentUser } from '../auth/authenticate';
import { authorize } from '../authorization/policy';
import { toNumber } from '../db/rows';

interface AuditRow {
  id: unknown;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  mutation_id: string | null;
  details: string;
}

function eventFromRow(row: AuditRow): AuditEvent {
  return {
    id: toNumber(row.id),
    at: row.at,
    actorId: row.actor_id,
    action: row.action as AuditEvent['action'],
    entityType: row.entity_type,
    entityId: row.entity_id,
    mutationId: row.mutation_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

/** GET /api/v1/audit: the audit log, read forward from an id. */
export function registerAuditRoutes(app: FastifyInstance, db: Knex): void {
  app.get(
    '/api/v1/audit',
    { preHandler: authenticate(db) },
    async (request): Promise<AuditResponse> => {
      authorize(currentUser(request), 'audit.read');
      const query = parseOrThrow(auditQuerySchema, request.query, 'audit query');
      const rows = await db<AuditRow>('audit_events')
        .where('id', '>', query.after)
        .orderBy('id')
        .limit(query.limit);
      const events = rows.map(eventFromRow);
      return { events, nextAfter: events.at(-1)?.id ?? query.after };
    },
  );
}
