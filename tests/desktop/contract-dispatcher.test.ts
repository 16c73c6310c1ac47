import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ContractMethod, ContractOutput } from '../../shared/contract/contract';
import { DomainError } from '../../shared/errors';
import { createDispatcher } from '../../src-main/contract/dispatcher';
import { disabledUpdates, updateHandlers } from '../../src-main/updates/desktop-updates';
import type { ContractHandlers } from '../../src-main/contract/handlers';

const serviceId = '3f1c2b7e-8a4d-4c6e-9b1a-2d3e4f5a6b7c';

type Call = { method: ContractMethod; input: unknown };

/** A handler layer that records what reaches it; the dispatcher is what is under test. */
function recordingHandlers(overrides: Partial<ContractHandlers> = {}) {
  const calls: Call[] = [];
  const record = (method: ContractMethod, input: unknown) =>
    calls.push({ method, input });
  const loggedOut = { kind: 'loggedOut', serverUrl: 'http://127.0.0.1:8787' } as const;
  const settingsView = {
    language: 'az',
    serverUrl: loggedOut.serverUrl,
    updateChannel: 'stable',
    dataFolder: '/data',
    databaseBytes: 0,
    unsyncedChanges: 0,
    canOpenDataFolder: false,
  } as const;
  const notHere = (): never => {
    throw new DomainError('NOT_FOUND', 'No such service');
  };
  const emptyStatus = {
    connection: { kind: 'loggedOut' },
    lastSyncedAt: null,
    pendingCount: 0,
    rejectedCount: 0,
    conflictCount: 0,
  } as const;

  const answer =
    <M extends ContractMethod>(method: M, output: () => ContractOutput<M>) =>
    (input: unknown) => {
      record(method, input);
      return new Promise<ContractOutput<M>>((resolve) => resolve(output()));
    };

  const handlers: ContractHandlers = {
    'session.get': answer('session.get', () => loggedOut),
    'session.login': answer('session.login', () => loggedOut),
    'session.logout': answer('session.logout', () => loggedOut),
    'settings.get': answer('settings.get', () => settingsView),
    'settings.setLanguage': answer('settings.setLanguage', () => ({ ok: true })),
    'settings.setServerUrl': answer('settings.setServerUrl', () => settingsView),
    'settings.setUpdateChannel': answer('settings.setUpdateChannel', () => settingsView),
    'settings.openDataFolder': answer('settings.openDataFolder', () => ({
      opened: false,
    })),
    'backup.export': answer('backup.export', () => ({ kind: 'cancelled' })),
    'backup.inspect': answer('backup.inspect', () => ({ kind: 'cancelled' })),
    'backup.restore': answer('backup.restore', notHere),
    'reference.get': answer('reference.get', () => ({ agencies: [], categories: [] })),
    'registry.figures': answer('registry.figures', () => ({
      stateBodies: 0,
      services: 0,
      g2bServices: 0,
      electronicServices: 0,
      nonElectronicServices: 0,
      perCategory: [],
      returnedCount: 0,
    })),
    'services.list': answer('services.list', () => ({ total: 0, rows: [] })),
    'services.count': answer('services.count', () => ({ total: 0 })),
    'services.get': answer('services.get', notHere),
    'services.create': answer('services.create', () => ({ serviceId })),
    'duplicates.list': answer('duplicates.list', () => []),
    'duplicates.ofService': answer('duplicates.ofService', () => []),
    'duplicates.mark': answer('duplicates.mark', notHere),
    'services.similar': answer('services.similar', () => ({
      isReady: false,
      similar: [],
    })),
    'services.saveDraft': answer('services.saveDraft', notHere),
    'services.saveHeldInput': answer('services.saveHeldInput', () => ({ ok: true })),
    'services.submit': answer('services.submit', notHere),
    'services.withdraw': answer('services.withdraw', notHere),
    'services.history': answer('services.history', () => []),
    'review.queue': answer('review.queue', () => ({ total: 0, rows: [] })),
    'review.service': answer('review.service', notHere),
    'review.serviceName': answer('review.serviceName', notHere),
    'review.decideService': answer('review.decideService', notHere),
    'review.decideServiceName': answer('review.decideServiceName', notHere),
    'evaluation.campaigns': answer('evaluation.campaigns', () => []),
    'evaluation.campaign': answer('evaluation.campaign', notHere),
    'evaluation.sheet': answer('evaluation.sheet', notHere),
    'evaluation.saveAnswer': answer('evaluation.saveAnswer', notHere),
    'results.sources': answer('results.sources', () => ({
      campaigns: [],
      publishedYears: [],
    })),
    'results.view': answer('results.view', notHere),
    'results.trend': answer('results.trend', () => []),
    'reports.export': answer('reports.export', () => ({ kind: 'cancelled' })),
    'analytics.get': answer('analytics.get', notHere),
    'analytics.export': answer('analytics.export', () => ({ kind: 'cancelled' })),
    'analytics.saveChart': answer('analytics.saveChart', () => ({ kind: 'cancelled' })),
    'serviceNames.list': answer('serviceNames.list', () => []),
    'serviceNames.similar': answer('serviceNames.similar', () => []),
    'serviceNames.propose': answer('serviceNames.propose', notHere),
    'sync.status': answer('sync.status', () => emptyStatus),
    'sync.now': answer('sync.now', () => emptyStatus),
    'outbox.list': answer('outbox.list', () => []),
    'outbox.dismiss': answer('outbox.dismiss', () => ({ ok: true })),
    'outbox.retry': answer('outbox.retry', () => ({ ok: true })),
    'conflicts.resolve': answer('conflicts.resolve', () => ({ ok: true })),
    ...updateHandlers(disabledUpdates('0.1.0')),
    ...overrides,
  };
  return { handlers, calls };
}

