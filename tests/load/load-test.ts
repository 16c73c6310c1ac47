// Load proof of the central server on PostgreSQL, run as production runs it
// (the bundled server, each instance its own process):
//
//   1. one instance, N simulated desktops of agency staff (login, a full
//      first pull, then push a batch of intents on their own services and
//      pull, over and over) for a bounded time;
//   2. a second instance on the same schema beside the first, the clients
//      split between them, some moving between instances mid-run and
//      sending their last batch again where they land.
//
// Then, from the database: every intent each client sent is stored and
// applied exactly once, and every client's pulled view equals what the
// database shows its user (check-consistency.ts). Prints throughput and
// latency per request kind, writes test-results/load/load-test.json, and
// exits 1 on any error or inconsistency.
//
// npm run test:load -- [--clients 200] [--seconds 60] [--services 1000]
//   [--think-ms 1000] [--batch 10] [--log-level warn]
// --seconds is per phase. Smoke run: --clients 20 --seconds 10.
// --think-ms is the mean pause between a client's cycles (0 to twice it):
// about one saved edit a second per desktop, far more often than the sync
// engine's interval, so the server is under steady pressure. With --think-ms
// 100 the 2 cores saturate: requests queue until the desktop's 30 s request
// timeout, which the run counts as errors.
import os from 'node:os';
import { parseArgs } from 'node:util';
import knex from 'knex';
import pino from 'pino';
import type { LoginResponse } from '../../shared/api/auth';
import { presentationAgencies } from '../../shared/reference/agencies';
import { generateRegistry } from '../../src-server/seed/generate-registry';
import { seededRandom } from '../../src-server/seed/record-builder';
import { fmt, writeBenchJson } from '../bench/support/bench-output';
import { peakRssMb } from '../bench/support/process-memory';
import { startServerBundle } from '../bench/support/server-bundle';
import type { ServerProcess } from '../bench/support/server-bundle';
import { postgresDatabase } from '../server/support/databases';
import { checkConsistency } from './check-consistency';
import { LatencyRecorder, requestKinds } from './latency';
import type { KindFigures, RequestKind } from './latency';
import { LoadClient } from './load-client';
import type { ClientAccount } from './load-client';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    services: { type: 'string', default: '1000' },
    'think-ms': { type: 'string', default: '1000' },
    batch: { type: 'string', default: '10' },
    'log-level': { type: 'string', default: 'warn' },
  },
});
function positive(name: keyof typeof values): number {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
}
const options = {
  clients: positive('clients'),
  seconds: positive('seconds'),
  services: positive('services'),
  thinkMs: positive('think-ms'),
  batch: Math.max(1, positive('batch')),
  logLevel: values['log-level'] ?? 'warn',
};
/** Desktops per user (a user signs in on several), users per agency. */
const CLIENTS_PER_USER = 4;
const USERS_PER_AGENCY = 2;
/** In the two-instance phase: every SWITCHER_EVERY-th client moves between instances. */
const SWITCHER_EVERY = 5;
const SWITCH_CHANCE = 0.15;
/** Clients signing in and pulling everything at the same time. */
const CONNECTING = 10;

