import { z } from 'zod';

/** Entity ids are UUIDs so that offline clients can create rows without a round trip. */
export const idSchema = z.uuid();
export type Id = z.infer<typeof idSchema>;

/** Short stable codes for reference data ("economy", "mlspp"). */
export const codeSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

/** Free text typed by a person: trimmed, never empty when required. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).default('');

export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
