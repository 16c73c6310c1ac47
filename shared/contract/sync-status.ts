import { z } from 'zod';
import { errorBodySchema } from '../errors';
import { idSchema, isoDateTimeSchema } from '../domain/ids';
import { conflictCodeSchema, fieldConflictSchema } from '../sync/results';

/** The connection as the desktop sees it; a tagged union the stores switch over. */
export const connectionStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('loggedOut') }),
  z.object({
    kind: z.literal('offline'),
    since: isoDateTimeSchema,
    retryAt: isoDateTimeSchema.nullable(),
  }),
  z.object({ kind: z.literal('idle') }),
  z.object({
    kind: z.literal('syncing'),
    /** Outbox entries not yet acknowledged by the server. */
    toSend: z.number().int().min(0),
    /** Feed entries the server still has for us, as of its last answer. */
    toReceive: z.number().int().min(0),
  }),
  z.object({
    kind: z.literal('error'),
    errorClass: z.enum(['transient', 'permanent', 'authentication']),
    message: z.string(),
    retryAt: isoDateTimeSchema.nullable(),
  }),
  z.object({ kind: z.literal('updateRequired'), message: z.string() }),
]);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const syncStatusSchema = z.object({
  connection: connectionStateSchema,
  lastSyncedAt: isoDateTimeSchema.nullable(),
  pendingCount: z.number().int().min(0),
  rejectedCount: z.number().int().min(0),
  conflictCount: z.number().int().min(0),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const outboxStates = [
  'pending',
  'sending',
  'applied',
  'rejected',
  'conflict',
] as const;

/** One queued change as the outbox panel shows it. */
export const outboxEntrySchema = z.object({
  id: z.number().int(),
  mutationId: idSchema,
  clientSeq: z.number().int(),
  name: z.string(),
  /** The service or service name it is about. */
  entityId: idSchema,
  entityLabel: z.string(),
  state: z.enum(outboxStates),
  createdAt: isoDateTimeSchema,
  attempts: z.number().int().min(0),
  error: errorBodySchema.nullable(),
  conflicts: z.array(fieldConflictSchema),
  /**
   * Why the entry is in conflict: fields changed on both sides, a decision
   * on a submission that is no longer the one in review, or an evaluator's
   * answer changed on another of their desktops.
   */
  conflictCode: conflictCodeSchema.nullable().default(null),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
