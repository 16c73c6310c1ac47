import {
  serviceFields,
  type ServiceField,
  type ServiceRecord,
} from '../../shared/domain/service-record';
import { deepEqual } from '../../shared/sync/merge';

/**
 * The record on screen after main's draft changed from `previous` to `next`
 * (a pull applied, a conflict resolved): fields main changed are taken,
 * except those the user is editing, which keep what was typed.
 */
export function takeFieldsChangedInMain(
  onScreen: ServiceRecord,
  previous: ServiceRecord | null,
  next: ServiceRecord,
  editing: ReadonlySet<ServiceField>,
): ServiceRecord {
  const merged = { ...onScreen };
  for (const field of serviceFields) {
    const isChangedInMain = !previous || !deepEqual(previous[field], next[field]);
    if (isChangedInMain && !editing.has(field))
      Object.assign(merged, { [field]: next[field] });
  }
  return merged;
}
