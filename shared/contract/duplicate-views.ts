import { z } from 'zod';
import { idSchema } from '../domain/ids';
import { timeUnits } from '../domain/service-record';
import {
  duplicateCandidateSchema,
  duplicateMarkKindSchema,
  duplicateReasonSchema,
  markDuplicateShape,
} from '../duplicates/duplicate-candidate';
import { errorBodySchema } from '../errors';

/** What the desktop shows of duplicate candidates and similar services. */

/** One side of a pair: the fields a reviewer compares side by side. */
export const duplicateSideSchema = z.object({
  serviceId: idSchema,
  registryCode: z.string(),
  name: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  /** The version compared: the one in review, else the published one. */
  status: z.string(),
  resultName: z.string(),
  legalActs: z.array(z.string()),
  documents: z.array(z.string()),
  /** Null when the record gives no time. */
  processingTime: z.object({ value: z.number(), unit: z.enum(timeUnits) }).nullable(),
  description: z.string(),
});
export type DuplicateSide = z.infer<typeof duplicateSideSchema>;

/** This desktop's own mark on a pair while the server has not confirmed it. */
export const ownMarkSchema = z.object({
  entryId: z.number().int(),
  state: z.enum(['pending', 'sending', 'applied', 'rejected', 'conflict']),
  kind: duplicateMarkKindSchema,
  note: z.string(),
  /** Why the server refused it (rejected), or why it is stale (conflict). */
  error: errorBodySchema.nullable(),
  conflictMessage: z.string().nullable(),
});
export type OwnMark = z.infer<typeof ownMarkSchema>;

export const duplicateCandidateViewSchema = z.object({
  candidate: duplicateCandidateSchema,
  /** Null when the service is not on this computer. */
  a: duplicateSideSchema.nullable(),
  b: duplicateSideSchema.nullable(),
  ownMark: ownMarkSchema.nullable(),
});
export type DuplicateCandidateView = z.infer<typeof duplicateCandidateViewSchema>;

/** A reviewer's mark: the intent's own fields. */
export const markDuplicateInputSchema = z.object(markDuplicateShape).strict();

/** An existing service that a service being edited or reviewed looks like. */
export const similarServiceSchema = z.object({
  serviceId: idSchema,
  registryCode: z.string(),
  name: z.string(),
  agencyName: z.string(),
  /** 0 to 1. */
  score: z.number(),
  reasons: z.array(duplicateReasonSchema),
});
export type SimilarService = z.infer<typeof similarServiceSchema>;

export const similarServicesSchema = z.object({
  /**
   * False while the index of this computer's services is still being
   * built in the background: ask again shortly.
   */
  isReady: z.boolean(),
  similar: z.array(similarServiceSchema),
});
export type SimilarServices = z.infer<typeof similarServicesSchema>;
