import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceField } from '../../../shared/domain/service-record';
import { mergeFieldChanges } from '../../../shared/sync/merge';
import type { MergeOutcome } from '../../../shared/sync/merge';
import type { FieldChange } from '../../../shared/sync/mutations';
import { modelParams, modelRuns } from './model-runs';

// Several desktops edit one draft and sync in any order; every save goes
// through the real three-way merge, and a reference merge written
// differently (equality by canonical JSON) must reach the same outcome.
// Whatever the order, no one's value vanishes: it is either on the server
// or handed back as a conflict carrying it.

const FIELDS = ['description', 'fee', 'categories'] as const satisfies ServiceField[];
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, unknown>;
type Change = FieldChange & { field: Field };

/** JSON with object keys sorted: equal texts mean equal values, whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function referenceMerge(
  current: Draft,
  changes: readonly FieldChange[],
): MergeOutcome<Field> {
  const outcome: MergeOutcome<Field> = { apply: [], conflicts: [] };
  for (const change of changes) {
    const field = change.field as Field;
    const [theirs, base, mine] = [current[field], change.base, change.value].map(
      canonical,
    );
    if (theirs === mine) continue;
    if (theirs === base) outcome.apply.push({ field, value: change.value });
    else {
      outcome.conflicts.push({
        field,
        base: change.base,
        theirs: current[field],
        mine: change.value,
      });
    }
  }
  return outcome;
}

interface Desk {
  /** The server's copy as this desktop last received it. */
  seen: Draft;
  /** Unsent edits by field: what it saw and what it wants. */
  queued: Map<Field, Change>;
}

interface World {
  server: Draft;
  desks: Desk[];
}

const values = fc.constantFrom<unknown>(
  null,
  '',
  'Pensiya təyinatı',
  'Əmək pensiyası',
  ['social'],
  ['social', 'health'],
  { isFree: true },
  { isFree: false, amountQepik: 500 },
  { amountQepik: 500, isFree: false },
  0,
);

class EditCommand implements fc.Command<World, World> {
  constructor(
    readonly desk: number,
    readonly field: Field,
    readonly value: unknown,
  ) {}
  check = (world: Readonly<World>) => this.desk < world.desks.length;
  run(_model: World, world: World) {
    const desk = world.desks[this.desk];
    if (!desk) return;
    const earlier = desk.queued.get(this.field);
    // Folding keeps the first base: what the desktop saw before its edits.
    desk.queued.set(this.field, {
      field: this.field,
      base: earlier ? earlier.base : desk.seen[this.field],
      value: this.value,
    });
  }
  toString = () => `desk ${this.desk} sets ${this.field} = ${canonical(this.value)}`;
}

class SyncCommand implements fc.Command<World, World> {
  constructor(
    readonly desk: number,
    /** How the desktop's user settles a conflict: keep mine (send again) or take theirs. */
    readonly keepsMine: boolean,
  ) {}
  check = (world: Readonly<World>) => this.desk < world.desks.length;
  run(_model: World, world: World) {
    const desk = world.desks[this.desk];
    if (!desk) return;
    const changes = [...desk.queued.values()];
    const before = { ...world.server };
    const outcome = mergeFieldChanges<Field>(world.server, changes);
    const reference = referenceMerge(world.server, changes);
    expect(outcome).toEqual(reference);

    for (const { field, value } of outcome.apply) world.server[field] = value;
    for (const field of FIELDS) {
      const change = desk.queued.get(field);
      const conflict = outcome.conflicts.find((c) => c.field === field);
      if (!change) {
        expect(world.server[field]).toEqual(before[field]);
      } else if (conflict) {
        // Nothing vanishes: the server kept theirs and the desktop holds mine.
        expect(conflict.mine).toEqual(change.value);
        expect(world.server[field]).toEqual(before[field]);
      } else {
        expect(canonical(world.server[field])).toBe(canonical(change.value));
      }
    }

    desk.seen = { ...world.server };
    desk.queued.clear();
    if (this.keepsMine) {
      for (const conflict of outcome.conflicts) {
        const field = conflict.field as Field;
        desk.queued.set(field, {
          field,
          base: world.server[field],
          value: conflict.mine,
        });
      }
    }
  }
  toString = () =>
    `desk ${this.desk} syncs (${this.keepsMine ? 'keeps mine' : 'takes theirs'})`;
}

describe('three-way merge of draft saves, in any order of edits and syncs', () => {
  it(
    'matches the reference merge and never drops a value',
    () => {
      const desks = 3;
      const commands = [
        fc
          .tuple(fc.nat(desks - 1), fc.constantFrom(...FIELDS), values)
          .map(([desk, field, value]) => new EditCommand(desk, field, value)),
        fc
          .tuple(fc.nat(desks - 1), fc.boolean())
          .map(([desk, keepsMine]) => new SyncCommand(desk, keepsMine)),
      ];
      fc.assert(
        fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
          const start: Draft = {
            description: 'Pensiya təyinatı',
            fee: null,
            categories: [],
          };
          const world: World = {
            server: { ...start },
            desks: Array.from({ length: desks }, () => ({
              seen: { ...start },
              queued: new Map(),
            })),
          };
          fc.modelRun(() => ({ model: world, real: world }), cmds);
          // Everyone syncs until nothing is queued: all settle on one server copy.
          for (let round = 0; round < 3; round += 1) {
            for (let desk = 0; desk < desks; desk += 1)
              new SyncCommand(desk, false).run(world, world);
          }
          for (const desk of world.desks) {
            expect(desk.queued.size).toBe(0);
            expect(desk.seen).toEqual(world.server);
          }
        }),
        modelParams(300),
      );
    },
    30_000 + modelRuns(300) * 100,
  );
});
