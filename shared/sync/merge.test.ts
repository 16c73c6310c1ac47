import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceFields, type ServiceField } from '../domain/service-record';
import { deepEqual, mergeFieldChanges, type MergeOutcome } from './merge';
import type { FieldChange } from './mutations';

type Current = Record<ServiceField, unknown>;

/** What the server holds now: someone else already changed the fee. */
function serverRecord(): Current {
  return {
    ...(Object.fromEntries(serviceFields.map((field) => [field, null])) as Current),
    description: 'Pensiya təyinatı',
    categories: ['social'],
    fee: { isFree: false, amountQepik: 500, paymentMethods: ['card'] },
    electronificationDegree: 40,
  };
}

function applyOutcome(current: Current, outcome: MergeOutcome<ServiceField>): Current {
  const next = { ...current };
  for (const { field, value } of outcome.apply) next[field] = value;
  return next;
}

describe('mergeFieldChanges', () => {
  it('takes my value for a field nobody else touched since my base', () => {
    const outcome = mergeFieldChanges(serverRecord(), [
      { field: 'description', base: 'Pensiya təyinatı', value: 'Əmək pensiyası' },
    ]);
    expect(outcome).toEqual({
      apply: [{ field: 'description', value: 'Əmək pensiyası' }],
      conflicts: [],
    });
  });

  it('does nothing for a field the server already holds my value in', () => {
    const outcome = mergeFieldChanges(serverRecord(), [
      { field: 'categories', base: [], value: ['social'] },
    ]);
    expect(outcome).toEqual({ apply: [], conflicts: [] });
  });

  it('compares structured values by content, not identity', () => {
    const outcome = mergeFieldChanges(serverRecord(), [
      {
        field: 'fee',
        base: { isFree: true },
        value: { paymentMethods: ['card'], amountQepik: 500, isFree: false },
      },
    ]);
    expect(outcome).toEqual({ apply: [], conflicts: [] });
  });

  it('reports a conflict with base, theirs and mine when both sides changed a field differently', () => {
    const mine = { isFree: false, amountQepik: 700, paymentMethods: ['card'] };
    const outcome = mergeFieldChanges(serverRecord(), [
      { field: 'fee', base: { isFree: true, amountQepik: null }, value: mine },
    ]);
    expect(outcome).toEqual({
      apply: [],
      conflicts: [
        {
          field: 'fee',
          base: { isFree: true, amountQepik: null },
          theirs: { isFree: false, amountQepik: 500, paymentMethods: ['card'] },
          mine,
        },
      ],
    });
  });

  it('settles each field of a mixed batch on its own, keeping the batch order', () => {
    const outcome = mergeFieldChanges(serverRecord(), [
      { field: 'description', base: 'Pensiya təyinatı', value: 'Yeni təsvir' },
      { field: 'electronificationDegree', base: 0, value: 60 },
      { field: 'categories', base: [], value: ['social'] },
      { field: 'kind', base: null, value: 'benefit' },
    ]);
    expect(outcome.apply).toEqual([
      { field: 'description', value: 'Yeni təsvir' },
      { field: 'kind', value: 'benefit' },
    ]);
    expect(outcome.conflicts).toEqual([
      { field: 'electronificationDegree', base: 0, theirs: 40, mine: 60 },
    ]);
  });

  it('returns nothing for an empty batch', () => {
    expect(mergeFieldChanges(serverRecord(), [])).toEqual({ apply: [], conflicts: [] });
  });
});

describe('deepEqual', () => {
  it.each<[string, unknown, unknown]>([
    ['the same primitive', 'Bakı', 'Bakı'],
    ['nulls', null, null],
    [
      'nested objects with the same content',
      { a: { b: [1, { c: 2 }] } },
      { a: { b: [1, { c: 2 }] } },
    ],
    [
      'objects whose keys come in another order',
      { a: 1, b: { x: 1, y: 2 } },
      { b: { y: 2, x: 1 }, a: 1 },
    ],
    [
      'an object with an undefined key and one without it',
      { a: 1, b: undefined },
      { a: 1 },
    ],
    ['empty arrays', [], []],
  ])('treats %s as equal', (_what, a, b) => {
    expect(deepEqual(a, b)).toBe(true);
    expect(deepEqual(b, a)).toBe(true);
  });

  it.each<[string, unknown, unknown]>([
    ['a number and its string', 1, '1'],
    ['null and undefined', null, undefined],
    ['null and an empty object', null, {}],
    ['an empty array and an empty object', [], {}],
    ['an array and an object with index keys', ['a'], { 0: 'a' }],
    ['arrays in another order', [1, 2], [2, 1]],
    ['arrays of different length', [1, 2], [1, 2, 3]],
    [
      'nested objects differing deep down',
      { a: { b: [1, { c: 2 }] } },
      { a: { b: [1, { c: 3 }] } },
    ],
    ['objects with different keys of the same count', { a: 1 }, { b: 1 }],
    ['an object with an extra key', { a: 1 }, { a: 1, b: 2 }],
    ['an undefined key and a null one', { a: undefined }, { a: null }],
    ['false and 0', false, 0],
    ['an empty string and null', '', null],
  ])('treats %s as different', (_what, a, b) => {
    expect(deepEqual(a, b)).toBe(false);
    expect(deepEqual(b, a)).toBe(false);
  });

  it('finds any JSON value equal to its copy with every object key order reversed', () => {
    const reorder = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reorder);
      if (value !== null && typeof value === 'object') {
        return Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([key, item]) => [key, reorder(item)]),
        );
      }
      return value;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(deepEqual(value, reorder(value))).toBe(true);
      }),
    );
  });

  it('agrees with comparing canonical JSON for any two JSON values', () => {
    const canonical = (value: unknown): string =>
      JSON.stringify(value, (_key, item: unknown) =>
        item !== null && typeof item === 'object' && !Array.isArray(item)
          ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))
          : item,
      );
    const small = fc.jsonValue({ maxDepth: 2 });
    fc.assert(
      fc.property(small, small, (a, b) => {
        expect(deepEqual(a, b)).toBe(canonical(a) === canonical(b));
      }),
    );
  });
});

