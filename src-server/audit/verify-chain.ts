import type { Knex } from 'knex';
import { isPostgres, toNumber } from '../db/rows';
import { CHAIN_HEAD_ID, entryHash, GENESIS_HASH } from './chain';

/** Why the chain is broken at an entry. */
export type ChainBreakReason =
  /** The entry's columns no longer give its stored hash: it was altered. */
  | 'HASH_MISMATCH'
  /** The entry does not carry the hash of the one before it. */
  | 'LINK_BROKEN'
  /** Positions before this entry are missing: entries were deleted. */
  | 'MISSING_ENTRY'
  /** The head does not name the last entry: the newest were deleted or added. */
  | 'HEAD_MISMATCH'
  /** A row carries no chain columns: it was inserted past the guard. */
  | 'UNCHAINED_ENTRY';

/** The first entry where verification failed. */
export interface ChainBreak {
  reason: ChainBreakReason;
  /** The row at fault; null when the entry is gone altogether. */
  id: number | null;
  /** Its position in the chain; null for a row that has none. */
  chainSeq: number | null;
  /** What is wrong, for a person. */
  detail: string;
}

export type ChainVerdict =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entriesChecked: number; firstBroken: ChainBreak };

/** The database has no chained audit log to verify (not migrated, or not ours). */
export class AuditChainMissingError extends Error {
  readonly code = 'AUDIT_CHAIN_MISSING';

  constructor() {
    super(
      'This database has no chained audit log (audit_events with chain columns ' +
        'and audit_chain_head); start the server against it once so it migrates',
    );
    this.name = 'AuditChainMissingError';
  }
}

