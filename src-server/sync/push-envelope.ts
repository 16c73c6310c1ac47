import { z } from 'zod';
import { fieldErrorsFromZod } from '../../shared/errors';
import type { ErrorBody } from '../../shared/errors';
import { idSchema } from '../../shared/domain/ids';
import { mutationSchema } from '../../shared/sync/mutations';
import type { Mutation } from '../../shared/sync/mutations';
import { MAX_PUSH_BATCH, pushRequestSchema } from '../../shared/sync/protocol';
import { firstNulPath } from '../http/nul-guard';

/**
 * The batch is checked as envelopes only (id, sequence, name). Each
 * mutation's arguments are checked when its turn comes, so a malformed one
 * becomes a stored rejection instead of a 400 that would wedge the queue
 * behind it forever.
 */
const envelopeSchema = z.object({
  mutationId: idSchema,
  clientSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  name: z.string().min(1).max(64),
  args: z.unknown(),
});
export const pushEnvelopeSchema = pushRequestSchema.extend({
  mutations: z.array(envelopeSchema).min(1).max(MAX_PUSH_BATCH),
});
export type Envelope = z.infer<typeof envelopeSchema>;
export type PushEnvelope = z.infer<typeof pushEnvelopeSchema>;

/** Checks one mutation's arguments; a failure names every field at fault. */
export function parseMutation(
  envelope: Envelope,
): { mutation: Mutation } | { error: ErrorBody } {
  // No field holds a NUL, and PostgreSQL would fail the whole batch on one.
  const nulAt = firstNulPath(envelope.args, 'args');
  if (nulAt !== null) {
    return {
      error: {
        code: 'VALIDATION_FAILED',
        message: `Invalid ${envelope.name} mutation: text may not contain a NUL character`,
        fields: [{ path: nulAt, message: 'contains a NUL character' }],
      },
    };
  }
  const parsed = mutationSchema.safeParse(envelope);
  if (parsed.success) return { mutation: parsed.data };
  const fields = fieldErrorsFromZod(parsed.error);
  const onlyRemarks =
    fields.length > 0 && fields.every((field) => field.path === 'args.remarks');
  if (envelope.name === 'service.decide' && onlyRemarks) {
    return {
      error: {
        code: 'REMARKS_REQUIRED',
        message: 'Returning a submission needs remarks',
        fields,
      },
    };
  }
  return {
    error: {
      code: 'VALIDATION_FAILED',
      message: `Invalid ${envelope.name} mutation`,
      fields,
    },
  };
}
