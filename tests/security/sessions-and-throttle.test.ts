import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../shared/errors';
import { databases } from '../server/support/databases';
import { startInjectServer } from '../fuzz/support/inject-server';
import type { InjectServer, RouteKey } from '../fuzz/support/inject-server';

const WINDOW_MS = 2_000;
const SESSION_TTL_MS = 2_500;

/** Routes anyone may call without signing in. */
const publicRoutes = new Set([
  'GET /api/v1/health',
  'POST /api/v1/auth/login',
  'GET /api/v1/open-data/services.jsonld',
  'GET /api/v1/open-data/services.csv',
  'GET /updates/:channel/:file',
]);

describe.each(databases)('sessions and sign-in throttling on $name', (database) => {
  let server: InjectServer;

  beforeAll(async () => {
    server = await startInjectServer(database, {
      sessionTtlMs: SESSION_TTL_MS,
      loginThrottle: {
        maxFailures: 3,
        maxFailuresPerUser: 5,
        maxFailuresPerIp: 6,
        windowMs: WINDOW_MS,
      },
    });
  });
  afterAll(() => server.close());

  const login = (username: string, password: string, ip: string) =>
    server.request<{ token: string }>(
      'POST',
      '/api/v1/auth/login',
      { username, password },
      undefined,
      ip,
    );
  const fail = async (username: string, ip: string) => {
    expect((await login(username, 'not-the-password', ip)).status).toBe(401);
  };

  /** Every guarded route called with `token`, with a body that passes everything before authentication. */
  async function guardedReplies(token: string, includeLogout: boolean) {
    const guarded = server.routes.filter((route: RouteKey) => {
      const id = `${route.method} ${route.url}`;
      return (
        !publicRoutes.has(id) && (includeLogout || id !== 'POST /api/v1/auth/logout')
      );
    });
    expect(guarded.length).toBeGreaterThan(10);
    return Promise.all(
      guarded.map(async (route) => {
        const url = route.url.replace(':id', randomUUID());
        const body =
          route.method === 'GET'
            ? undefined
            : {
                protocolVersion: 1,
                schemaVersion: 1,
                clientId: randomUUID(),
                cursor: null,
              };
        const reply = await server.request(route.method, url, body, token);
        return { route: `${route.method} ${route.url}`, reply };
      }),
    );
  }

  it('throttles one username from one address after 3 failures, even with the right password, and not from another address', async () => {
    for (let i = 0; i < 3; i += 1) await fail('auditor', '198.51.100.1');
    const blocked = await login('auditor', 'auditor-demo', '198.51.100.1');
    expect(blocked.status).toBe(429);
    expect(errorResponseSchema.parse(blocked.body).error.code).toBe('RATE_LIMITED');
    expect((await login('auditor', 'auditor-demo', '198.51.100.2')).status).toBe(200);
  });

  it('throttles one username tried from many addresses', async () => {
    for (let i = 0; i < 5; i += 1) await fail('evaluator', `198.51.100.${10 + i}`);
    expect((await login('evaluator', 'evaluator-demo', '198.51.100.99')).status).toBe(
      429,
    );
  });

  it('throttles one address trying many usernames, and not other addresses', async () => {
    for (let i = 0; i < 6; i += 1) await fail(`nobody.${i}`, '198.51.100.200');
    expect((await login('reviewer', 'reviewer-demo', '198.51.100.200')).status).toBe(429);
    expect((await login('reviewer', 'reviewer-demo', '198.51.100.201')).status).toBe(200);
  });

  it('lets every throttled sign-in through again once the window has passed', async () => {
    await sleep(WINDOW_MS + 200);
    expect((await login('auditor', 'auditor-demo', '198.51.100.1')).status).toBe(200);
    expect((await login('evaluator', 'evaluator-demo', '198.51.100.99')).status).toBe(
      200,
    );
    expect((await login('reviewer', 'reviewer-demo', '198.51.100.200')).status).toBe(200);
  });

  it('answers a revoked token with 401 at every guarded endpoint', async () => {
    const { token } = (await login('admin', 'admin-demo', '198.51.100.50')).body;
    // Logout aside: called with a live token it would end the session under test.
    const before = await guardedReplies(token, false);
    expect(before.filter(({ reply }) => reply.status === 401)).toEqual([]);
    expect(
      (await server.request('POST', '/api/v1/auth/logout', undefined, token)).status,
    ).toBe(200);
    for (const { route, reply } of await guardedReplies(token, true)) {
      expect({ route, status: reply.status, body: reply.body }).toMatchObject({
        route,
        status: 401,
        body: { error: { code: 'UNAUTHENTICATED' } },
      });
    }
  });

  it('answers an expired token with 401 SESSION_EXPIRED at every guarded endpoint', async () => {
    const { token } = (await login('admin', 'admin-demo', '198.51.100.51')).body;
    expect(
      (await server.request('GET', '/api/v1/auth/me', undefined, token)).status,
    ).toBe(200);
    await sleep(SESSION_TTL_MS + 200);
    for (const { route, reply } of await guardedReplies(token, true)) {
      expect({ route, status: reply.status, body: reply.body }).toMatchObject({
        route,
        status: 401,
        body: { error: { code: 'SESSION_EXPIRED' } },
      });
    }
  });
});
