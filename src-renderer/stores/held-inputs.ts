import type { HeldInput } from '../../shared/contract/views';
import type { ServiceField, ServiceRecord } from '../../shared/domain/service-record';

/**
 * Puts the raw values main held for a service back into its record, so the
 * editor shows what the user typed rather than the last value that saved.
 * A held value whose shape differs from the field's (an object where a list
 * belongs) cannot be from this editor and is left out; the field then shows
 * its saved value.
 */
export function withHeldInputs(
  record: ServiceRecord,
  heldInputs: readonly HeldInput[],
): { record: ServiceRecord; held: Array<{ field: ServiceField; raw: unknown }> } {
  const merged: Record<string, unknown> = { ...record };
  const held: Array<{ field: ServiceField; raw: unknown }> = [];
  for (const { field, raw } of heldInputs) {
    if (!hasSameShape(record[field], raw)) continue;
    merged[field] = raw;
    held.push({ field, raw });
  }
  // Every key replaced above was checked to hold a value of its field's shape.
  return { record: merged as ServiceRecord, held };
}

function hasSameShape(saved: unknown, raw: unknown): boolean {
  if (Array.isArray(saved)) return Array.isArray(raw);
  if (saved === null || raw === null) return saved === raw || typeof saved !== 'object';
  if (typeof saved === 'object') {
    return (
      typeof raw === 'object' &&
      !Array.isArray(raw) &&
      Object.keys(saved).every((key) => key in raw)
    );
  }
  return typeof saved === typeof raw;
}
