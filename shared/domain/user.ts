import { z } from 'zod';
import { idSchema } from './ids';

export const roles = [
  'agencyStaff',
  'reviewer',
  'evaluator',
  'auditor',
  'admin',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, dot, dash and underscore');

/** Passwords: long enough to resist guessing, bounded so hashing cannot be abused. */
export const passwordSchema = z.string().min(10).max(200);

/**
 * Agency staff work for exactly one agency. A reviewer may have a home
 * agency too (VXSİDA's own staff, whose agency also provides services), so
 * the policy can keep them from deciding that agency's submissions; other
 * roles have none.
 */
export function isAgencyBindingValid(role: Role, agencyId: string | null): boolean {
  if (role === 'agencyStaff') return agencyId !== null;
  return role === 'reviewer' || agencyId === null;
}

export const AGENCY_BINDING_MESSAGE =
  'Agency staff belong to exactly one agency, a reviewer to at most one, other roles to none';

/** A user as other processes see it; never carries a password or its hash. */
export const userSchema = z
  .object({
    id: idSchema,
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(200),
    role: roleSchema,
    /** Set for agency staff only: the one agency they work for. */
    agencyId: idSchema.nullable(),
    isActive: z.boolean(),
  })
  .refine((user) => isAgencyBindingValid(user.role, user.agencyId), {
    message: AGENCY_BINDING_MESSAGE,
    path: ['agencyId'],
  });
export type User = z.infer<typeof userSchema>;
