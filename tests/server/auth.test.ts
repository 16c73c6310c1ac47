import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginResponseSchema } from '../../shared/api/auth';
import { databases } from './support/databases';
import { startTestServer } from './support/server';
import type { TestServer } from './support/server';

describe.each(databases)('authentication on $name', (database) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(database, {
      loginThrottle: { maxFailures: 3, windowMs: 60_000 },
    });
  });
  afterAll(() => server.close());

  it('signs in with the right password and answers "me" with the user', async () => {
    const login = await server.request('POST', '/api/v1/auth/login', {
      username: 'Reviewer',
      password: 'reviewer-demo',
    });
    expect(login.status).toBe(200);
    const body = loginResponseSchema.parse(login.body);
    expect(body.user).toMatchObject({
      username: 'reviewer',
      role: 'reviewer',
      agencyId: null,
    });
    const me = await server.request('GET', '/api/v1/auth/me', undefined, body.token);
    expect(me).toMatchObject({ status: 200, body: { user: body.user } });
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await server.request('POST', '/api/v1/auth/login', {
      username: 'auditor',
      password: 'not-the-password',
    });
    const unknown = await server.request('POST', '/api/v1/auth/login', {
      username: 'nobody',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('throttles repeated failures for a username and address with 429, even with the right password', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const reply = await server.request('POST', '/api/v1/auth/login', {
        username: 'evaluator',
        password: 'guess-number-x',
      });
      expect(reply.status).toBe(401);
    }
    const blocked = await server.request('POST', '/api/v1/auth/login', {
      username: 'evaluator',
      password: 'evaluator-demo',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    const other = await server.request('POST', '/api/v1/auth/login', {
      username: 'admin',
      password: 'admin-demo',
    });
    expect(other.status).toBe(200);
  });

  it('stores neither passwords nor tokens in clear', async () => {
    const { token } = await server.login('agency.mlspp');
    const passwordHashes = (
      (await server.db('users').pluck('password_hash')) as unknown[]
    ).map(String);
    for (const hash of passwordHashes) {
      expect(hash).toMatch(/^scrypt\$/);
      expect(hash).not.toContain('-demo');
    }
    const hashes = (await server.db('sessions').pluck('token_hash')).map(String);
    expect(hashes).not.toContain(token);
    expect(hashes).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('revokes the session on logout', async () => {
    const { token } = await server.login('auditor');
    expect(
      (await server.request('POST', '/api/v1/auth/logout', undefined, token)).status,
    ).toBe(200);
    const after = await server.request('GET', '/api/v1/auth/me', undefined, token);
    expect(after).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
  });

  it('answers an expired session with SESSION_EXPIRED', async () => {
    const { token } = await server.login('auditor');
    const tokenHash = createHash('sha256').update(token).digest('hex');
    await server
      .db('sessions')
      .where('token_hash', tokenHash)
      .update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    const reply = await server.request('GET', '/api/v1/auth/me', undefined, token);
    expect(reply).toMatchObject({
      status: 401,
      body: { error: { code: 'SESSION_EXPIRED' } },
    });
  });

  it('refuses requests without a token or with a made-up one', async () => {
    expect((await server.request('GET', '/api/v1/auth/me')).status).toBe(401);
    const forged = await server.request(
      'GET',
      '/api/v1/auth/me',
      undefined,
      'A'.repeat(43),
    );
    expect(forged).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
  });

  it('ends a user’s sessions when an administrator disables the account', async () => {
    const admin = await server.login('admin');
    const justice = await server.login('agency.justice');
    const disable = await server.request(
      'PATCH',
      `/api/v1/admin/users/${justice.user.id}`,
      { isActive: false },
      admin.token,
    );
    expect(disable.status).toBe(200);
    expect(
      (await server.request('GET', '/api/v1/auth/me', undefined, justice.token)).status,
    ).toBe(401);
    const again = await server.request('POST', '/api/v1/auth/login', {
      username: 'agency.justice',
      password: 'agency.justice-demo',
    });
    expect(again.status).toBe(403);
  });
});
