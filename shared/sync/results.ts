import { z } from 'zod';
import { errorBodySchema } from '../errors';
import { idSchema } from '../domain/ids';
import { serviceFieldSchema } from '../domain/service-record';

/** A field changed on both sides since the client's base: the user decides. */
export const fieldConflictSchema = z.object({
  field: serviceFieldSchema,
  base: z.unknown(),
  theirs: z.unknown(),
  mine: z.unknown(),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

/**
 * Every mutation gets one explicit, stored result. A repeat of the same
 * mutation id gets the same result back; a rejection or conflict never
 * blocks the mutations queued behind it.
 */
export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('applied'),
    mutationId: idSchema,
    clientSeq: z.number().int(),
    entityId: idSchema,
    /** The entity's revision after this mutation. */
    revision: z.number().int().min(1),
  }),
  z.object({
    status: z.literal('rejected'),
    mutationId: idSchema,
    clientSeq: z.number().int(),
    error: errorBodySchema,
  }),
  z.object({
    status: z.literal('conflict'),
    mutationId: idSchema,
    clientSeq: z.number().int(),
    entityId: idSchema,
    code: z.enum(['FIELD_CONFLICT', 'STALE_DECISION']),
    message: z.string(),
    /** Same-field conflicts; empty for a stale decision. */
    conflicts: z.array(fieldConflictSchema),
    /** Fields of the same mutation that merged cleanly and were applied. */
    appliedFields: z.array(serviceFieldSchema),
    revision: z.number().int().min(1),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;