interface PhaseFigures {
  name: string;
  instances: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  intents: number;
  intentsPerSecond: number;
  switches: number;
  kinds: Record<RequestKind, KindFigures>;
  errors: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAtStart = os.loadavg()[0] ?? NaN;
const wallStarted = performance.now();
const target = await postgresDatabase.create();
const servers: ServerProcess[] = [];
let exitCode = 1;
try {
  log(`generating ${fmt(options.services, 0)} approved services…`);
  await generateRegistry({
    ...target.options,
    serviceCount: options.services,
    agencyCount: presentationAgencies.length,
    logger: pino({ level: 'silent' }),
  });
  const first = await startServerBundle(target, options.logLevel);
  servers.push(first);
  const accounts = await createAccounts(first.url, options.clients);
  const random = seededRandom(2026);
  const clients = accounts.map((account, index) => {
    const slot = index % (CLIENTS_PER_USER * USERS_PER_AGENCY);
    const client = new LoadClient(
      account,
      index,
      new LatencyRecorder(),
      seededRandom(index + 1),
      (serviceId) =>
        parseInt(serviceId.slice(0, 8), 16) % (CLIENTS_PER_USER * USERS_PER_AGENCY) ===
        slot,
    );
    client.useServer(first.url);
    return client;
  });

  log(`${clients.length} clients sign in and pull everything they may see…`);
  // Desktops come online over a while, not all in one instant: CONNECTING
  // at a time sign in (scrypt, on purpose slow) and pull everything.
  const gate = concurrencyGate(CONNECTING);
  const connect = await phase('sign-in and first pull', 1, clients, (client) =>
    gate(async () => {
      await client.login();
      await client.pull('initialPull');
    }),
  );

  log(`phase 1: ${options.seconds} s against one instance…`);
  const one = await phase('one instance', 1, clients, (client) =>
    runCycles(client, random, () => undefined),
  );

  const second = await startServerBundle(target, options.logLevel);
  servers.push(second);
  const urls = [first.url, second.url];
  clients.forEach((client, index) => client.useServer(urls[index % 2] ?? first.url));
  clients.forEach((client) => (client.switches = 0));
  log(`phase 2: ${options.seconds} s against two instances…`);
  const two = await phase('two instances', 2, clients, (client) =>
    runCycles(client, random, async () => {
      if (client.index % SWITCHER_EVERY !== 0 || random() >= SWITCH_CHANCE) return;
      client.useServer(client.serverUrl === first.url ? second.url : first.url);
      await client.replayLast();
    }),
  );

  log('final pull of every client and the consistency check…');
  const settle = await phase('final pull', 2, clients, (client) => client.pull());
  const db = knex({
    client: 'pg',
    connection: target.options.databaseUrl,
    searchPath: target.options.searchPath ? [target.options.searchPath] : undefined,
    pool: { min: 0, max: 2 },
  });
  const consistency = await checkConsistency(db, clients).finally(() => db.destroy());
  const serverPeakRssMb = servers.map((s) =>
    s.child.pid ? peakRssMb(s.child.pid) : NaN,
  );

  const phases = [connect, one, two, settle];
  const errorCount = phases.reduce((n, p) => n + p.errors.length, 0);
  const wallSeconds = (performance.now() - wallStarted) / 1000;
  printReport(phases, consistency, serverPeakRssMb, wallSeconds);
  const file = writeBenchJson('load-test', {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverageAtStart: loadAtStart,
    options,
    wallSeconds,
    phases,
    consistency,
    serverPeakRssMb,
  });
  log(`written to ${file}`);
  exitCode = errorCount === 0 && consistency.problems.length === 0 ? 0 : 1;
} finally {
  for (const server of servers) await server.stop();
  await target.drop();
}
process.exit(exitCode);

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** Agency staff, USERS_PER_AGENCY per agency, made through the admin API. */
async function createAccounts(url: string, clients: number): Promise<ClientAccount[]> {
  const admin = await post<LoginResponse>(url, '/api/v1/auth/login', {
    username: 'admin',
    password: 'admin-demo',
  });
  const userCount = Math.ceil(clients / CLIENTS_PER_USER);
  const users: ClientAccount[] = [];
  for (let index = 0; index < userCount; index += 1) {
    const agency =
      presentationAgencies[
        Math.floor(index / USERS_PER_AGENCY) % presentationAgencies.length
      ];
    if (!agency) throw new Error('no agencies');
    const account = {
      username: `load.${String(index + 1).padStart(3, '0')}`,
      password: `load-test-password-${index + 1}`,
      agencyId: agency.id,
    };
    await post(
      url,
      '/api/v1/admin/users',
      {
        username: account.username,
        displayName: `Yük sınağı ${index + 1}`,
        password: account.password,
        role: 'agencyStaff',
        agencyId: agency.id,
      },
      admin.token,
    );
    users.push(account);
  }
  // A user's desktops sit next to each other, so each agency's clients form a block.
  return Array.from({ length: clients }, (_, index) => {
    const user = users[Math.floor(index / CLIENTS_PER_USER)];
    if (!user) throw new Error('no user for a client');
    return user;
  });
}

async function post<T = unknown>(
  url: string,
  path: string,
  body: unknown,
  token?: string,
): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Runs at most `limit` of the tasks given to it at once. */
function concurrencyGate(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/** Push-and-pull cycles until the phase's time is up; a client that never connected sits out. */
async function runCycles(
  client: LoadClient,
  random: () => number,
  afterCycle: () => Promise<void> | undefined,
  until = Date.now() + options.seconds * 1000,
): Promise<void> {
  while (client.user !== '' && Date.now() < until) {
    await client.cycle(1 + Math.floor(random() * options.batch));
    await afterCycle();
    await sleep(random() * 2 * options.thinkMs);
  }
}

/** Runs `work` for every client at once with a fresh recorder; a client that throws stops. */
async function phase(
  name: string,
  instances: number,
  clients: readonly LoadClient[],
  work: (client: LoadClient) => Promise<void>,
): Promise<PhaseFigures> {
  const recorder = new LatencyRecorder();
  for (const client of clients) client.recorder = recorder;
  const started = performance.now();
  const outcomes = await Promise.allSettled(clients.map((client) => work(client)));
  const seconds = (performance.now() - started) / 1000;
  const errors = recorder.errors.map((e) => `${e.kind}: ${e.message}`);
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected' && errors.length === 0) {
      errors.push(`a client stopped: ${String(outcome.reason)}`);
    }
  }
  return {
    name,
    instances,
    seconds,
    requests: recorder.requests,
    requestsPerSecond: recorder.requests / seconds,
    intents: recorder.intentsApplied,
    intentsPerSecond: recorder.intentsApplied / seconds,
    switches: clients.reduce((n, c) => n + c.switches, 0),
    kinds: recorder.figures(),
    errors,
  };
}

