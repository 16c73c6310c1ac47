import type { Knex } from 'knex';
import type { AuditAction } from '../../shared/domain/audit';
import { insertRows, nowIso } from '../db/rows';

/** One audit entry to write, in the same transaction as the change it describes. */
export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  mutationId?: string | null;
  details?: Record<string, unknown>;
}

/** Writes audit entries inside the caller's transaction, many rows per statement. */
export async function recordAudit(
  db: Knex | Knex.Transaction,
  events: readonly AuditInput[],
): Promise<void> {
  if (events.length === 0) return;
  const at = nowIso();
  await insertRows(
    db,
    'audit_events',
    events.map((event) => ({
      at,
      actor_id: event.actorId,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      mutation_id: event.mutationId ?? null,
      details: JSON.stringify(event.details ?? {}),
    })),
  );
}
