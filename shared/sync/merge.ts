import type { FieldChange } from './mutations';
import type { FieldConflict } from './results';

/**
 * Three-way merge of one draft save, field by field, against the base the
 * client saw. A field nobody else touched takes the client's value; a field
 * someone else changed to the same value is already merged; a field both
 * sides changed differently is a conflict for a person to resolve.
 */
export interface MergeOutcome<F extends string> {
  /** Fields to write, with the client's value. */
  apply: Array<{ field: F; value: unknown }>;
  conflicts: FieldConflict[];
}

export function mergeFieldChanges<F extends string>(
  current: Readonly<Record<F, unknown>>,
  changes: readonly (FieldChange & { field: F })[],
): MergeOutcome<F> {
  const outcome: MergeOutcome<F> = { apply: [], conflicts: [] };
  for (const change of changes) {
    const theirs = current[change.field];
    if (deepEqual(theirs, change.value)) continue;
    if (deepEqual(theirs, change.base)) {
      outcome.apply.push({ field: change.field, value: change.value });
      continue;
    }
    outcome.conflicts.push({
      field: change.field,
      base: change.base,
      theirs,
      mine: change.value,
    });
  }
  return outcome;
}

/** Structural equality for JSON values; key order does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord).filter((key) => aRecord[key] !== undefined);
  const bKeys = Object.keys(bRecord).filter((key) => bRecord[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => deepEqual(aRecord[key], bRecord[key]));
}
