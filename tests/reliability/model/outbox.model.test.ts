import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Knex } from 'knex';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { PushRequest, PushResponse } from '../../../shared/sync/protocol';
import type { MutationResult } from '../../../shared/sync/results';
import { openLocalStore } from '../../../src-main/local-store/database';
import {
  deleteOutboxEntry,
  enqueue,
  listOutbox,
} from '../../../src-main/local-store/outbox-table';
import { pushOutbox } from '../../../src-main/sync/push-outbox';
import type { ServerApi } from '../../../src-main/sync/server-api';
import { ServerCallError } from '../../../src-main/sync/server-api';
import { modelParams, modelRuns } from './model-runs';

// The outbox (real SQLite file, real enqueue and pushOutbox) against a
// reference model, under random results, lost answers, partial answers
// and crashes. The server here is a small in-memory one that keeps the
// protocol's rules exactly (stored result per mutation id, client order,
// stop at a gap); the real server's side of those rules is proven by the
// fault suite and tests/server/sync-push.test.ts.

type Outcome = MutationResult['status'];
type State = 'pending' | 'sending' | Outcome;

/** What happens to the answer of the next push. */
type Fate = 'answer' | 'lose' | 'crash';

/** Thrown where the desktop process would have died mid-push. */
class Killed extends Error {}

class ProtocolServer implements ServerApi {
  lastSeq = 0;
  readonly stored = new Map<string, MutationResult>();
  readonly applications = new Map<string, number>();
  outcomes: Outcome[] = [];
  /** New mutations one request may process; null for all. */
  cap: number | null = null;
  fate: Fate = 'answer';

  push(request: PushRequest): Promise<PushResponse> {
    const results: MutationResult[] = [];
    let processed = 0;
    for (const mutation of request.mutations) {
      const known = this.stored.get(mutation.mutationId);
      if (known) {
        results.push(known);
        continue;
      }
      if (mutation.clientSeq !== this.lastSeq + 1) break;
      if (this.cap !== null && processed >= this.cap) break;
      processed += 1;
      this.lastSeq = mutation.clientSeq;
      const result = resultOf(this.outcomes.shift() ?? 'applied', mutation);
      this.stored.set(mutation.mutationId, result);
      this.applications.set(
        mutation.mutationId,
        (this.applications.get(mutation.mutationId) ?? 0) + 1,
      );
      results.push(result);
    }
    if (this.fate === 'lose') {
      return Promise.reject(new ServerCallError('transient', 'lost', null, null));
    }
    if (this.fate === 'crash') return Promise.reject(new Killed('killed mid-push'));
    return Promise.resolve({ results, lastProcessedSeq: this.lastSeq });
  }

  login(): never {
    throw new Error('not used');
  }
  me(): never {
    throw new Error('not used');
  }
  logout(): Promise<void> {
    return Promise.resolve();
  }
  health(): Promise<void> {
    return Promise.resolve();
  }
  pull(): never {
    throw new Error('not used');
  }
  snapshot(): never {
    throw new Error('not used');
  }
}

function resultOf(
  outcome: Outcome,
  mutation: { mutationId: string; clientSeq: number },
): MutationResult {
  const envelope = { mutationId: mutation.mutationId, clientSeq: mutation.clientSeq };
  const entityId = '7c1e0a52-5b0a-4d4e-9a43-000000000001';
  switch (outcome) {
    case 'applied':
      return { status: 'applied', ...envelope, entityId, revision: 2 };
    case 'rejected':
      return {
        status: 'rejected',
        ...envelope,
        error: { code: 'ILLEGAL_TRANSITION', message: 'no', fields: [] },
      };
    case 'conflict':
      return {
        status: 'conflict',
        ...envelope,
        entityId,
        code: 'STALE_DECISION',
        message: 'stale',
        conflicts: [],
        appliedFields: [],
        revision: 2,
      };
  }
}

/** The reference: each entry's expected state, and which ones the server has. */
interface Model {
  entries: Array<{ seq: number; state: State; stored: Outcome | null; isGone: boolean }>;
  outcomesLeft: Outcome[];
}

interface Real {
  dir: string;
  db: Knex;
  server: ProtocolServer;
}

const CLIENT_ID = '2b7a1c9e-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
const log = pino({ level: 'silent' });
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

class EnqueueCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await real.db.transaction((trx) =>
      enqueue(trx, {
        clientId: CLIENT_ID,
        name: 'service.submit',
        entityId: '7c1e0a52-5b0a-4d4e-9a43-000000000001',
        entityLabel: 'Xidmət',
        args: { serviceId: '7c1e0a52-5b0a-4d4e-9a43-000000000001' },
      }),
    );
    const seq = model.entries.length + 1;
    model.entries.push({ seq, state: 'pending', stored: null, isGone: false });
    await expectAgreement(model, real);
  }
  toString = () => 'enqueue';
}

class PushCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly outcomes: Outcome[],
    readonly fate: Fate,
    readonly cap: number | null,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    real.server.outcomes = [...this.outcomes];
    real.server.fate = this.fate;
    real.server.cap = this.cap;
    let error: unknown = null;
    try {
      await pushOutbox({
        db: real.db,
        api: real.server,
        clientId: CLIENT_ID,
        log,
        renumber: () => Promise.reject(new Error('no sequence was lost')),
        onProgress: () => Promise.resolve(),
      });
    } catch (caught) {
      error = caught;
    }
    // The model of the same push.
    const outcomes = [...this.outcomes];
    const unsent = model.entries.filter(
      (entry) =>
        !entry.isGone && (entry.state === 'pending' || entry.state === 'sending'),
    );
    if (unsent.length > 0) {
      if (this.fate === 'answer' && this.cap !== 0) {
        for (const entry of unsent) {
          entry.stored ??= outcomes.shift() ?? 'applied';
          entry.state = entry.stored;
        }
        expect(error).toBeNull();
      } else {
        let allowed = this.cap ?? Infinity;
        for (const entry of unsent) {
          if (entry.stored === null && allowed > 0) {
            entry.stored = outcomes.shift() ?? 'applied';
            allowed -= 1;
          }
        }
        if (this.fate === 'answer') {
          // Nothing new processed: what the server had stored already is
          // answered, the rest goes back to pending, and the push fails
          // unless nothing is left unanswered.
          for (const entry of unsent) entry.state = entry.stored ?? 'pending';
          if (unsent.some((entry) => entry.stored === null)) {
            expect(error).toBeInstanceOf(ServerCallError);
          } else {
            expect(error).toBeNull();
          }
        } else {
          for (const entry of unsent) entry.state = 'sending';
          expect(error).toBeInstanceOf(this.fate === 'lose' ? ServerCallError : Killed);
        }
      }
    } else {
      expect(error).toBeNull();
    }
    await expectAgreement(model, real);
  }
  toString = () => `push(${this.outcomes.join(',')}; ${this.fate}; cap ${this.cap})`;
}

/** The desktop restarts: the SQLite file is closed where it stood and opened again. */
class RestartCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await real.db.destroy();
    real.db = await openLocalStore(real.dir);
    await expectAgreement(model, real);
  }
  toString = () => 'restart';
}

/** Settled entries are deleted (as a pull that delivers them does); numbers are never reused. */
class ForgetSettledCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    for (const entry of await listOutbox(real.db, { states: ['applied'] })) {
      await deleteOutboxEntry(real.db, entry.id);
    }
    for (const entry of model.entries) if (entry.state === 'applied') entry.isGone = true;
    await expectAgreement(model, real);
  }
  toString = () => 'forget settled';
}

async function expectAgreement(model: Model, real: Real): Promise<void> {
  const rows = await listOutbox(real.db);
  const expected = model.entries.filter((entry) => !entry.isGone);
  expect(rows.map((row) => [row.clientSeq, row.state])).toEqual(
    expected.map((entry) => [entry.seq, entry.state]),
  );
  expect(new Set(rows.map((row) => row.mutationId)).size).toBe(rows.length);
  for (const row of rows) {
    const stored = real.server.stored.get(row.mutationId);
    // A result shown on the desktop is the one the server stored, never another.
    if (row.result) expect(row.result).toEqual(stored);
    expect(real.server.applications.get(row.mutationId) ?? 0).toBeLessThanOrEqual(1);
  }
  expect(real.server.lastSeq).toBe(model.entries.filter((e) => e.stored !== null).length);
}

const outcome = fc.constantFrom<Outcome>('applied', 'rejected', 'conflict');
const commands = [
  fc.constant(new EnqueueCommand()),
  fc
    .tuple(
      fc.array(outcome, { maxLength: 6 }),
      fc.constantFrom<Fate>('answer', 'answer', 'lose', 'crash'),
      fc.option(fc.integer({ min: 0, max: 3 }), { freq: 2 }),
    )
    .map(([outcomes, fate, cap]) => new PushCommand(outcomes, fate, cap)),
  fc.constant(new RestartCommand()),
  fc.constant(new ForgetSettledCommand()),
];

describe('the outbox against its reference model', () => {
  it(
    'keeps every intent in order, shows only stored results, and settles each once',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-outbox-model-'));
          dirs.push(dir);
          const real: Real = {
            dir,
            db: await openLocalStore(dir),
            server: new ProtocolServer(),
          };
          const model: Model = { entries: [], outcomesLeft: [] };
          try {
            await fc.asyncModelRun(() => ({ model, real }), cmds);
            // Then a clean network: everything left goes out and settles, once each.
            await new PushCommand([], 'answer', null).run(model, real);
            for (const entry of model.entries) {
              expect(entry.state === 'pending' || entry.state === 'sending').toBe(false);
            }
            for (const count of real.server.applications.values()) expect(count).toBe(1);
          } finally {
            await real.db.destroy();
          }
        }),
        modelParams(25),
      );
    },
    60_000 + modelRuns(25) * 1_000,
  );
});