interface StoredEntry {
  id: unknown;
  chain_seq: unknown;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  mutation_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** Where the walk stands: how far the chain verified and what links on. */
interface Walk {
  checked: number;
  lastId: number | null;
  lastSeq: number;
  lastHash: string;
}

/**
 * Walks the audit log in chain order, a page at a time, recomputing each
 * entry's hash and checking its link and position, then checks that the
 * head names the last entry. Reads one snapshot, so entries appended while
 * it runs neither break nor extend what it checks.
 *
 * Known shortcoming: the chain proves the log consistent with itself, not
 * with the past. Someone with write rights who rehashes every entry from
 * the one they altered onwards, and the head, leaves a chain that verifies.
 * Only a head hash kept outside the database shows that; the verdict
 * prints it so an operator can note it, but nothing yet compares a noted
 * hash with the chain (a check that a noted hash is still at its position
 * would close this).
 */
export async function verifyAuditChain(
  db: Knex,
  options: { pageSize?: number } = {},
): Promise<ChainVerdict> {
  await assertChainInstalled(db);
  const pageSize = options.pageSize ?? 1_000;
  const snapshot: Knex.TransactionConfig = isPostgres(db)
    ? { isolationLevel: 'repeatable read', readOnly: true }
    : {};
  return db.transaction(async (trx) => {
    const walk: Walk = { checked: 0, lastId: null, lastSeq: 0, lastHash: GENESIS_HASH };
    const broken =
      (await walkEntries(trx, walk, pageSize)) ??
      (await findUnchained(trx)) ??
      (await checkHead(trx, walk));
    if (broken) return { ok: false, entriesChecked: walk.checked, firstBroken: broken };
    return { ok: true, entries: walk.checked, headHash: walk.lastHash };
  }, snapshot);
}

async function assertChainInstalled(db: Knex): Promise<void> {
  const isInstalled =
    (await db.schema.hasTable('audit_events')) &&
    (await db.schema.hasColumn('audit_events', 'hash')) &&
    (await db.schema.hasTable('audit_chain_head'));
  if (!isInstalled) throw new AuditChainMissingError();
}

async function walkEntries(
  trx: Knex.Transaction,
  walk: Walk,
  pageSize: number,
): Promise<ChainBreak | undefined> {
  for (;;) {
    const rows = await trx('audit_events')
      .where('chain_seq', '>', walk.lastSeq)
      .orderBy('chain_seq')
      .limit(pageSize)
      .select<StoredEntry[]>();
    for (const row of rows) {
      const broken = checkEntry(row, walk);
      if (broken) return broken;
      walk.checked += 1;
      walk.lastId = toNumber(row.id);
      walk.lastSeq += 1;
      walk.lastHash = row.hash;
    }
    if (rows.length < pageSize) return undefined;
  }
}

function checkEntry(row: StoredEntry, walk: Walk): ChainBreak | undefined {
  const id = toNumber(row.id);
  const chainSeq = toNumber(row.chain_seq);
  const expected = walk.lastSeq + 1;
  if (chainSeq !== expected) {
    const missing =
      chainSeq - 1 === expected
        ? `the entry at chain_seq ${expected} before it is missing`
        : `the entries at chain_seq ${expected}–${chainSeq - 1} before it are missing`;
    return {
      reason: 'MISSING_ENTRY',
      id,
      chainSeq,
      detail: missing,
    };
  }
  const recomputed = entryHash({
    chain_seq: chainSeq,
    at: row.at,
    actor_id: row.actor_id,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    mutation_id: row.mutation_id,
    details: row.details,
    prev_hash: row.prev_hash,
  });
  if (recomputed !== row.hash) {
    return {
      reason: 'HASH_MISMATCH',
      id,
      chainSeq,
      detail: 'its stored columns no longer give its hash: the entry was altered',
    };
  }
  if (row.prev_hash !== walk.lastHash) {
    return {
      reason: 'LINK_BROKEN',
      id,
      chainSeq,
      detail:
        'it does not carry the hash of the entry before it: ' +
        'this entry or the one before was rewritten',
    };
  }
  return undefined;
}

async function findUnchained(trx: Knex.Transaction): Promise<ChainBreak | undefined> {
  const row = await trx('audit_events')
    .whereNull('chain_seq')
    .orWhereNull('prev_hash')
    .orWhereNull('hash')
    .orderBy('id')
    .first<{ id: unknown } | undefined>('id');
  if (!row) return undefined;
  return {
    reason: 'UNCHAINED_ENTRY',
    id: toNumber(row.id),
    chainSeq: null,
    detail: 'it carries no chain columns: it was inserted past the guard',
  };
}

async function checkHead(
  trx: Knex.Transaction,
  walk: Walk,
): Promise<ChainBreak | undefined> {
  const head = await trx('audit_chain_head')
    .where('id', CHAIN_HEAD_ID)
    .first<{ last_seq: unknown; last_hash: string } | undefined>('last_seq', 'last_hash');
  if (!head) {
    return {
      reason: 'HEAD_MISMATCH',
      id: walk.lastId,
      chainSeq: walk.lastSeq,
      detail: 'the chain head row is missing',
    };
  }
  const headSeq = toNumber(head.last_seq);
  if (headSeq > walk.lastSeq) {
    return {
      reason: 'HEAD_MISMATCH',
      id: null,
      chainSeq: walk.lastSeq + 1,
      detail: `the head names ${headSeq} entries but the chain ends at ${walk.lastSeq}: the newest entries were deleted`,
    };
  }
  if (headSeq < walk.lastSeq) {
    const extra = await trx('audit_events')
      .where('chain_seq', headSeq + 1)
      .first<{ id: unknown } | undefined>('id');
    return {
      reason: 'HEAD_MISMATCH',
      id: extra ? toNumber(extra.id) : null,
      chainSeq: headSeq + 1,
      detail: `the head names ${headSeq} entries but the chain runs on to ${walk.lastSeq}: entries were added past it`,
    };
  }
  if (head.last_hash !== walk.lastHash) {
    return {
      reason: 'HEAD_MISMATCH',
      id: walk.lastId,
      chainSeq: walk.lastSeq,
      detail: 'the head holds another hash than the last entry',
    };
  }
  return undefined;
}

/** The verdict as one line for a person. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.ok) {
    return `audit chain intact: ${entries(verdict.entries)}, head hash ${verdict.headHash}`;
  }
  const { reason, id, chainSeq, detail } = verdict.firstBroken;
  const where = [
    id === null ? 'a deleted entry' : `entry id ${id}`,
    chainSeq === null ? undefined : `chain_seq ${chainSeq}`,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  return (
    `audit chain broken at ${where} (${reason}): ${detail}; ` +
    `${entries(verdict.entriesChecked)} verified before the break`
  );
}

function entries(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`;
}
