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
  .refine((user) => (user.role === 'agencyStaff') === (user.agencyId !== null), {
    message: 'Agency staff belong to exactly one agency; other roles to none',
    path: ['agencyId'],
  });
export type User = z.infer<typeof userSchema>;
