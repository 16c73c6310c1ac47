import { z } from 'zod';
import { codeSchema, idSchema, requiredText } from './ids';

/** The groups the ASAN service index ranks providers in. */
export const agencyGroups = [
  'centralExecutive',
  'localExecutive',
  'legalEntity',
  'other',
] as const;
export const agencyGroupSchema = z.enum(agencyGroups);
export type AgencyGroup = z.infer<typeof agencyGroupSchema>;

/** A state body or state company that provides services (qurum). */
export const agencySchema = z.object({
  id: idSchema,
  code: codeSchema,
  group: agencyGroupSchema,
  nameAz: requiredText(300),
  nameEn: requiredText(300),
  isActive: z.boolean().default(true),
});
export type Agency = z.infer<typeof agencySchema>;
