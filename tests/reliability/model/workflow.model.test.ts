import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRecord } from '../../../shared/domain/service-record';
import type { MutationResult } from '../../../shared/sync/results';
import { nextStatus } from '../../../shared/workflow/state-machine';
import type {
  WorkflowEvent,
  WorkflowStatus,
} from '../../../shared/workflow/state-machine';
import { databases } from '../../server/support/databases';
import { startTestServer } from '../../server/support/server';
import type { Session, TestServer } from '../../server/support/server';
import { readServerService } from '../support/server-view';
import type { ServerService } from '../support/server-view';
import { modelParams, modelRuns } from './model-runs';

// Any sequence of workflow actions, by any role, against the real server:
// each outcome is the one the shared state machine and the roles predict,
// a refused action changes nothing, every status step is one the table
// allows, and an approved version never changes again.

type Actor = 'staff' | 'otherStaff' | 'reviewer';

interface Working {
  id: string;
  status: WorkflowStatus;
  submissionNo: number;
}

/** The reference: the service's working version and the description it shows. */
interface Model {
  serviceId: string;
  working: Working | null;
  description: string;
}

interface Real {
  server: TestServer;
  sessions: Record<Actor, Session>;
  serviceId: string;
  /** Records of approved versions as first seen, by version id. */
  approved: Map<string, ServiceRecord>;
}

type ServerState = ServerService;

function readState(real: Real): Promise<ServerState> {
  return readServerService(real.server.db, real.serviceId);
}

function workingOf(state: ServerState): ServerState['versions'][number] | undefined {
  return state.versions.find((v) => v.status !== 'approved');
}

function modelFrom(serviceId: string, state: ServerState): Model {
  const working = workingOf(state);
  const shown = working ?? state.versions.filter((v) => v.status === 'approved').at(-1);
  return {
    serviceId,
    working: working
      ? { id: working.id, status: working.status, submissionNo: working.submissionNo }
      : null,
    description: shown?.record.description ?? '',
  };
}

let counter = 0;

/** One workflow action by one actor; the model says what must come of it. */
abstract class WorkflowCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: Actor) {}
  abstract readonly event: WorkflowEvent;
  abstract mutation(model: Model): { name: string; args: unknown };
  /** The result the roles and the state machine predict. */
  abstract expected(model: Model): MutationResult['status'];
  /** The model after an applied action. */
  abstract applied(model: Model, mutation: { args: unknown }): void;
  check = () => true;

  async run(model: Model, real: Real) {
    const before = await readState(real);
    const mutation = this.mutation(model);
    const reply = await real.sessions[this.actor].push([mutation]);
    expect(reply.status).toBe(200);
    const result = reply.body.results[0];
    expect(result?.status).toBe(this.expected(model));
    const after = await readState(real);

    if (result?.status === 'applied') {
      this.applied(model, mutation);
      expect(after.revision).toBe(before.revision + 1);
      // The step the working version took is one the table allows.
      const was = workingOf(before);
      const now = after.versions.find((v) => v.id === (model.working?.id ?? was?.id));
      if (was && now && was.id === now.id) {
        expect(now.status).toBe(nextStatus('serviceVersion', was.status, this.event));
      }
    } else {
      // A refused or stale action changes nothing.
      expect(after).toEqual(before);
    }

    const working = workingOf(after);
    expect(
      after.versions.filter((v) => v.status !== 'approved').length,
    ).toBeLessThanOrEqual(1);
    expect(
      working
        ? { id: working.id, status: working.status, submissionNo: working.submissionNo }
        : null,
    ).toEqual(model.working);
    expect(modelFrom(real.serviceId, after).description).toBe(model.description);
    for (const version of after.versions.filter((v) => v.status === 'approved')) {
      const first = real.approved.get(version.id) ?? version.record;
      real.approved.set(version.id, first);
      expect(version.record).toEqual(first);
    }
  }
}

const isStaff = (actor: Actor) => actor === 'staff';

