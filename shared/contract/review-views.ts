import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '../domain/ids';
import { remarkSchema } from '../domain/remark';
import { reviewActions } from '../domain/review-event';
import { serviceVersionSchema } from '../domain/service';
import { serviceNameSchema } from '../domain/service-name';
import { errorBodySchema } from '../errors';
import type { RecordDiff } from '../review/record-diff';
import {
  decideServiceNameShape,
  decideServiceShape,
  hasRejectionReason,
  hasReturnRemarks,
  REJECTION_REASON_ISSUE,
  RETURN_REMARKS_ISSUE,
} from '../sync/mutations';

/** Read models of the reviewer's desk, and what its calls take. */

/** What a queue item asks VXSİDA to decide. */
export const reviewKinds = ['newService', 'serviceChange', 'serviceName'] as const;
export const reviewKindSchema = z.enum(reviewKinds);
export type ReviewKind = z.infer<typeof reviewKindSchema>;

export const reviewQueueQuerySchema = z.object({
  agencyId: idSchema.nullable().default(null),
  category: z.string().max(64).nullable().default(null),
  kind: reviewKindSchema.nullable().default(null),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

/**
 * Where this desktop's own decision on an item stands: none yet, queued in
 * the outbox, accepted by the server but not yet pulled back, or refused.
 */
export const decisionStates = [
  'none',
  'pending',
  'sent',
  'conflict',
  'rejected',
] as const;
export const decisionStateSchema = z.enum(decisionStates);
export type DecisionState = z.infer<typeof decisionStateSchema>;

/** Where a submission stands against VXSİDA's limit of working days. */
export const reviewClockSchema = z.object({
  submittedAt: isoDateTimeSchema,
  /** The last Baku date (yyyy-mm-dd) on which the review is on time. */
  deadline: z.string(),
  workingDaysWaited: z.number().int().min(0),
  workingDaysLeft: z.number().int().min(0),
  isOverdue: z.boolean(),
  /** False when the holiday calendar does not cover every day counted. */
  isCalendarComplete: z.boolean(),
});
export type ReviewClock = z.infer<typeof reviewClockSchema>;

export const reviewQueueItemSchema = z.object({
  kind: reviewKindSchema,
  /** The service's or the service name's id. */
  id: idSchema,
  label: z.string(),
  registryCode: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  categories: z.array(z.string()),
  /** Which submission of the item this is: 2 and more are resubmissions. */
  submissionNo: z.number().int().min(0),
  clock: reviewClockSchema,
  decisionState: decisionStateSchema,
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

export const reviewQueueSchema = z.object({
  total: z.number().int().min(0),
  rows: z.array(reviewQueueItemSchema),
});
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

/** A reviewer's decision on one service submission: the intent's own fields. */
export const decideServiceInputSchema = z
  .object(decideServiceShape)
  .strict()
  .refine(hasReturnRemarks, RETURN_REMARKS_ISSUE);

/** A reviewer's decision on one proposed service name. */
export const decideServiceNameInputSchema = z
  .object(decideServiceNameShape)
  .strict()
  .refine(hasRejectionReason, REJECTION_REASON_ISSUE);

/** One step of a service's history, across all its versions. */
export const historyEntrySchema = z.object({
  versionId: idSchema,
  versionNumber: z.number().int().min(1),
  action: z.enum(['created', ...reviewActions]),
  submissionNo: z.number().int().min(0),
  at: isoDateTimeSchema,
  /** Empty when the server did not record a name (steps before names were kept). */
  actorName: z.string(),
  remarks: z.array(remarkSchema),
  /** The version is the one published now. */
  isPublished: z.boolean(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The decision this desktop holds on the item now in review. */
export const ownDecisionSchema = z.object({
  state: decisionStateSchema,
  /** The outbox entry, for an entry the reviewer can act on (a stale decision). */
  entryId: z.number().int().nullable(),
});

/** Everything the review view shows for one service. */
export const serviceReviewSchema = z.object({
  serviceId: idSchema,
  registryCode: z.string(),
  label: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  /** The version in review; null when nothing is submitted now. */
  submitted: serviceVersionSchema.nullable(),
  /** The last approved version: what the submission would replace. */
  published: serviceVersionSchema.nullable(),
  /** Field by field, submitted against published; null when nothing is submitted. */
  diff: z.custom<RecordDiff>().nullable(),
  clock: reviewClockSchema.nullable(),
  decision: ownDecisionSchema,
  /** Why this user cannot decide it now, or null when they can. */
  refusal: errorBodySchema.nullable(),
});
export type ServiceReview = z.infer<typeof serviceReviewSchema>;

/** An existing name a proposal resembles. */
export const similarNameSchema = z.object({
  id: idSchema,
  name: z.string(),
  agencyName: z.string(),
  /** 0 to 1. */
  score: z.number(),
  reason: z.string(),
});
export type SimilarName = z.infer<typeof similarNameSchema>;

/** Everything the review view shows for one proposed service name. */
export const serviceNameReviewSchema = z.object({
  serviceName: serviceNameSchema,
  agencyName: z.string(),
  clock: reviewClockSchema.nullable(),
  decision: ownDecisionSchema,
  refusal: errorBodySchema.nullable(),
  /** Approved or proposed names that look like this one, closest first. */
  similar: z.array(similarNameSchema),
});
export type ServiceNameReview = z.infer<typeof serviceNameReviewSchema>;
