import fs from 'node:fs';
import path from 'node:path';
import { openLocalStore } from '../../../src-main/local-store/database';
import { listOutbox } from '../../../src-main/local-store/outbox-table';
import type { ServiceDetail } from '../../../shared/contract/views';
import { deepEqual } from '../../../shared/sync/merge';
import {
  bundleChildScripts,
  removeChildBundles,
  startClientProcess,
  startServerProcess,
} from './child-processes';
import type { ClientProcess, ServerProcess } from './child-processes';
import type { ChildCommand, ChildReply } from './client-commands';
import { startFaultProxy } from './fault-proxy';
import type { FaultProxy } from './fault-proxy';
import { scratchDir, sparePort, startPrivatePostgres } from './private-postgres';
import type { PrivatePostgres } from './private-postgres';
import { seededRandom } from './seeded-random';
import type { Random } from './seeded-random';
import { openServerView } from './server-view';
import type { ServerService, ServerView } from './server-view';

export interface FaultSuiteOptions {
  runs: number;
  seed: number;
  database: 'postgres' | 'sqlite';
  /** Chance per run of killing the desktop, the server, and restarting PostgreSQL. */
  clientKillRate: number;
  serverKillRate: number;
  databaseRestartRate: number;
  /** Runs between checks of every service the user sees (not only the one touched). */
  fullCheckEvery: number;
  log: (line: string) => void;
}

export interface FaultSuiteReport {
  runs: number;
  seed: number;
  database: string;
  faults: Record<string, number>;
  intentsSent: number;
  applied: number;
  rejected: number;
  lost: number;
  duplicated: number;
  /** Results of the one writer conflicting with itself: a fault, never expected. */
  selfConflicts: number;
  problems: string[];
  seconds: number;
  /** Where the time went: typing, syncing under faults, settling, checking, restarting. */
  phaseSeconds: Record<string, number>;
}

const USERNAME = 'agency.mlspp';
type ClientKill = 'afterCommit' | 'midPush' | 'midPull';
type ServerKill = 'beforeCommit' | 'afterCommit' | 'midPull';
type DatabaseRestart = 'duringPush' | 'duringPull';

/** An intent typed in a run: which outbox entry holds it and, for a save, the value. */
interface Typed {
  mutationId: string;
  description: string | null;
  /** Emptied by a later edit before it was ever sent: gone by the user's own hand. */
  isDropped?: boolean;
}

/**
 * The fault-injection driver: one server (a child process) over a
 * PostgreSQL cluster of its own or a SQLite file, one desktop (a child
 * process running the real main-process code) behind a fault proxy, and
 * many short runs. Each run types a few intents into one service, syncs
 * through a seeded schedule of network faults, kills the desktop, the
 * server or the database at chosen moments, then syncs without faults
 * until the outbox is empty and checks that desktop and server agree and
 * that each intent was applied exactly once.
 *
 * Known shortcoming: one desktop of one agency user. Conflicts between
 * desktops and reviewers' decisions are proven without faults only (the
 * two-desktop tests and the workflow model); a second child desktop, and a
 * reviewer's, driven through the same proxy would prove conflict results
 * and stale decisions under kills too.
 */
