import type { FieldError } from '../../shared/errors';
import { fieldErrorsFromZod } from '../../shared/errors';
import {
  serviceRecordSchema,
  type ServiceField,
  type ServiceRecord,
} from '../../shared/domain/service-record';
import { submissionProblems } from '../../shared/domain/submission-rules';

/** The top-level record field a dotted error path belongs to ("fee.amountQepik" → "fee"). */
export function topField(path: string): string {
  const dot = path.indexOf('.');
  return dot === -1 ? path : path.slice(0, dot);
}

/**
 * Checks a record as typed: the schema's type and size rules (what main
 * would refuse to save) and the submission rules (what it lacks before it
 * can be submitted), both from shared/ so the editor and main agree.
 */
export function validateRecord(
  record: ServiceRecord,
  knownCategories: ReadonlySet<string>,
): { schemaErrors: FieldError[]; problems: FieldError[] } {
  const parsed = serviceRecordSchema.safeParse(record);
  const schemaErrors = parsed.success ? [] : fieldErrorsFromZod(parsed.error);
  // Submission rules read trimmed values; fall back to the raw record when
  // some field is malformed, whose own error is already listed.
  const problems = submissionProblems(
    parsed.success ? parsed.data : record,
    knownCategories,
  );
  return { schemaErrors, problems };
}

/**
 * Splits the changed fields into those main will accept as a draft and those
 * it would refuse (malformed e-mail, text too long), which stay local until
 * fixed.
 */
export function partitionForSave(
  record: ServiceRecord,
  fields: Iterable<ServiceField>,
): { values: Partial<ServiceRecord>; invalid: ServiceField[] } {
  const values: Record<string, unknown> = {};
  const invalid: ServiceField[] = [];
  for (const field of fields) {
    if (serviceRecordSchema.shape[field].safeParse(record[field]).success) {
      values[field] = record[field];
    } else {
      invalid.push(field);
    }
  }
  return { values, invalid };
}