/** A value that is sometimes the one the server holds, so every merge path is exercised. */
const SAME = Symbol('same as current');
const jsonish = fc.jsonValue({ maxDepth: 2 });
const currentArbitrary = fc.record(
  Object.fromEntries(serviceFields.map((field) => [field, jsonish])) as Record<
    ServiceField,
    fc.Arbitrary<unknown>
  >,
);
const changeSpecs = fc.uniqueArray(
  fc.record({
    field: fc.constantFrom(...serviceFields),
    base: fc.oneof(fc.constant(SAME), jsonish),
    value: fc.oneof(fc.constant(SAME), jsonish),
  }),
  // A save carries each field once: the editor sends a field's latest value.
  { selector: (spec) => spec.field, maxLength: serviceFields.length },
);

function materialise(
  current: Current,
  specs: ReadonlyArray<{ field: ServiceField; base: unknown; value: unknown }>,
): Array<FieldChange & { field: ServiceField }> {
  const resolve = (item: unknown, field: ServiceField) =>
    item === SAME ? structuredClone(current[field]) : item;
  return specs.map((spec) => ({
    field: spec.field,
    base: resolve(spec.base, spec.field),
    value: resolve(spec.value, spec.field),
  }));
}

describe('mergeFieldChanges, for any record and any save', () => {
  it('is idempotent: re-merging after applying changes nothing and raises no new conflict', () => {
    fc.assert(
      fc.property(currentArbitrary, changeSpecs, (current, specs) => {
        const changes = materialise(current, specs);
        const first = mergeFieldChanges(current, changes);
        const merged = applyOutcome(current, first);
        const second = mergeFieldChanges(merged, changes);

        expect(second.apply).toEqual([]);
        // Conflicts stay open for a person; merging again must not add or alter any.
        expect(second.conflicts).toEqual(first.conflicts);
        if (first.conflicts.length === 0) expect(second.conflicts).toEqual([]);
      }),
    );
  });

  it('never raises a conflict when every base is what the server holds, and ends at my values', () => {
    fc.assert(
      fc.property(currentArbitrary, changeSpecs, (current, specs) => {
        const changes = materialise(
          current,
          specs.map((spec) => ({ ...spec, base: SAME })),
        );
        const outcome = mergeFieldChanges(current, changes);
        const merged = applyOutcome(current, outcome);

        expect(outcome.conflicts).toEqual([]);
        for (const change of changes) {
          expect(deepEqual(merged[change.field], change.value)).toBe(true);
        }
        expect(mergeFieldChanges(merged, changes)).toEqual({ apply: [], conflicts: [] });
      }),
    );
  });

  it('never touches a field the save does not mention', () => {
    fc.assert(
      fc.property(currentArbitrary, changeSpecs, (current, specs) => {
        const changes = materialise(current, specs);
        const mentioned = new Set(changes.map((change) => change.field));
        const outcome = mergeFieldChanges(current, changes);
        const merged = applyOutcome(current, outcome);

        for (const { field } of [...outcome.apply, ...outcome.conflicts]) {
          expect(mentioned.has(field)).toBe(true);
        }
        for (const field of serviceFields) {
          if (!mentioned.has(field)) expect(merged[field]).toBe(current[field]);
        }
      }),
    );
  });

  it('sorts every change into exactly one of: already merged, applied, conflict', () => {
    fc.assert(
      fc.property(currentArbitrary, changeSpecs, (current, specs) => {
        const changes = materialise(current, specs);
        const outcome = mergeFieldChanges(current, changes);
        for (const change of changes) {
          const theirs = current[change.field];
          const applied = outcome.apply.filter((item) => item.field === change.field);
          const conflicts = outcome.conflicts.filter(
            (item) => item.field === change.field,
          );
          if (deepEqual(theirs, change.value)) {
            expect([applied, conflicts]).toEqual([[], []]);
          } else if (deepEqual(theirs, change.base)) {
            expect(applied).toEqual([{ field: change.field, value: change.value }]);
            expect(conflicts).toEqual([]);
          } else {
            expect(applied).toEqual([]);
            expect(conflicts).toEqual([
              { field: change.field, base: change.base, theirs, mine: change.value },
            ]);
          }
        }
      }),
    );
  });
});