export async function runFaultSuite(
  options: FaultSuiteOptions,
): Promise<FaultSuiteReport> {
  const started = Date.now();
  const report: FaultSuiteReport = {
    runs: 0,
    seed: options.seed,
    database: options.database,
    faults: {},
    intentsSent: 0,
    applied: 0,
    rejected: 0,
    lost: 0,
    duplicated: 0,
    selfConflicts: 0,
    problems: [],
    seconds: 0,
    phaseSeconds: {},
  };
  let phaseStarted = Date.now();
  const phase = (name: string) => {
    const now = Date.now();
    report.phaseSeconds[name] =
      (report.phaseSeconds[name] ?? 0) + (now - phaseStarted) / 1000;
    phaseStarted = now;
  };
  const count = (kind: string) => (report.faults[kind] = (report.faults[kind] ?? 0) + 1);
  const root = scratchDir('dxer-faults-');
  let postgres: PrivatePostgres | null = null;
  let view: ServerView | null = null;
  let proxy: FaultProxy | null = null;
  let server: ServerProcess | null = null;
  let client: ClientProcess | null = null;

  try {
    await bundleChildScripts();
    postgres = options.database === 'postgres' ? await startPrivatePostgres() : null;
    const database = postgres
      ? { databaseUrl: postgres.url }
      : { sqliteFile: path.join(root, 'server.sqlite') };
    const serverPort = await sparePort();
    server = await startServerProcess(serverPort, database);
    view = openServerView(database);
    let rng: Random = seededRandom(options.seed);
    proxy = await startFaultProxy(serverPort, () => rng);
    const dataDir = path.join(root, 'desktop');
    client = await startClientProcess(dataDir, proxy.url);
    await expectOk(client, { op: 'login', username: USERNAME });
    await expectOk(client, { op: 'sync' });
    const agencyId = await view.userAgency(USERNAME);
    const pool = await view.agencyServices(agencyId);

    const state = {
      isClientDead: false,
      isServerDead: false,
      databaseRestart: null as Promise<void> | null,
      /** Kills timed to land a moment after their trigger. */
      delayedKills: [] as Promise<void>[],
    };
    const later = (delay: number, kill: () => Promise<void>) => {
      state.delayedKills.push(
        new Promise((resolve) => setTimeout(() => void kill().then(resolve), delay)),
      );
    };
    const restartDead = async (seen: Map<string, Typed>) => {
      const restartStarted = Date.now();
      await restartDeadNow(seen);
      report.phaseSeconds.restart =
        (report.phaseSeconds.restart ?? 0) + (Date.now() - restartStarted) / 1000;
      phaseStarted += Date.now() - restartStarted;
    };
    const restartDeadNow = async (seen: Map<string, Typed>) => {
      await Promise.all(state.delayedKills.splice(0));
      if (state.databaseRestart) await state.databaseRestart;
      state.databaseRestart = null;
      if (state.isServerDead && server) {
        await server.kill();
        server = await startServerProcess(serverPort, database);
        state.isServerDead = false;
      }
      if (state.isClientDead && client) {
        await client.kill();
        // What the killed process committed is on disk: every entry is an intent it made.
        for (const mutationId of await outboxOnDisk(dataDir)) {
          if (!seen.has(mutationId))
            seen.set(mutationId, { mutationId, description: null });
        }
        client = await startClientProcess(dataDir, proxy?.url ?? '');
        state.isClientDead = false;
      }
    };
    const killClient = async () => {
      state.isClientDead = true;
      await client?.kill();
    };
    const killServer = async () => {
      state.isServerDead = true;
      await server?.kill();
    };

    for (let run = 1; run <= options.runs; run += 1) {
      rng = seededRandom(options.seed * 7919 + run);
      phaseStarted = Date.now();
      const serviceId = rng.pick(pool);
      const before = await view.service(serviceId);
      const clientKill: ClientKill | null = rng.chance(options.clientKillRate)
        ? rng.pick(['afterCommit', 'midPush', 'midPull'] as const)
        : null;
      const serverKill: ServerKill | null = rng.chance(options.serverKillRate)
        ? rng.pick(['beforeCommit', 'afterCommit', 'midPull'] as const)
        : null;
      const databaseRestart: DatabaseRestart | null =
        postgres && rng.chance(options.databaseRestartRate)
          ? rng.pick(['duringPush', 'duringPull'] as const)
          : null;
      proxy.faultRate = rng.pick([0, 0.2, 0.4]);
      const intentCount = rng.int(1, 3);
      const killAfter = rng.int(1, intentCount);
      const seen = new Map<string, Typed>();
      const typed: Typed[] = [];
      // Pauses around the engine's 300 ms wait before its own push, so typing
      // lands while a push takes and sends its batch.
      const pauseMs = rng.chance(0.15) ? 350 : 0;
      const original = shownRecord(before)?.description ?? '';

      // Typing: each reply comes after the intent's local commit.
      let draftStatus: string = (await serviceDetail(client, serviceId)).draftStatus;
      for (let index = 1; index <= intentCount; index += 1) {
        const label = `${options.seed}:${run}:${index}`;
        if (pauseMs > 0) await sleep(rng.int(0, pauseMs));
        const command = chooseIntent(rng, draftStatus, serviceId, label, original);
        const reply = await client.send(command);
        if (reply.ok && reply.draftStatus) draftStatus = reply.draftStatus;
        for (const mutationId of (reply.ok && reply.dropped) || []) {
          const entry = seen.get(mutationId) ?? { mutationId, description: null };
          seen.set(mutationId, { ...entry, isDropped: true });
        }
        if (clientKill === 'afterCommit' && index === killAfter) {
          count('killClient.afterCommit');
          await killClient();
        }
        if (reply.ok && reply.mutationId) {
          const entry = {
            mutationId: reply.mutationId,
            description: command.op === 'save' ? command.description : null,
          };
          seen.set(entry.mutationId, entry);
          typed.push(entry);
        }
        if (state.isClientDead) {
          await restartDead(seen);
          draftStatus = (await serviceDetail(client, serviceId)).draftStatus;
        }
      }

      phase('typing');

      // Syncing through the faults, with the kills this run drew hooked on.
      const triggers = proxy.triggers;
      if (clientKill === 'midPush') {
        triggers.push({
          on: 'pushForwarded',
          run: async () => {
            count('killClient.midPush');
            await killClient();
          },
        });
      }
      if (clientKill === 'midPull') {
        const delay = rng.int(0, 30);
        triggers.push({
          on: 'pullAnswered',
          run: () => {
            count('killClient.midPull');
            later(delay, killClient);
          },
        });
      }
      if (serverKill === 'beforeCommit') {
        server.armPrecommit(() => {
          count('killServer.beforeCommit');
          later(0, killServer);
        });
      }
      if (serverKill === 'afterCommit') {
        triggers.push({
          on: 'pushAnswered',
          dropsResponse: true,
          run: async () => {
            count('killServer.afterCommit');
            await killServer();
          },
        });
      }
      if (serverKill === 'midPull') {
        const delay = rng.int(0, 15);
        triggers.push({
          on: 'pullForwarded',
          run: () => {
            count('killServer.midPull');
            later(delay, killServer);
          },
        });
      }
      if (databaseRestart && postgres) {
        const pg = postgres;
        triggers.push({
          on: databaseRestart === 'duringPush' ? 'pushForwarded' : 'pullForwarded',
          run: () => {
            count(`restartDatabase.${databaseRestart}`);
            state.databaseRestart = pg.restart();
          },
        });
      }
      // One sync of the driver's; the engine's own push after the typing meets the faults too.
      await client.send({ op: 'sync' }).catch(() => undefined);
      await restartDead(seen);

      phase('syncing under faults');

      // Then a quiet network until everything settles.
      proxy.faultRate = 0;
      proxy.triggers = [];
      server.disarm();
      await restartDead(seen);
      const outcome = await settle(client, seen);
      await proxy.deliverHeld();
      if (!outcome.isSettled) {
        report.problems.push(`run ${run}: did not settle: ${outcome.why}`);
      }

      phase('settling');
      await checkRun({
        report,
        view,
        client,
        run,
        serviceId,
        before,
        seen,
        typed,
      });
      if (run % options.fullCheckEvery === 0 || run === options.runs) {
        await checkEverything(report, view, client, agencyId, run);
      }
      phase('checking');
      report.runs = run;
      if (run % 100 === 0) options.log(`  ${run} runs, ${secondsSince(started)} s`);
    }
    for (const [kind, n] of Object.entries(proxy.faults))
      report.faults[`network.${kind}`] = n;
    report.duplicated += await view.repeatedAudit();
  } finally {
    await client?.close().catch(() => client?.kill());
    await proxy?.close();
    await server?.close();
    await view?.close();
    postgres?.stop();
    fs.rmSync(root, { recursive: true, force: true });
    removeChildBundles();
  }
  report.seconds = secondsSince(started);
  return report;
}

