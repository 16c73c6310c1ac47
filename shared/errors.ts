import { z } from 'zod';

/**
 * Reason codes a program can switch on. The same codes travel in server
 * responses, sync results and renderer↔main contract errors.
 */
export const reasonCodes = [
  'VALIDATION_FAILED',
  'BODY_TOO_LARGE',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'PROTOCOL_UNSUPPORTED',
  'ILLEGAL_TRANSITION',
  'REMARKS_REQUIRED',
  'ALREADY_EXISTS',
  'STALE_DECISION',
  'FIELD_CONFLICT',
  /** Another desktop of the same evaluator changed this answer since the one sent saw it. */
  'ANSWER_CONFLICT',
  'OWN_AGENCY_DECISION',
  /** This desktop already holds a decision on the submission, not yet answered. */
  'DECISION_PENDING',
  'NAME_NOT_APPROVED',
  /** The methodology version already has answers; a change makes the next version. */
  'METHODOLOGY_FROZEN',
  'SEQUENCE_GAP',
  'CLIENT_OWNED_BY_OTHER_USER',
  'RESYNC_REQUIRED',
  /** The desktop could not reach the central server (no network, wrong address, timeout). */
  'SERVER_UNREACHABLE',
  /** A channel file of the update feed lists installers that are missing or differ from it. */
  'UPDATE_FEED_INVALID',
  /** The server has no first-sync snapshot ready for this user's scope; pull the feed. */
  'SNAPSHOT_NOT_READY',
  /** Local changes wait to be sent; the action would take them away from their server. */
  'OUTBOX_NOT_EMPTY',
  /** A file given as a backup is not one: not SQLite, damaged, or another program's. */
  'BACKUP_INVALID',
  /** A backup written by a newer version of the app than this one. */
  'BACKUP_TOO_NEW',
  /** The action replaces or discards something and the user has not confirmed it. */
  'CONFIRMATION_REQUIRED',
  'INTERNAL',
] as const;

export const reasonCodeSchema = z.enum(reasonCodes);
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

/** One field at fault: a dotted path into the payload and what is wrong with it. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The error shape used by every boundary: server responses and the desktop contract. */
export const errorBodySchema = z.object({
  code: reasonCodeSchema,
  message: z.string(),
  fields: z.array(fieldErrorSchema).default([]),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const errorResponseSchema = z.object({ error: errorBodySchema });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** A refusal by a domain rule; carries a reason code and the fields at fault. */
export class DomainError extends Error {
  readonly code: ReasonCode;
  readonly fields: FieldError[];

  constructor(code: ReasonCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, fields: this.fields };
  }
}

/** Turns zod issues into field errors with dotted paths ("fee.amountQepik"). */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Parses or throws a VALIDATION_FAILED DomainError naming every field at fault. */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError(
    'VALIDATION_FAILED',
    `Invalid ${what}`,
    fieldErrorsFromZod(result.error),
  );
}

/** Checks an invariant; a failure is a programming error, not user input. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}
