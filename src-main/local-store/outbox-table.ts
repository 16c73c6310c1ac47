import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { ServiceField } from '../../shared/domain/service-record';
import type { MutationName } from '../../shared/sync/mutations';
import type { MutationResult } from '../../shared/sync/results';
import { readJsonColumn } from './json-column';
import { readMeta, writeMeta } from './meta-table';

export const outboxEntryStates = [
  'pending',
  'sending',
  'applied',
  'rejected',
  'conflict',
  'resolved',
] as const;
export type OutboxState = (typeof outboxEntryStates)[number];

/** States whose entry is not settled yet: it keeps its fields in the local overlay. */
export const unsettledStates: readonly OutboxState[] = [
  'pending',
  'sending',
  'rejected',
  'conflict',
];

/** The server's answer as kept with the entry, plus which conflicted fields the user settled. */
export type StoredResult = MutationResult & { resolvedFields?: ServiceField[] };

/** One queued intent with its envelope and what became of it. */
export interface OutboxRecord {
  id: number;
  mutationId: string;
  clientId: string;
  clientSeq: number;
  name: MutationName;
  entityId: string;
  entityLabel: string;
  args: Record<string, unknown>;
  state: OutboxState;
  attempts: number;
  result: StoredResult | null;
  createdAt: string;
  updatedAt: string;
}

interface OutboxRow {
  id: number;
  mutation_id: string;
  client_id: string;
  client_seq: number;
  name: string;
  entity_id: string;
  entity_label: string;
  args: string;
  state: string;
  attempts: number;
  result: string | null;
  created_at: string;
  updated_at: string;
}