/** The record the editor shows: the working version's, else the published one's. */
function shownRecord(service: ServerService) {
  return (
    service.versions.find((v) => v.status !== 'approved') ?? service.versions.at(-1)
  )?.record;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function secondsSince(started: number): number {
  return Math.round((Date.now() - started) / 100) / 10;
}

async function expectOk(
  client: ClientProcess,
  command: ChildCommand,
): Promise<ChildReply> {
  const reply = await client.send(command);
  if (!reply.ok) throw new Error(`${command.op} failed: ${reply.error}`);
  return reply;
}

async function serviceDetail(
  client: ClientProcess,
  serviceId: string,
): Promise<ServiceDetail> {
  const reply = await expectOk(client, { op: 'view', serviceIds: [serviceId] });
  const detail = reply.ok ? reply.details?.[0] : undefined;
  if (!detail) throw new Error('no detail for the service');
  return detail;
}

/** What a person would do next with the service as the desktop shows it. */
function chooseIntent(
  rng: Random,
  draftStatus: string,
  serviceId: string,
  label: string,
  original: string,
): ChildCommand {
  // Now and then the user types back what the run started from.
  const description = rng.chance(0.15)
    ? original
    : `Sınaq ${label}: ${rng.int(0, 1e9)} dəyişiklik yadda saxlanıldı.`;
  if (draftStatus === 'submitted') {
    return rng.chance(0.8)
      ? { op: 'withdraw', serviceId }
      : { op: 'save', serviceId, description };
  }
  return rng.chance(0.7)
    ? { op: 'save', serviceId, description }
    : { op: 'submit', serviceId };
}

/** Mutation ids in the outbox file of a desktop that is not running. */
async function outboxOnDisk(dataDir: string): Promise<string[]> {
  const db = await openLocalStore(dataDir);
  try {
    return (await listOutbox(db)).map((entry) => entry.mutationId);
  } finally {
    await db.destroy();
  }
}

/**
 * Syncs until the outbox is empty: rejected entries are dismissed, as the
 * user would after reading them. Every entry seen is recorded as an intent.
 */
async function settle(
  client: ClientProcess,
  seen: Map<string, Typed>,
): Promise<{ isSettled: boolean; why: string }> {
  let why = '';
  for (let attempt = 1; attempt <= 12; attempt += 1) {
    const synced = await expectOk(client, { op: 'sync' });
    const listed = await expectOk(client, { op: 'outbox' });
    const entries = (listed.ok ? listed.outbox : undefined) ?? [];
    for (const entry of entries) {
      if (!seen.has(entry.mutationId)) {
        seen.set(entry.mutationId, { mutationId: entry.mutationId, description: null });
      }
    }
    const status = synced.ok ? synced.status : undefined;
    if (entries.length === 0 && status?.connection.kind === 'idle') {
      return { isSettled: true, why: '' };
    }
    why = JSON.stringify({ connection: status?.connection, entries });
    for (const entry of entries) {
      if (entry.state === 'rejected')
        await client.send({ op: 'dismiss', entryId: entry.id });
    }
  }
  return { isSettled: false, why };
}

interface RunCheck {
  report: FaultSuiteReport;
  view: ServerView;
  client: ClientProcess;
  run: number;
  serviceId: string;
  before: ServerService;
  seen: Map<string, Typed>;
  typed: Typed[];
}

/** The run's checks: exactly once on the server, nothing typed lost, both sides agree. */
async function checkRun(check: RunCheck): Promise<void> {
  const { report, view, run, serviceId } = check;
  const problem = (text: string) => report.problems.push(`run ${run}: ${text}`);
  const ids = [...check.seen.keys()];
  report.intentsSent += ids.length;
  const results = ids.length > 0 ? await view.results(ids) : new Map<string, never>();

  let applied = 0;
  for (const id of ids) {
    const result = results.get(id);
    if (!result && check.seen.get(id)?.isDropped) continue;
    if (!result) {
      report.lost += 1;
      problem(`intent ${id} never reached the server`);
      continue;
    }
    if (result.status === 'applied') applied += 1;
    if (result.status === 'rejected') report.rejected += 1;
    if (result.status === 'conflict') {
      report.selfConflicts += 1;
      problem(`intent ${id} conflicted with the same desktop's own edits`);
    }
  }
  report.applied += applied;
  const repeated = ids.length > 0 ? await view.repeatedAudit(ids) : 0;
  if (repeated > 0) {
    report.duplicated += repeated;
    problem(`${repeated} audit events recorded twice`);
  }

  // Each applied intent moves the service one revision: more is a duplicate, less a loss.
  const after = await view.service(serviceId);
  const steps = after.revision - check.before.revision;
  if (steps > applied) {
    report.duplicated += steps - applied;
    problem(`revision moved ${steps} for ${applied} applied intents`);
  } else if (steps < applied) {
    report.lost += applied - steps;
    problem(`revision moved ${steps} for ${applied} applied intents`);
  }

  // The last typed value that the server applied is the one it holds.
  const lastApplied = check.typed
    .filter((entry) => entry.description !== null)
    .filter((entry) => results.get(entry.mutationId)?.status === 'applied')
    .at(-1);
  const expected = lastApplied?.description ?? shownRecord(check.before)?.description;
  if (shownRecord(after)?.description !== expected) {
    report.lost += 1;
    problem(`the server holds "${shownRecord(after)?.description}", typed "${expected}"`);
  }

  await checkAgreement(report, view, check.client, [serviceId], run);
}

/** The desktop's copy of each service equals the server's, version by version. */
async function checkAgreement(
  report: FaultSuiteReport,
  view: ServerView,
  client: ClientProcess,
  serviceIds: readonly string[],
  run: number,
): Promise<void> {
  const reply = await expectOk(client, { op: 'view', serviceIds: [...serviceIds] });
  const details = reply.ok ? (reply.details ?? []) : [];
  for (const [index, serviceId] of serviceIds.entries()) {
    const local = details[index];
    const server = await view.service(serviceId);
    const mine = local && {
      revision: local.service.revision,
      versions: local.service.versions.map((version) => ({
        id: version.id,
        status: version.status,
        submissionNo: version.submissionNo,
        record: version.record,
      })),
    };
    if (!deepEqual(mine, server)) {
      report.problems.push(
        `run ${run}: desktop and server disagree on ${serviceId}: ` +
          `${JSON.stringify(mine)?.slice(0, 300)} vs ${JSON.stringify(server).slice(0, 300)}`,
      );
    }
  }
}

/** Every service the user may see is on the desktop, and no other, each as the server has it. */
async function checkEverything(
  report: FaultSuiteReport,
  view: ServerView,
  client: ClientProcess,
  agencyId: string,
  run: number,
): Promise<void> {
  const visible = await view.visibleServices(agencyId);
  const reply = await expectOk(client, { op: 'list' });
  const local = [...((reply.ok ? reply.ids : undefined) ?? [])].sort();
  if (!deepEqual(local, [...visible].sort())) {
    report.problems.push(
      `run ${run}: the desktop has ${local.length} services, the server shows ${visible.length}`,
    );
  }
  await checkAgreement(report, view, client, visible, run);
}
