import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';

export const auditActions = [
  'auth.login',
  'auth.loginFailed',
  'auth.logout',
  'serviceName.propose',
  'serviceName.submit',
  'serviceName.approve',
  'serviceName.reject',
  'serviceName.return',
  'service.create',
  'service.edit',
  'service.submit',
  'service.withdraw',
  'service.approve',
  'service.return',
  'service.purge',
  'agency.upsert',
  'methodology.create',
  'methodology.update',
  'methodology.freeze',
  'campaign.create',
  'campaign.update',
  'campaign.setStatus',
  'publishedResults.import',
  'answer.save',
  'answer.withdraw',
  'duplicate.mark',
  'user.create',
  'user.update',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One entry of the server's audit log: who did what to which record, when. */
export const auditEventSchema = z.object({
  id: z.number().int().min(1),
  at: isoDateTimeSchema,
  actorId: idSchema.nullable(),
  action: auditActionSchema,
  entityType: z.string(),
  entityId: z.string(),
  /** The mutation that caused it, when it came through sync. */
  mutationId: idSchema.nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
