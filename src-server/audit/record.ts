import type { Knex } from 'knex';
import type { AuditAction } from '../../shared/domain/audit';
import { invariant } from '../../shared/errors';
import { insertRows, isPostgres, nowIso, toNumber } from '../db/rows';
import { CHAIN_HEAD_ID, entryHash } from './chain';
import type { ChainedFields } from './chain';

/** One audit entry to write, in the same transaction as the change it describes. */
export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  mutationId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends audit entries to the chain inside the caller's transaction, many
 * rows per statement: the head is read (and on PostgreSQL locked until
 * commit, so concurrent writers chain one after another; SQLite has one
 * writer), each entry links to the one before, and the head moves on.
 *
 * Lock order: a writer takes the chain head before the feed counter, since
 * writeFeedEntries is always its last step, so the two cannot deadlock.
 */
export async function recordAudit(
  trx: Knex.Transaction,
  events: readonly AuditInput[],
): Promise<void> {
  if (events.length === 0) return;
  const head = await lockChainHead(trx);
  const at = nowIso();
  let seq = head.seq;
  let prevHash = head.hash;
  const rows = events.map((event) => {
    seq += 1;
    // Exactly the values stored, so the hash recomputed from the row matches.
    const fields: ChainedFields = {
      chain_seq: seq,
      at,
      actor_id: event.actorId,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      mutation_id: event.mutationId ?? null,
      details: JSON.stringify(event.details ?? {}),
      prev_hash: prevHash,
    };
    prevHash = entryHash(fields);
    return { ...fields, hash: prevHash };
  });
  await insertRows(trx, 'audit_events', rows);
  await trx('audit_chain_head')
    .where('id', CHAIN_HEAD_ID)
    .update({ last_seq: seq, last_hash: prevHash });
}

async function lockChainHead(
  trx: Knex.Transaction,
): Promise<{ seq: number; hash: string }> {
  const query = trx('audit_chain_head')
    .where('id', CHAIN_HEAD_ID)
    .first<{ last_seq: unknown; last_hash: string } | undefined>('last_seq', 'last_hash');
  const row = await (isPostgres(trx) ? query.forUpdate() : query);
  invariant(row, 'the audit chain head row exists (the audit chain migration adds it)');
  return { seq: toNumber(row.last_seq), hash: row.last_hash };
}
