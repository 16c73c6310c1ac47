import { z } from 'zod';
import { workflowStatusSchema } from '../workflow/state-machine';
import { idSchema, isoDateTimeSchema } from './ids';

export const serviceNameTextSchema = z.string().trim().min(3).max(500);

/**
 * A service's name, proposed by an agency and approved or rejected by
 * VXSİDA before the agency can describe the service under it.
 */
export const serviceNameSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  name: serviceNameTextSchema,
  aliases: z.array(serviceNameTextSchema).max(20),
  status: workflowStatusSchema,
  submissionNo: z.number().int().min(0),
  /** Why it was rejected or returned; empty otherwise. */
  reason: z.string(),
  revision: z.number().int().min(1),
  proposedBy: idSchema,
  proposedAt: isoDateTimeSchema,
  decidedBy: idSchema.nullable(),
  decidedAt: isoDateTimeSchema.nullable(),
});
export type ServiceName = z.infer<typeof serviceNameSchema>;
