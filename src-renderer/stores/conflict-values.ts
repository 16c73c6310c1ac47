import type { ServiceField } from '../../shared/domain/service-record';

/** Fields whose value is plain text, edited as such rather than as JSON. */
const textFields: ReadonlySet<ServiceField> = new Set([
  'description',
  'complaintProcedure',
]);

/** A conflicting value as text the user can edit. */
export function valueAsEditableText(field: ServiceField, value: unknown): string {
  if (textFields.has(field) && typeof value === 'string') return value;
  return JSON.stringify(value ?? null, null, 2);
}

/** Reads back an edited value; structured fields are JSON. */
export function parseEditedValue(
  field: ServiceField,
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  if (textFields.has(field)) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      error: `${field}: ${error instanceof Error ? error.message : 'invalid JSON'}`,
    };
  }
}
