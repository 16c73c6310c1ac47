import { z } from 'zod';
import { errorBodySchema } from '../errors';
import { idSchema } from '../domain/ids';
import { serviceFieldSchema } from '../domain/service-record';
import { answerValueSchema, evaluationAnswerSchema } from '../index/campaign';

/** A field changed on both sides since the client's base: the user decides. */
export const fieldConflictSchema = z.object({
  field: serviceFieldSchema,
  base: z.unknown(),
  theirs: z.unknown(),
  mine: z.unknown(),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

/**
 * The same evaluator's answer changed on another desktop since this one's
 * base: the value it was based on, the answer stored now (null when
 * withdrawn), and the value sent. The evaluator keeps one or the other.
 */
export const answerConflictSchema = z.object({
  base: answerValueSchema.nullable(),
  theirs: evaluationAnswerSchema.nullable(),
  mine: answerValueSchema.nullable(),
});
export type AnswerConflict = z.infer<typeof answerConflictSchema>;

/** Why a mutation came back as a conflict. */
export const conflictCodes = [
  'FIELD_CONFLICT',
  'STALE_DECISION',
  'ANSWER_CONFLICT',
] as const;
export const conflictCodeSchema = z.enum(conflictCodes);
export type ConflictCode = z.infer<typeof conflictCodeSchema>;

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
    code: conflictCodeSchema,
    message: z.string(),
    /** Same-field conflicts; empty for a stale decision and an answer conflict. */
    conflicts: z.array(fieldConflictSchema),
    /** Fields of the same mutation that merged cleanly and were applied. */
    appliedFields: z.array(serviceFieldSchema),
    revision: z.number().int().min(1),
    /** Set for ANSWER_CONFLICT only. */
    answer: answerConflictSchema.optional(),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;
