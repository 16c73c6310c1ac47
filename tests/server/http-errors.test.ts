import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../shared/errors';
import { databases } from './support/databases';
import { writeCounts } from './support/registry';
import { startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

describe.each(databases)('HTTP errors on $name', (database) => {
  let server: TestServer;
  let staff: Session;
  let admin: Session;

  beforeAll(async () => {
    server = await startTestServer(database);
    staff = await server.login('agency.mlspp');
    admin = await server.login('admin');
  });
  afterAll(() => server.close());

  it('reports health and the protocol window', async () => {
    expect(await server.request('GET', '/api/v1/health')).toMatchObject({
      status: 200,
      body: { ok: true, protocol: { min: 1, max: 1 } },
    });
  });

  const badBodies: Array<[string, string, () => unknown, string[]]> = [
    [
      'login without a password',
      '/api/v1/auth/login',
      () => ({ username: 'admin' }),
      ['password'],
    ],
    [
      'push without mutations',
      '/api/v1/sync/push',
      () => ({
        protocolVersion: 1,
        schemaVersion: 1,
        clientId: randomUUID(),
        mutations: [],
      }),
      ['mutations'],
    ],
    [
      'push with a bad client id and envelope',
      '/api/v1/sync/push',
      () => ({
        protocolVersion: 1,
        schemaVersion: 1,
        clientId: 'x',
        mutations: [{ mutationId: 'y', clientSeq: 0, name: 'service.submit', args: {} }],
      }),
      ['clientId', 'mutations.0.mutationId', 'mutations.0.clientSeq'],
    ],
    [
      'pull with a malformed cursor and limit',
      '/api/v1/sync/pull',
      () => ({
        protocolVersion: 1,
        schemaVersion: 1,
        clientId: randomUUID(),
        cursor: 'v2:abc',
        limit: 0,
      }),
      ['cursor', 'limit'],
    ],
    [
      'user without a role',
      '/api/v1/admin/users',
      () => ({ username: 'new.user', displayName: 'Yeni', password: 'long-enough-1' }),
      ['role'],
    ],
  ];

  it.each(badBodies)(
    'answers %s with 400 naming the fields, and writes nothing',
    async (_what, path, body, fields) => {
      const before = await writeCounts(server);
      const token = path.includes('admin') ? admin.token : staff.token;
      const reply = await server.request('POST', path, body(), token);
      expect(reply.status).toBe(400);
      const error = errorResponseSchema.parse(reply.body).error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(fields));
      const after = await writeCounts(server);
      // A failed login writes its attempt and audit entry by design; nothing else moves.
      expect({ ...after, audit_events: 0 }).toEqual({ ...before, audit_events: 0 });
    },
  );

  it.each([
    '/api/v1/auth/login',
    '/api/v1/sync/push',
    '/api/v1/sync/pull',
    '/api/v1/admin/users',
  ])(
    'answers unparsable JSON and an empty JSON body on %s with 400 in the error shape',
    async (path) => {
      for (const raw of ['{"mutations": [', '']) {
        const response = await fetch(server.url + path, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${admin.token}`,
          },
          body: raw,
        });
        expect(response.status).toBe(400);
        expect(errorResponseSchema.parse(await response.json()).error.code).toBe(
          'VALIDATION_FAILED',
        );
      }
    },
  );

  it('answers a body over 5 MB with 413', async () => {
    const reply = await server.request(
      'POST',
      '/api/v1/sync/push',
      { padding: 'x'.repeat(6 * 1024 * 1024) },
      staff.token,
    );
    expect(reply).toMatchObject({
      status: 413,
      body: { error: { code: 'BODY_TOO_LARGE' } },
    });
  });

  it('tells a client outside the protocol window to update with 426', async () => {
    for (const versions of [
      { protocolVersion: 99, schemaVersion: 1 },
      { protocolVersion: 0, schemaVersion: 1 },
      { protocolVersion: 1, schemaVersion: 42 },
    ]) {
      const reply = await server.request(
        'POST',
        '/api/v1/sync/pull',
        { ...versions, clientId: randomUUID(), cursor: null },
        staff.token,
      );
      expect(reply.status).toBe(426);
      const error = errorResponseSchema.parse(reply.body).error;
      expect(error.code).toBe('PROTOCOL_UNSUPPORTED');
      expect(error.message).toMatch(/Update the app/);
    }
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    expect(await server.request('GET', '/api/v1/nothing-here')).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
  });

  it('never answers malformed input with a 500', async () => {
    const junk: unknown[] = [
      null,
      0,
      'text',
      [],
      [1, 2],
      { mutations: 'many' },
      { protocolVersion: '1' },
      { clientId: { $ne: 1 } },
      { cursor: 'v1:99999999999999999999' },
    ];
    const paths = [
      '/api/v1/auth/login',
      '/api/v1/sync/push',
      '/api/v1/sync/pull',
      '/api/v1/admin/users',
      `/api/v1/admin/agencies/${randomUUID()}`,
    ];
    for (const path of paths) {
      for (const body of junk) {
        const method = path.includes('agencies') ? 'PUT' : 'POST';
        const reply = await server.request(
          method,
          path,
          JSON.stringify(body),
          admin.token,
        );
        expect(reply.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
        expect(() => errorResponseSchema.parse(reply.body)).not.toThrow();
      }
    }
    const badId = await server.request(
      'PATCH',
      '/api/v1/admin/users/not-an-id',
      { isActive: false },
      admin.token,
    );
    expect(badId.status).toBe(400);
    const badQuery = await server.request(
      'GET',
      '/api/v1/audit?after=-1&limit=abc',
      undefined,
      admin.token,
    );
    expect(badQuery.status).toBe(400);
    expect(
      errorResponseSchema.parse(badQuery.body).error.fields.map((f) => f.path),
    ).toEqual(['after', 'limit']);
  });
});
