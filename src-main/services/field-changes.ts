import { serviceFields } from '../../shared/domain/service-record';
import type { ServiceField, ServiceRecord } from '../../shared/domain/service-record';
import { deepEqual } from '../../shared/sync/merge';
import type { FieldChange } from '../../shared/sync/mutations';

/** A field change with its field typed as a record field. */
export type ServiceFieldChange = FieldChange & { field: ServiceField };

/** The changes from one record to another, field by field, with the old value as base. */
export function diffRecords(
  before: ServiceRecord,
  after: ServiceRecord,
): ServiceFieldChange[] {
  return serviceFields
    .filter((field) => !deepEqual(before[field], after[field]))
    .map((field) => ({ field, base: before[field], value: after[field] }));
}

/**
 * Folds newer changes into an unsent entry's changes: each field keeps the
 * earliest base (what the server last showed) and takes the newest value; a
 * field that came back to its base is no change at all.
 */
export function coalesceChanges(
  older: readonly ServiceFieldChange[],
  newer: readonly ServiceFieldChange[],
): ServiceFieldChange[] {
  const byField = new Map<ServiceField, ServiceFieldChange>();
  for (const change of older) byField.set(change.field, change);
  for (const change of newer) {
    const earlier = byField.get(change.field);
    byField.set(change.field, { ...change, base: earlier ? earlier.base : change.base });
  }
  return [...byField.values()].filter((change) => !deepEqual(change.base, change.value));
}
