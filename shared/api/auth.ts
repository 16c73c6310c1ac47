import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/ids';
import { userSchema } from '../domain/user';

export const loginRequestSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  /** Bearer token; the server keeps only its hash. */
  token: z.string(),
  expiresAt: isoDateTimeSchema,
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meResponseSchema = z.object({ user: userSchema });
