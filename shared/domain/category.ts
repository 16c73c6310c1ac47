import { z } from 'zod';
import { codeSchema, requiredText } from './ids';

/** A service area of the registry; a service belongs to one or more. */
export const categorySchema = z.object({
  code: codeSchema,
  nameAz: requiredText(200),
  nameEn: requiredText(200),
  nameRu: requiredText(200),
  sortOrder: z.number().int().min(0),
});
export type Category = z.infer<typeof categorySchema>;
