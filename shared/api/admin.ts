import { z } from 'zod';
import { agencySchema } from '../domain/agency';
import { idSchema, requiredText } from '../domain/ids';
import {
  AGENCY_BINDING_MESSAGE,
  isAgencyBindingValid,
  passwordSchema,
  roleSchema,
  usernameSchema,
} from '../domain/user';

export const createUserRequestSchema = z
  .object({
    username: usernameSchema,
    displayName: requiredText(200),
    password: passwordSchema,
    role: roleSchema,
    agencyId: idSchema.nullable().default(null),
  })
  .refine((user) => isAgencyBindingValid(user.role, user.agencyId), {
    message: AGENCY_BINDING_MESSAGE,
    path: ['agencyId'],
  });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.object({
  displayName: requiredText(200).optional(),
  password: passwordSchema.optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** An administrator writes an agency whole, in the same shape everyone reads it. */
export const upsertAgencyRequestSchema = agencySchema;
export type UpsertAgencyRequest = z.infer<typeof upsertAgencyRequestSchema>;
