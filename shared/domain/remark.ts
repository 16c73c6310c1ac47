import { z } from 'zod';
import { requiredText } from './ids';

/** A reviewer's remark, tied to the field of the record it is about. */
export const remarkSchema = z.object({
  field: z.string().trim().min(1).max(200),
  text: requiredText(4000),
});
export type Remark = z.infer<typeof remarkSchema>;