class EditCommand extends WorkflowCommand {
  readonly event = 'edit';
  readonly value = `Xidmətin təsviri, düzəliş ${++counter}.`;
  mutation(model: Model) {
    return {
      name: 'service.saveDraft',
      args: {
        serviceId: model.serviceId,
        newVersionId: randomUUID(),
        changes: [{ field: 'description', base: model.description, value: this.value }],
      },
    };
  }
  override expected(model: Model) {
    if (!isStaff(this.actor)) return 'rejected' as const;
    return !model.working || nextStatus('serviceVersion', model.working.status, 'edit')
      ? ('applied' as const)
      : ('rejected' as const);
  }
  applied(model: Model, mutation: { args: unknown }) {
    const args = mutation.args as { newVersionId: string };
    model.working ??= { id: args.newVersionId, status: 'draft', submissionNo: 0 };
    model.description = this.value;
  }
  override toString = () => `${this.actor} edits`;
}

class StepCommand extends WorkflowCommand {
  constructor(
    actor: Actor,
    readonly event: 'submit' | 'withdraw',
  ) {
    super(actor);
  }
  mutation(model: Model) {
    return { name: `service.${this.event}`, args: { serviceId: model.serviceId } };
  }
  override expected(model: Model) {
    if (!isStaff(this.actor) || !model.working) return 'rejected' as const;
    return nextStatus('serviceVersion', model.working.status, this.event)
      ? ('applied' as const)
      : ('rejected' as const);
  }
  applied(model: Model) {
    if (!model.working) return;
    const to = nextStatus('serviceVersion', model.working.status, this.event);
    if (to) model.working.status = to;
    if (this.event === 'submit') model.working.submissionNo += 1;
  }
  override toString = () => `${this.actor} ${this.event}s`;
}

class DecideCommand extends WorkflowCommand {
  constructor(
    actor: Actor,
    readonly event: 'approve' | 'return',
    /** Decides on another submission than the current one. */
    readonly isStale: boolean,
  ) {
    super(actor);
  }
  mutation(model: Model) {
    return {
      name: 'service.decide',
      args: {
        serviceId: model.serviceId,
        versionId: model.working?.id ?? randomUUID(),
        submissionNo: (model.working?.submissionNo ?? 0) + (this.isStale ? 1 : 0) || 1,
        decision: this.event,
        remarks:
          this.event === 'return'
            ? [{ field: 'description', text: 'Dəqiqləşdirin.' }]
            : [],
      },
    };
  }
  override expected(model: Model) {
    if (this.actor !== 'reviewer') return 'rejected' as const;
    const isCurrent = model.working?.status === 'submitted' && !this.isStale;
    return isCurrent ? ('applied' as const) : ('conflict' as const);
  }
  applied(model: Model) {
    if (!model.working) return;
    if (this.event === 'approve') model.working = null;
    else model.working.status = 'returned';
  }
  override toString = () =>
    `${this.actor} ${this.event}s${this.isStale ? ' a stale submission' : ''}`;
}

const actor = fc.constantFrom<Actor>('staff', 'staff', 'staff', 'otherStaff', 'reviewer');
const commands = [
  actor.map((who) => new EditCommand(who)),
  fc
    .tuple(actor, fc.constantFrom('submit' as const, 'withdraw' as const))
    .map(([who, event]) => new StepCommand(who, event)),
  fc
    .tuple(
      fc.constantFrom<Actor>('reviewer', 'reviewer', 'staff'),
      fc.constantFrom('approve' as const, 'return' as const),
      fc.boolean(),
    )
    .map(([who, event, isStale]) => new DecideCommand(who, event, isStale)),
];

describe.each(databases)('the service workflow on $name', (database) => {
  let server: TestServer;
  let sessions: Record<Actor, Session>;
  let services: string[];

  beforeAll(async () => {
    server = await startTestServer(database);
    sessions = {
      staff: await server.login('agency.mlspp'),
      otherStaff: await server.login('agency.justice'),
      reviewer: await server.login('reviewer'),
    };
    services = await server
      .db('services')
      .where('agency_id', sessions.staff.user.agencyId)
      .orderBy('id')
      .pluck<string[]>('id');
  });
  afterAll(() => server.close());

  it(
    'follows the state machine for every sequence of actions by any role',
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 20 }), async (cmds) => {
          const serviceId = services[run++ % services.length] ?? '';
          const real: Real = { server, sessions, serviceId, approved: new Map() };
          const model = modelFrom(serviceId, await readState(real));
          await fc.asyncModelRun(() => ({ model, real }), cmds);
        }),
        modelParams(20),
      );
    },
    60_000 + modelRuns(20) * 2_000,
  );
});
