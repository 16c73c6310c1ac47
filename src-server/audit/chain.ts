import { createHash } from 'node:crypto';

/** The hash the first entry links to: there is no entry before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** The one row of audit_chain_head: where the next entry links on. */
export const CHAIN_HEAD_ID = 1;

/**
 * An audit row's columns as stored, the ones its hash covers. The id is
 * left out: it is the row's handle for paging, and chain_seq gives the order.
 */
export interface ChainedFields {
  chain_seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  mutation_id: string | null;
  /** The details object as the JSON text stored, not re-serialised. */
  details: string;
  prev_hash: string;
}

/**
 * The SHA-256 of an entry's stored columns and the previous entry's hash,
 * as hex. The columns go in as a JSON array, so no two different entries
 * serialise alike and a changed column, a changed link or a reordering all
 * give another hash. Every stored chain depends on this exact form: a
 * change here makes every existing entry fail verification.
 */
export function entryHash(fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.chain_seq,
    fields.at,
    fields.actor_id,
    fields.action,
    fields.entity_type,
    fields.entity_id,
    fields.mutation_id,
    fields.details,
    fields.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
