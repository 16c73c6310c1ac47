import { z } from 'zod';
import { auditEventSchema } from '../domain/audit';

/**
 * The largest event id: audit_events counts in 32-bit integers, and
 * PostgreSQL refuses a larger number compared with one rather than finding
 * nothing, which answered 500.
 */
export const MAX_AUDIT_EVENT_ID = 2_147_483_647;

/** GET /api/v1/audit?after=&limit= — events with id > after, oldest first. */
export const auditQuerySchema = z.object({
  after: z.coerce.number().int().min(0).max(MAX_AUDIT_EVENT_ID).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditResponseSchema = z.object({
  events: z.array(auditEventSchema),
  /** Pass as `after` to read on; equal to the request's `after` when nothing is new. */
  nextAfter: z.number().int().min(0),
});
export type AuditResponse = z.infer<typeof auditResponseSchema>;