function fromRow(row: OutboxRow): OutboxRecord {
  return {
    id: row.id,
    mutationId: row.mutation_id,
    clientId: row.client_id,
    clientSeq: row.client_seq,
    name: row.name as MutationName,
    entityId: row.entity_id,
    entityLabel: row.entity_label,
    args: readJsonColumn<Record<string, unknown>>(row.args),
    state: row.state as OutboxState,
    attempts: row.attempts,
    result: row.result === null ? null : readJsonColumn<StoredResult>(row.result),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What a feature hands the outbox; the envelope is filled in here. */
export interface NewOutboxEntry {
  clientId: string;
  name: MutationName;
  entityId: string;
  entityLabel: string;
  args: Record<string, unknown>;
}

/**
 * Queues an intent. Call inside the transaction that writes the local
 * change: the sequence number is allocated there (max + 1), so the change,
 * its entry and its place in the order commit or vanish together.
 */
export async function enqueue(trx: Knex, entry: NewOutboxEntry): Promise<OutboxRecord> {
  const now = new Date().toISOString();
  const clientSeq = (await lastClientSeq(trx, entry.clientId)) + 1;
  await writeMeta(trx, `last_seq.${entry.clientId}`, String(clientSeq));
  const row: Omit<OutboxRow, 'id'> = {
    mutation_id: randomUUID(),
    client_id: entry.clientId,
    client_seq: clientSeq,
    name: entry.name,
    entity_id: entry.entityId,
    entity_label: entry.entityLabel,
    args: JSON.stringify(entry.args),
    state: 'pending',
    attempts: 0,
    result: null,
    created_at: now,
    updated_at: now,
  };
  const [inserted] = await trx('outbox').insert(row).returning<{ id: number }[]>('id');
  if (!inserted) throw new Error('The outbox insert returned no id');
  return fromRow({ ...row, id: inserted.id });
}

/**
 * The last sequence number this client used. Kept in meta as well as the
 * outbox because settled entries are deleted, and a number the server has
 * seen must never be handed out again.
 */
async function lastClientSeq(trx: Knex, clientId: string): Promise<number> {
  const stored = Number((await readMeta(trx, `last_seq.${clientId}`)) ?? 0);
  const queued = await trx('outbox')
    .where({ client_id: clientId })
    .max<{ seq: number | null }>('client_seq as seq')
    .first();
  return Math.max(stored, queued?.seq ?? 0);
}

/** One entry, or undefined. */
export async function getOutboxEntry(
  db: Knex,
  id: number,
): Promise<OutboxRecord | undefined> {
  const row = await db<OutboxRow>('outbox').where({ id }).first();
  return row ? fromRow(row) : undefined;
}

/** The newest entry about an entity, whatever its state. */
export async function newestEntryFor(
  db: Knex,
  entityId: string,
): Promise<OutboxRecord | undefined> {
  const row = await db<OutboxRow>('outbox')
    .where({ entity_id: entityId })
    .orderBy('id', 'desc')
    .first();
  return row ? fromRow(row) : undefined;
}

/** Entries about one entity (or all), oldest first, optionally only in some states. */
export async function listOutbox(
  db: Knex,
  filter: { entityId?: string; states?: readonly OutboxState[] } = {},
): Promise<OutboxRecord[]> {
  const rows: OutboxRow[] = await db<OutboxRow>('outbox')
    .select('*')
    .orderBy('id')
    .modify<OutboxRow, OutboxRow[]>((query) => {
      if (filter.entityId) query.where({ entity_id: filter.entityId });
      if (filter.states) query.whereIn('state', filter.states);
    });
  return rows.map(fromRow);
}

/**
 * Takes the next entries to push for a client, in sequence order, and marks
 * them sending (attempt counted) in the same transaction. Atomic because a
 * local edit folds into an entry only while it is pending with no attempt:
 * were the batch read and marked in two steps, an edit committed between
 * them would fold into an entry whose old arguments are already on their
 * way, and the server would apply the old value while the outbox held the
 * new one — the edit lost once the result came back.
 *
 * Known shortcoming: entries another user queued on this computer wait
 * until that user signs in here again (the server ties a client id to one
 * user), and only the outbox panel shows them meanwhile.
 */
export async function claimBatch(
  db: Knex,
  clientId: string,
  limit: number,
): Promise<OutboxRecord[]> {
  return db.transaction(async (trx) => {
    const rows = await trx<OutboxRow>('outbox')
      .where({ client_id: clientId })
      .whereIn('state', ['pending', 'sending'])
      .orderBy('client_seq')
      .limit(limit);
    if (rows.length === 0) return [];
    const updatedAt = new Date().toISOString();
    await trx('outbox')
      .whereIn(
        'id',
        rows.map((row) => row.id),
      )
      .update({
        state: 'sending',
        attempts: trx.raw('attempts + 1'),
        updated_at: updatedAt,
      });
    return rows.map((row) =>
      fromRow({
        ...row,
        state: 'sending',
        attempts: row.attempts + 1,
        updated_at: updatedAt,
      }),
    );
  });
}

/** Updates an entry's state, result, args or attempts. */
export async function updateOutboxEntry(
  db: Knex,
  id: number,
  change: Partial<
    Pick<OutboxRecord, 'state' | 'result' | 'args' | 'attempts' | 'entityLabel'>
  >,
): Promise<void> {
  const row: Partial<OutboxRow> = { updated_at: new Date().toISOString() };
  if (change.state !== undefined) row.state = change.state;
  if (change.result !== undefined) {
    row.result = change.result === null ? null : JSON.stringify(change.result);
  }
  if (change.args !== undefined) row.args = JSON.stringify(change.args);
  if (change.attempts !== undefined) row.attempts = change.attempts;
  if (change.entityLabel !== undefined) row.entity_label = change.entityLabel;
  await db('outbox').where({ id }).update(row);
}

/** Deletes an entry whose result is known and no longer needed. */
export async function deleteOutboxEntry(db: Knex, id: number): Promise<void> {
  await db('outbox').where({ id }).delete();
}

/** Entries the server has not accepted yet: pending, sending, rejected or in conflict. */
export async function countUnsettled(db: Knex): Promise<number> {
  const row = await db('outbox')
    .whereIn('state', unsettledStates)
    .count<{ count: number }>('* as count')
    .first();
  return Number(row?.count ?? 0);
}

/**
 * Drops an entry that never left (pending, no attempt) and closes the hole
 * it leaves in its client's sequence: the entries queued after it move down
 * one number. The server applies a client's mutations strictly in order, so
 * a hole would hold up every entry behind it until a push gave up and moved
 * them all under a fresh client id. Moving them is safe: a push claims the
 * lowest numbers first, so nothing after an unsent entry has left either.
 * Should that not hold (an entry after it was sent), the hole stays and the
 * push heals it by renumbering, as before.
 */
export async function dropUnsentEntry(trx: Knex, entry: OutboxRecord): Promise<void> {
  if (entry.state !== 'pending' || entry.attempts > 0) {
    throw new Error('Only an entry that never left can be dropped');
  }
  await trx('outbox').where({ id: entry.id }).delete();
  const later = await trx<OutboxRow>('outbox')
    .where({ client_id: entry.clientId })
    .where('client_seq', '>', entry.clientSeq)
    .orderBy('client_seq')
    .select('id', 'client_seq', 'attempts');
  const last = await lastClientSeq(trx, entry.clientId);
  const isUnsentTail =
    later.every((row) => row.attempts === 0) && later.length === last - entry.clientSeq;
  if (!isUnsentTail) return;
  // One by one, lowest first: (client_id, client_seq) is unique.
  for (const row of later) {
    await trx('outbox')
      .where({ id: row.id })
      .update({ client_seq: row.client_seq - 1 });
  }
  await writeMeta(trx, `last_seq.${entry.clientId}`, String(last - 1));
}

/** How many entries wait in each state the status bar reports. */
export async function outboxCounts(
  db: Knex,
): Promise<{ pending: number; rejected: number; conflict: number }> {
  const rows = await db('outbox')
    .select('state')
    .count<{ state: string; count: number }[]>('* as count')
    .groupBy('state');
  const count = (state: OutboxState) =>
    Number(rows.find((row) => row.state === state)?.count ?? 0);
  return {
    pending: count('pending') + count('sending'),
    rejected: count('rejected'),
    conflict: count('conflict'),
  };
}

/**
 * Moves a client's unsent entries under another client id, numbered 1, 2, 3…
 * in their order. For when the server no longer has part of the old
 * sequence (restored from a backup) and would wait for it forever.
 * With mayHaveLeft (a backup from another computer, which may have sent
 * them itself), each counts as tried at least once, so no later edit folds
 * into it: the server answers a mutation it already has with the stored
 * result, and a folded edit would be dropped with it.
 */
export async function moveUnsentEntries(
  db: Knex,
  fromClientId: string,
  toClientId: string,
  options: { mayHaveLeft?: boolean } = {},
): Promise<number> {
  return db.transaction(async (trx) => {
    const rows = await trx<OutboxRow>('outbox')
      .where({ client_id: fromClientId })
      .whereIn('state', ['pending', 'sending'])
      .orderBy('client_seq')
      .select('id', 'attempts');
    for (const [index, row] of rows.entries()) {
      await trx('outbox')
        .where({ id: row.id })
        .update({
          client_id: toClientId,
          client_seq: index + 1,
          state: 'pending',
          ...(options.mayHaveLeft ? { attempts: Math.max(1, row.attempts) } : {}),
        });
    }
    await writeMeta(trx, `last_seq.${toClientId}`, String(rows.length));
    return rows.length;
  });
}
