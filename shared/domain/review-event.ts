import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';
import { remarkSchema } from './remark';

/** What happened to a version in review; each step of a service's history. */
export const reviewActions = ['submitted', 'withdrawn', 'approved', 'returned'] as const;
export const reviewActionSchema = z.enum(reviewActions);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

/**
 * One step of a version's way through review, kept by the server on the
 * version so every submission and decision stays readable after the next
 * one: who, when, on which submission, with which remarks. The actor's
 * name is copied in because the desktop holds no user directory.
 */
export const reviewEventSchema = z.object({
  action: reviewActionSchema,
  submissionNo: z.number().int().min(0),
  actorId: idSchema,
  actorName: z.string().max(200),
  at: isoDateTimeSchema,
  remarks: z.array(remarkSchema).max(200).default([]),
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;