function printReport(
  phases: readonly PhaseFigures[],
  consistency: Awaited<ReturnType<typeof checkConsistency>>,
  serverPeakRssMb: readonly number[],
  wallSeconds: number,
): void {
  log('');
  log(
    `DXER load test on PostgreSQL: ${options.clients} clients, ${fmt(options.services, 0)} services to start, ` +
      `${options.seconds} s per phase, think ${options.thinkMs} ms; Node ${process.version}, ` +
      `${os.cpus().length} CPUs, load ${fmt(loadAtStart)}; ${fmt(wallSeconds, 0)} s in all`,
  );
  const header = ['phase', 'kind', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'errors'];
  const rows: string[][] = [header];
  for (const p of phases) {
    rows.push([
      `${p.name} (${p.instances} inst.)`,
      `${fmt(p.seconds)} s`,
      `${fmt(p.requestsPerSecond)} req/s`,
      `${fmt(p.intentsPerSecond)} intents/s`,
      `${fmt(p.intents, 0)} intents`,
      p.switches > 0 ? `${p.switches} switches` : '',
      String(p.errors.length),
    ]);
    for (const kind of requestKinds) {
      const k = p.kinds[kind];
      if (k.requests === 0 && k.errors === 0) continue;
      rows.push([
        '',
        kind,
        fmt(k.requests, 0),
        fmt(k.p50Ms),
        fmt(k.p99Ms),
        fmt(k.maxMs),
        String(k.errors),
      ]);
    }
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const row of rows) {
    log(
      row
        .map((cell, c) =>
          c < 2 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0),
        )
        .join('  '),
    );
  }
  for (const p of phases)
    for (const error of p.errors.slice(0, 10)) log(`ERROR ${error}`);
  log(
    `consistency: ${fmt(consistency.intents, 0)} intents of ${options.clients} clients each stored, applied and audited once; ` +
      `${fmt(consistency.services, 0)} services; ${consistency.problems.length === 0 ? 'every pulled view equals the database' : `${consistency.problems.length} PROBLEMS`}`,
  );
  for (const problem of consistency.problems) log(`PROBLEM ${problem}`);
  log(`server peak RSS: ${serverPeakRssMb.map((mb) => `${fmt(mb, 0)} MB`).join(', ')}`);
}
