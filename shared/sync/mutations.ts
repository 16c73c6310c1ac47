import { z } from 'zod';
import { codeSchema, idSchema, optionalText } from '../domain/ids';
import { remarkSchema } from '../domain/remark';
import { serviceFieldSchema, serviceRecordSchema } from '../domain/service-record';
import { serviceNameTextSchema } from '../domain/service-name';
import { markDuplicateArgs } from '../duplicates/duplicate-candidate';
import { answerValueSchema } from '../index/campaign';

/**
 * The intents a client queues while it works, offline or not. Each is a
 * named, versioned change the server applies under its workflow rules — not
 * a copy of rows — so an approval can name the exact revision it was made on.
 */

/** One field's change: what the client saw before (base) and what it wants (value). */
export const fieldChangeSchema = z.object({
  field: serviceFieldSchema,
  base: z.unknown(),
  value: z.unknown(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const proposeServiceNameArgs = z.object({
  serviceNameId: idSchema,
  agencyId: idSchema,
  name: serviceNameTextSchema,
  aliases: z.array(serviceNameTextSchema).max(20).default([]),
});

/** A name decision's fields; the desktop's contract takes the same ones. */
export const decideServiceNameShape = {
  serviceNameId: idSchema,
  submissionNo: z.number().int().min(1),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(4000).default(''),
};

/** A rejected name needs its reason. */
export function hasRejectionReason(args: { decision: string; reason: string }): boolean {
  return args.decision === 'approve' || args.reason.length > 0;
}
export const REJECTION_REASON_ISSUE = {
  message: 'A rejection needs a reason',
  path: ['reason'],
};

export const decideServiceNameArgs = z
  .object(decideServiceNameShape)
  .refine(hasRejectionReason, REJECTION_REASON_ISSUE);

export const createServiceArgs = z.object({
  serviceId: idSchema,
  versionId: idSchema,
  agencyId: idSchema,
  serviceNameId: idSchema,
  record: serviceRecordSchema,
});

export const saveServiceDraftArgs = z.object({
  serviceId: idSchema,
  /** Id for the new working version when the service has only published ones. */
  newVersionId: idSchema,
  changes: z
    .array(fieldChangeSchema)
    .min(1)
    .max(50)
    // One change per field: a second one would be merged against a base the
    // first has already moved, which reads as a conflict with oneself.
    .refine((changes) => new Set(changes.map((c) => c.field)).size === changes.length, {
      message: 'Each field may change at most once per save',
    }),
});

export const submitServiceArgs = z.object({ serviceId: idSchema });
export const withdrawServiceArgs = z.object({ serviceId: idSchema });

/** A service decision's fields; the desktop's contract takes the same ones. */
export const decideServiceShape = {
  serviceId: idSchema,
  versionId: idSchema,
  /** The submission the reviewer looked at; a later one makes this decision stale. */
  submissionNo: z.number().int().min(1),
  decision: z.enum(['approve', 'return']),
  remarks: z.array(remarkSchema).max(200).default([]),
};

/** A return needs at least one remark, so the agency knows what to fix. */
export function hasReturnRemarks(args: {
  decision: string;
  remarks: unknown[];
}): boolean {
  return args.decision === 'approve' || args.remarks.length > 0;
}
export const RETURN_REMARKS_ISSUE = {
  message: 'Returning a submission needs at least one remark',
  path: ['remarks'],
};

export const decideServiceArgs = z
  .object(decideServiceShape)
  .refine(hasReturnRemarks, RETURN_REMARKS_ISSUE);

/**
 * An evaluator's answer to one sub-criterion for one service in a campaign,
 * or its withdrawal (value null). Each evaluator has their own answer per
 * item, so this never touches another evaluator's.
 */
export const answerEvaluationArgs = z.object({
  /** Made by the client for a first answer; the answer's id once it is stored. */
  answerId: idSchema,
  campaignId: idSchema,
  serviceId: idSchema,
  subCriterionCode: codeSchema,
  value: answerValueSchema.nullable(),
  note: optionalText(4000),
  evidenceRef: optionalText(1000),
  /**
   * The revision of this evaluator's answer the client saw, null when it
   * had none; another revision stored makes the answer a conflict.
   */
  baseRevision: z.number().int().min(1).nullable(),
  /**
   * An earlier answer to the same item from this desktop that was already
   * on its way when this one was made, and so could not absorb it. While
   * that one is applied and nothing has changed the answer since, the base
   * is current: one desktop's own edits in a row are no conflict.
   */
  followsMutationId: idSchema.optional(),
});

const envelope = {
  mutationId: idSchema,
  /** Per-client sequence number, 1, 2, 3…; the server applies them in this order. */
  clientSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
};

export const mutationSchema = z.discriminatedUnion('name', [
  z.object({
    ...envelope,
    name: z.literal('serviceName.propose'),
    args: proposeServiceNameArgs,
  }),
  z.object({
    ...envelope,
    name: z.literal('serviceName.decide'),
    args: decideServiceNameArgs,
  }),
  z.object({ ...envelope, name: z.literal('service.create'), args: createServiceArgs }),
  z.object({
    ...envelope,
    name: z.literal('service.saveDraft'),
    args: saveServiceDraftArgs,
  }),
  z.object({ ...envelope, name: z.literal('service.submit'), args: submitServiceArgs }),
  z.object({
    ...envelope,
    name: z.literal('service.withdraw'),
    args: withdrawServiceArgs,
  }),
  z.object({ ...envelope, name: z.literal('service.decide'), args: decideServiceArgs }),
  z.object({
    ...envelope,
    name: z.literal('evaluation.answer'),
    args: answerEvaluationArgs,
  }),
  /** A reviewer's mark on a duplicate candidate (see duplicates/duplicate-candidate.ts). */
  z.object({
    ...envelope,
    name: z.literal('duplicate.mark'),
    args: markDuplicateArgs,
  }),
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type MutationName = Mutation['name'];
export type MutationArgs<N extends MutationName> = Extract<Mutation, { name: N }>['args'];
