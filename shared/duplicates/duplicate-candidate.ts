import { z } from 'zod';
import { idSchema, isoDateTimeSchema, optionalText } from '../domain/ids';

/**
 * A pair of services the server found alike, as reviewers pull it, with
 * the reviewer's mark once one is made. Agency staff receive a pair only
 * while it is marked as a merge proposal to them.
 */

export const duplicateReasonSchema = z.enum([
  'SAME_NAME',
  'SIMILAR_NAME',
  'SAME_RESULT',
  'SAME_LEGAL_BASIS',
  'SHARED_DOCUMENTS',
]);

/** What a reviewer concluded about a pair. */
export const duplicateMarkKinds = ['duplicate', 'notDuplicate', 'mergeProposal'] as const;
export const duplicateMarkKindSchema = z.enum(duplicateMarkKinds);
export type DuplicateMarkKind = z.infer<typeof duplicateMarkKindSchema>;

export const duplicateMarkSchema = z.object({
  kind: duplicateMarkKindSchema,
  note: z.string(),
  markedBy: idSchema,
  markedByName: z.string(),
  markedAt: isoDateTimeSchema,
});
export type DuplicateMark = z.infer<typeof duplicateMarkSchema>;

const part = z.number().min(0).max(1);

export const duplicateCandidateSchema = z.object({
  id: idSchema,
  /** The pair in id order, so a pair has one id whichever side was found first. */
  aServiceId: idSchema,
  bServiceId: idSchema,
  aAgencyId: idSchema,
  bAgencyId: idSchema,
  score: part,
  reasons: z.array(duplicateReasonSchema),
  parts: z.object({
    name: part,
    result: part.nullable(),
    legalBasis: part.nullable(),
    documents: part.nullable(),
  }),
  /** Bumped on every mark and every change of score or reasons; a mark names the one it saw. */
  revision: z.number().int().min(1),
  detectedAt: isoDateTimeSchema,
  mark: duplicateMarkSchema.nullable(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/** A reviewer's mark on a pair; the desktop's contract takes the same fields. */
export const markDuplicateShape = {
  candidateId: idSchema,
  kind: duplicateMarkKindSchema,
  note: optionalText(2000),
  /** The candidate's revision the reviewer looked at; another makes the mark stale. */
  baseRevision: z.number().int().min(1),
};
export const markDuplicateArgs = z.object(markDuplicateShape);