/** A real pino logger whose lines the test can read. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

function setup(overrides: Partial<ContractHandlers> = {}) {
  const { handlers, calls } = recordingHandlers(overrides);
  const { logger, lines } = capturingLogger();
  return { dispatch: createDispatcher(handlers, logger), calls, lines };
}

describe('contract dispatcher', () => {
  it('passes a valid payload to its handler with schema defaults applied', async () => {
    const { dispatch, calls } = setup();

    const outcome = await dispatch('services.list', { query: 'pensiya' });

    expect(outcome).toEqual({ ok: true, result: { total: 0, rows: [] } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toMatchObject({ query: 'pensiya', offset: 0, limit: 100 });
  });

  it.each([
    'no.such.method',
    'toString',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '',
  ])(
    'answers 404 NOT_FOUND for the unknown method %j without calling any handler',
    async (method) => {
      const { dispatch, calls } = setup();

      const outcome = await dispatch(method, {});

      expect(outcome).toMatchObject({
        ok: false,
        status: 404,
        error: { code: 'NOT_FOUND' },
      });
      expect(calls).toEqual([]);
    },
  );

  it.each([
    ['a string', '{"serviceId":'],
    ['null', null],
    ['undefined', undefined],
    ['an array', [serviceId]],
    ['a number', 42],
  ])('refuses a malformed payload (%s) with 400', async (_label, payload) => {
    const { dispatch, calls } = setup();

    const outcome = await dispatch('services.get', payload);

    expect(outcome).toMatchObject({
      ok: false,
      status: 400,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(calls).toEqual([]);
  });

  it('names every field of the wrong type', async () => {
    const { dispatch, calls } = setup();

    const outcome = await dispatch('session.login', { username: '', password: 5 });

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.status).toBe(400);
    expect(outcome.error.fields.map((f) => f.path).sort()).toEqual([
      'password',
      'username',
    ]);
    expect(calls).toEqual([]);
  });

  it('refuses a return for correction without remarks before it reaches the handler', async () => {
    const { dispatch, calls } = setup();

    const outcome = await dispatch('review.decideService', {
      serviceId,
      versionId: serviceId,
      submissionNo: 1,
      decision: 'return',
      remarks: [],
    });

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.status).toBe(400);
    expect(outcome.error.fields.map((f) => f.path)).toEqual(['remarks']);
    expect(calls).toEqual([]);
  });

  it('refuses a payload with an extra key and names that key', async () => {
    const { dispatch, calls } = setup();

    const outcome = await dispatch('services.get', {
      serviceId,
      isAdmin: true,
      role: 'x',
    });

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('VALIDATION_FAILED');
    expect(outcome.error.fields.map((f) => f.path).sort()).toEqual(['isAdmin', 'role']);
    expect(calls).toEqual([]);
  });

  it('refuses an oversized payload with 413 BODY_TOO_LARGE', async () => {
    const { dispatch, calls } = setup();

    const outcome = await dispatch('conflicts.resolve', {
      entryId: 1,
      field: 'name',
      resolution: 'edit',
      value: 'x'.repeat(3 * 1024 * 1024),
    });

    expect(outcome).toMatchObject({
      ok: false,
      status: 413,
      error: { code: 'BODY_TOO_LARGE' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses many small values that together exceed the size limit', async () => {
    const { dispatch, calls } = setup();
    const value = Array.from({ length: 300_000 }, () => 'abcdefgh');

    const outcome = await dispatch('conflicts.resolve', {
      entryId: 1,
      field: 'name',
      resolution: 'edit',
      value,
    });

    expect(outcome).toMatchObject({ ok: false, status: 413 });
    expect(calls).toEqual([]);
  });

  it('refuses a top-level __proto__ key and leaves Object.prototype untouched', async () => {
    const { dispatch, calls } = setup();
    const payload: unknown = JSON.parse(
      `{"serviceId":"${serviceId}","__proto__":{"polluted":true}}`,
    );

    const outcome = await dispatch('services.get', payload);

    expect(outcome).toMatchObject({ ok: false, status: 400 });
    if (outcome.ok) return;
    expect(outcome.error.fields.map((f) => f.path)).toEqual(['__proto__']);
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a nested %s key inside a free-form value',
    async (key) => {
      const { dispatch, calls } = setup();
      const payload: unknown = JSON.parse(
        `{"entryId":1,"field":"name","resolution":"edit","value":{"a":[{"${key}":{"x":1}}]}}`,
      );

      const outcome = await dispatch('conflicts.resolve', payload);

      expect(outcome).toMatchObject({ ok: false, status: 400 });
      if (outcome.ok) return;
      expect(outcome.error.fields[0]?.path).toBe(`value.a.0.${key}`);
      expect(calls).toEqual([]);
    },
  );

  it('refuses a payload that refers to itself', async () => {
    const { dispatch, calls } = setup();
    const value: Record<string, unknown> = {};
    value.self = value;

    const outcome = await dispatch('conflicts.resolve', {
      entryId: 1,
      field: 'name',
      resolution: 'edit',
      value,
    });

    expect(outcome).toMatchObject({ ok: false, status: 400 });
    expect(calls).toEqual([]);
  });

  it('turns a DomainError from a handler into its reason code and status', async () => {
    const { dispatch } = setup({
      'session.login': () =>
        Promise.reject(new DomainError('UNAUTHENTICATED', 'Wrong user name or password')),
    });

    const outcome = await dispatch('session.login', { username: 'a', password: 'b' });

    expect(outcome).toEqual({
      ok: false,
      status: 401,
      error: {
        code: 'UNAUTHENTICATED',
        message: 'Wrong user name or password',
        fields: [],
      },
    });
  });

  it('answers 500 INTERNAL for an unexpected failure, logs it with a correlation id and keeps its message out of the answer', async () => {
    const { dispatch, lines } = setup({
      'sync.now': () =>
        Promise.reject(new Error('SQLITE_CORRUPT: database disk image is malformed')),
    });

    const outcome = await dispatch('sync.now', {});

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.status).toBe(500);
    expect(outcome.error.code).toBe('INTERNAL');
    expect(outcome.error.message).not.toContain('SQLITE_CORRUPT');
    const logged = lines.find((line) => line.msg === 'contract handler failed');
    expect(logged).toBeDefined();
    const correlationId = String(logged?.correlationId);
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(outcome.error.message).toContain(correlationId);
    expect(JSON.stringify(logged?.err)).toContain('SQLITE_CORRUPT');
  });

  it('never writes a login payload into the log', async () => {
    const { dispatch, lines } = setup({
      'session.login': () =>
        Promise.reject(new DomainError('UNAUTHENTICATED', 'Wrong user name or password')),
    });

    await dispatch('session.login', {
      username: 'agency.mlspp',
      password: 'hunter2-secret',
    });
    await dispatch('session.login', { username: 'agency.mlspp', password: 7 });

    expect(JSON.stringify(lines)).not.toContain('hunter2-secret');
  });
});
