import { z } from 'zod';
import { agencySchema } from '../domain/agency';
import { categorySchema } from '../domain/category';
import { idSchema } from '../domain/ids';
import { serviceSchema } from '../domain/service';
import { duplicateCandidateSchema } from '../duplicates/duplicate-candidate';
import { serviceNameSchema } from '../domain/service-name';
import {
  campaignSchema,
  evaluationAnswerSchema,
  publishedResultSchema,
} from '../index/campaign';
import { methodologySchema } from '../index/methodology';
import { mutationSchema } from './mutations';
import { mutationResultSchema } from './results';

/**
 * The client↔server sync protocol: push an ordered batch of mutations,
 * pull the change feed after a cursor. Both carry the protocol and schema
 * versions; a client outside the server's window is told to update.
 */
export const PROTOCOL_VERSION = 1;
export const SCHEMA_VERSION = 1;
/** The oldest protocol version this build still serves. */
export const MIN_PROTOCOL_VERSION = 1;

export const MAX_PUSH_BATCH = 500;
export const MAX_PULL_PAGE = 5000;
export const DEFAULT_PULL_PAGE = 1000;

const versions = {
  protocolVersion: z.number().int().min(0),
  schemaVersion: z.number().int().min(0),
};

export const pushRequestSchema = z.object({
  ...versions,
  clientId: idSchema,
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** Results for the mutations processed, in order (repeats included). */
  results: z.array(mutationResultSchema),
  /** The highest client sequence number the server has processed for this client. */
  lastProcessedSeq: z.number().int().min(0),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** An opaque position in the change feed; null asks for everything. */
export const cursorSchema = z
  .string()
  .regex(/^v1:\d{1,16}$/, 'a cursor from an earlier pull')
  .refine(
    (cursor) => Number.isSafeInteger(Number(cursor.slice(3))),
    'cursor out of range',
  )
  .nullable();

export const pullRequestSchema = z.object({
  ...versions,
  clientId: idSchema,
  cursor: cursorSchema,
  limit: z.number().int().min(1).max(MAX_PULL_PAGE).default(DEFAULT_PULL_PAGE),
  /**
   * Whether the server counts the feed entries left after this page. The
   * count costs a scan of the rest of the feed, so a client asks for it on
   * the first page of a pull and counts down itself; without it a full pull
   * would be quadratic in the size of the feed. Absent means true, so
   * clients that predate it still get the count.
   */
  countRemaining: z.boolean().optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/**
 * One entity in its current state as this user may see it, or its removal.
 * A plain union: `entity` repeats between a put and a remove, which zod's
 * discriminated union refuses at parse time.
 */
export const entityChangeSchema = z.union([
  z.object({ entity: z.literal('agency'), op: z.literal('put'), data: agencySchema }),
  z.object({ entity: z.literal('category'), op: z.literal('put'), data: categorySchema }),
  z.object({
    entity: z.literal('serviceName'),
    op: z.literal('put'),
    data: serviceNameSchema,
  }),
  z.object({ entity: z.literal('service'), op: z.literal('put'), data: serviceSchema }),
  z.object({
    entity: z.literal('methodology'),
    op: z.literal('put'),
    data: methodologySchema,
  }),
  z.object({ entity: z.literal('campaign'), op: z.literal('put'), data: campaignSchema }),
  /** One evaluator's answer; never sent to agency staff. */
  z.object({
    entity: z.literal('answer'),
    op: z.literal('put'),
    data: evaluationAnswerSchema,
  }),
  z.object({
    entity: z.literal('publishedResult'),
    op: z.literal('put'),
    data: publishedResultSchema,
  }),
  /**
   * Two services that look like one: to reviewers, auditors and
   * administrators; to agency staff only while marked as a merge proposal
   * to their agency.
   */
  z.object({
    entity: z.literal('duplicateCandidate'),
    op: z.literal('put'),
    data: duplicateCandidateSchema,
  }),
  z.object({
    entity: z.enum([
      'agency',
      'category',
      'serviceName',
      'service',
      'methodology',
      'campaign',
      'answer',
      'publishedResult',
      'duplicateCandidate',
    ]),
    op: z.literal('remove'),
    /** Removed, or no longer visible to this user. */
    id: z.string(),
  }),
]);
export type EntityChange = z.infer<typeof entityChangeSchema>;
export type EntityKind = EntityChange['entity'];

export const pullResponseSchema = z.object({
  /**
   * True when the client's cursor is older than the server keeps removals
   * for: the client drops its synced rows (never its pending edits) and
   * pulls again from a null cursor.
   */
  resyncRequired: z.boolean(),
  changes: z.array(entityChangeSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
  /**
   * Feed entries still to receive after this page, for progress; null when
   * the request did not ask for the count (countRemaining: false).
   */
  remaining: z.number().int().min(0).nullable(),
  /** What the server has processed of this client's mutations. */
  lastProcessedSeq: z.number().int().min(0),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export function encodeCursor(position: number): string {
  return `v1:${position}`;
}

export function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  return Number(cursor.slice(3));
}
