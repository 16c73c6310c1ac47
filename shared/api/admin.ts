import { z } from 'zod';
import { agencyGroupSchema } from '../domain/agency';
import { codeSchema, idSchema, requiredText } from '../domain/ids';
import { passwordSchema, roleSchema, usernameSchema } from '../domain/user';

export const createUserRequestSchema = z
  .object({
    username: usernameSchema,
    displayName: requiredText(200),
    password: passwordSchema,
    role: roleSchema,
    agencyId: idSchema.nullable().default(null),
  })
  .refine((user) => (user.role === 'agencyStaff') === (user.agencyId !== null), {
    message: 'Agency staff belong to exactly one agency; other roles to none',
    path: ['agencyId'],
  });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.object({
  displayName: requiredText(200).optional(),
  password: passwordSchema.optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const upsertAgencyRequestSchema = z.object({
  id: idSchema,
  code: codeSchema,
  group: agencyGroupSchema,
  nameAz: requiredText(300),
  nameEn: requiredText(300),
  isActive: z.boolean().default(true),
});
export type UpsertAgencyRequest = z.infer<typeof upsertAgencyRequestSchema>;
