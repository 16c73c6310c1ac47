import path from 'node:path';
import fc from 'fast-check';
import knex from 'knex';
import type { Knex } from 'knex';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, contractMethods } from '../../shared/contract/contract';
import type { ContractMethod } from '../../shared/contract/contract';
import { errorBodySchema } from '../../shared/errors';
import type { DesktopApp } from '../../src-main/app/desktop-app';
import { createDispatcher } from '../../src-main/contract/dispatcher';
import type { Dispatch } from '../../src-main/contract/dispatcher';
import { LOCAL_DB_FILE } from '../../src-main/local-store/database';
import type { RunningServer } from '../../src-server/server';
import { createLogger } from '../../src-server/logger';
import {
  openDesktop,
  ownPublishedService,
  signIn,
  startTestServer,
  tempDir,
} from '../desktop/support/desktop-fixture';
import { fuzzInputs, fuzzSeed, fuzzTimeoutMs } from './support/fuzz-budget';
import {
  callsFor,
  unknownMethodCalls,
  validPayloads,
} from './support/contract-generators';
import type { ContractCall, ContractTargets } from './support/contract-generators';

const log = createLogger('info').child({ module: 'fuzz' });
const inputs = fuzzInputs(1_500, 20_000);

/**
 * Valid calls of these are not made: they sign out, reach the server,
 * render a report, move the session or write a backup, none of which is
 * the dispatcher's refusal under test (their refusals are still fuzzed).
 */
const notCalledWhenValid = new Set<ContractMethod>([
  'session.login',
  'session.logout',
  'sync.now',
  'reports.export',
  'analytics.export',
  'analytics.saveChart',
  // Another valid address moves the session to a server that is not there.
  'settings.setServerUrl',
  // A backup written or restored would change files the checks compare.
  'backup.export',
  'backup.restore',
]);

let server: RunningServer;
let app: DesktopApp;
let dispatch: Dispatch;
let reader: Knex;
let targets: ContractTargets;

/**
 * SQLite's data_version, read on a connection of its own, moves whenever
 * another connection (the app's) commits: one cheap pragma tells whether a
 * call wrote anything to the local store.
 */
async function storeVersion(): Promise<number> {
  const rows = await reader.raw<Array<{ data_version: number }>>('PRAGMA data_version');
  return rows[0]?.data_version ?? -1;
}

/**
 * An accepted edit schedules a push, which would land during a later call
 * and look like its write. Syncing now sends it at once, answering only
 * after a cycle that began after the edit, so the store is still afterwards.
 */
async function settleSync(): Promise<number> {
  await app.handlers['sync.now']({});
  return storeVersion();
}

beforeAll(async () => {
  server = await startTestServer();
  const dataDir = tempDir('dxer-contract-fuzz');
  app = await openDesktop(dataDir, server.url);
  await signIn(app, 'agency.mlspp');
  const session = await app.handlers['session.get']({});
  if (session.kind !== 'loggedIn' || !session.user.agencyId)
    throw new Error('not signed in');
  const serviceId = await ownPublishedService(app);
  const names = await app.handlers['serviceNames.list']({});
  targets = {
    serviceId,
    agencyId: session.user.agencyId,
    serviceNameId: names[0]?.id ?? serviceId,
    campaignId: serviceId,
  };
  dispatch = createDispatcher(app.handlers, pino({ level: 'silent' }));
  reader = knex({
    client: 'sqlite3',
    connection: { filename: path.join(dataDir, LOCAL_DB_FILE) },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
});
afterAll(async () => {
  await reader.destroy();
  await app.stop();
  await server.close();
});

describe('every renderer↔main contract method under hostile input', () => {
  it('has a valid payload to fuzz from for every contract method', () => {
    const valid = validPayloads(targets);
    expect(contractMethods.filter((method) => !(method in valid))).toEqual([]);
    for (const method of contractMethods) {
      expect(contract[method].input.safeParse(valid[method]).success, method).toBe(true);
    }
  });

  it(
    `refuses ${inputs} hostile calls with a clear contract error that changes nothing in the local store`,
    async () => {
      const started = performance.now();
      const valid = validPayloads(targets);
      const arbitraries: Array<fc.Arbitrary<ContractCall>> = [
        ...contractMethods.map((method) => callsFor(method, valid[method])),
        unknownMethodCalls,
      ];
      const failures: string[] = [];
      const byOutcome: Record<string, number> = {};
      let tried = 0;
      let skipped = 0;
      let version = await storeVersion();
      const perArbitrary = Math.max(1, Math.ceil(inputs / arbitraries.length));
      for (const [index, arbitrary] of arbitraries.entries()) {
        for (const call of fc.sample(arbitrary, {
          numRuns: perArbitrary,
          seed: fuzzSeed + index,
        })) {
          if (tried >= inputs) break;
          const known = Object.hasOwn(contract, call.method);
          const method = call.method as ContractMethod;
          if (
            known &&
            notCalledWhenValid.has(method) &&
            contract[method].input.safeParse(call.payload).success
          ) {
            skipped += 1;
            continue;
          }
          tried += 1;
          const outcome = await dispatch(call.method, call.payload);
          let after = await storeVersion();
          if (outcome.ok && after !== version) after = await settleSync();
          const label = outcome.ok ? 'ok' : outcome.error.code;
          byOutcome[label] = (byOutcome[label] ?? 0) + 1;
          const broken: string[] = [];
          if (outcome.ok) {
            if (!contract[method].output.safeParse(outcome.result).success) {
              broken.push('an answer outside the method’s output schema');
            }
          } else {
            if (outcome.status >= 500)
              broken.push(`a ${outcome.status} (${outcome.error.code})`);
            if (!errorBodySchema.safeParse(outcome.error).success)
              broken.push('an error outside the shape');
            if (after !== version) broken.push('a refused call changed the local store');
          }
          if (broken.length > 0 && failures.length < 20) {
            const shown = JSON.stringify(call.payload) ?? 'undefined';
            failures.push(
              `${broken.join('; ')}: ${call.method.slice(0, 80)} ${shown.slice(0, 300)} → ${JSON.stringify(outcome).slice(0, 300)}`,
            );
          }
          version = after;
        }
      }
      log.info(
        {
          inputs: tried,
          skippedValid: skipped,
          byOutcome,
          seconds: Math.round((performance.now() - started) / 100) / 10,
          seed: fuzzSeed,
        },
        'contract fuzz inputs tried',
      );
      expect(failures).toEqual([]);
      expect(tried).toBeGreaterThan(inputs * 0.9);
    },
    fuzzTimeoutMs(inputs, 10),
  );
});
