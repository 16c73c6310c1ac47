import type { Knex } from 'knex';
import type { User } from '../../shared/domain/user';
import type {
  AnswerConflict,
  ConflictCode,
  FieldConflict,
} from '../../shared/sync/results';
import type { ServiceField } from '../../shared/domain/service-record';
import type { MutationResult } from '../../shared/sync/results';
import type { AuditInput } from '../audit/record';
import type { FeedEntry } from '../sync/feed';
import type { PendingRegistryCode } from './registry-codes';

/** What an applier works with: the open transaction, the actor, and what it changed. */
export interface ApplyContext {
  trx: Knex.Transaction;
  user: User;
  mutationId: string;
  /** One timestamp for everything a mutation writes. */
  now: string;
  /** Entities changed so far; the caller writes their feed rows last. */
  feed: FeedEntry[];
  audit: AuditInput[];
  /** Services created so far; the caller gives them their codes last (registry-codes.ts). */
  registryCodes: PendingRegistryCode[];
  /**
   * The stored result of an earlier mutation of the same client, this
   * batch's included; null for an unknown id or another client's.
   */
  earlierResult(mutationId: string): Promise<MutationResult | null>;
}

/**
 * What an applier reports when it did not refuse. A refusal is a thrown
 * DomainError, which rolls back everything the applier wrote.
 */
export type ApplyOutcome =
  | { status: 'applied'; entityId: string; revision: number }
  | {
      status: 'conflict';
      code: ConflictCode;
      entityId: string;
      message: string;
      conflicts: FieldConflict[];
      appliedFields: ServiceField[];
      revision: number;
      /** An answer conflict's base, theirs and mine. */
      answer?: AnswerConflict;
    };
