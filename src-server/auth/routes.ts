import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { DomainError, parseOrThrow } from '../../shared/errors';
import { loginRequestSchema } from '../../shared/api/auth';
import type { LoginResponse } from '../../shared/api/auth';
import { recordAudit } from '../audit/record';
import { authenticate, currentUser } from './authenticate';
import {
  clearLoginFailures,
  loginThrottleReason,
  recordLoginFailure,
} from './login-throttle';
import type { ThrottleSettings } from './login-throttle';
import { unmatchableHash, verifyPassword } from './passwords';
import { createSession, revokeSession } from './sessions';
import { findUserByUsername, userFromRow } from './users';

export interface AuthDeps {
  db: Knex;
  sessionTtlMs: number;
  loginThrottle: ThrottleSettings;
}

/** Login, logout and "who am I". */
export function registerAuthRoutes(app: FastifyInstance, deps: AuthDeps): void {
  const { db } = deps;

  app.post('/api/v1/auth/login', async (request): Promise<LoginResponse> => {
    const { username, password } = parseOrThrow(
      loginRequestSchema,
      request.body,
      'login',
    );
    const throttled = await loginThrottleReason(
      db,
      deps.loginThrottle,
      username,
      request.ip,
    );
    if (throttled) {
      request.log.warn({ throttled }, 'sign-in throttled');
      throw new DomainError(
        'RATE_LIMITED',
        'Too many failed sign-ins; wait a few minutes and try again',
      );
    }
    const row = await findUserByUsername(db, username);
    const matches = await verifyPassword(password, row?.password_hash ?? unmatchableHash);
    if (!row || !matches) {
      await db.transaction(async (trx) => {
        await recordLoginFailure(trx, username, request.ip);
        await recordAudit(trx, [
          {
            actorId: row?.id ?? null,
            action: 'auth.loginFailed',
            entityType: 'user',
            entityId: row?.id ?? username,
            details: { username, ip: request.ip },
          },
        ]);
      });
      throw new DomainError('UNAUTHENTICATED', 'Wrong username or password', [
        { path: 'password', message: 'does not match' },
      ]);
    }
    const user = userFromRow(row);
    if (!user.isActive) throw new DomainError('FORBIDDEN', 'This account is disabled');

    const session = await db.transaction(async (trx) => {
      await clearLoginFailures(trx, username, request.ip);
      const opened = await createSession(trx, user.id, deps.sessionTtlMs);
      await recordAudit(trx, [
        {
          actorId: user.id,
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          details: { ip: request.ip },
        },
      ]);
      return opened;
    });
    request.log.info({ userId: user.id }, 'signed in');
    return { token: session.token, expiresAt: session.expiresAt, user };
  });

  app.post('/api/v1/auth/logout', { preHandler: authenticate(db) }, async (request) => {
    const user = currentUser(request);
    const tokenHash = request.sessionTokenHash;
    await db.transaction(async (trx) => {
      if (tokenHash) await revokeSession(trx, tokenHash);
      await recordAudit(trx, [
        {
          actorId: user.id,
          action: 'auth.logout',
          entityType: 'user',
          entityId: user.id,
        },
      ]);
    });
    return { ok: true };
  });

  app.get('/api/v1/auth/me', { preHandler: authenticate(db) }, (request) =>
    Promise.resolve({ user: currentUser(request) }),
  );
}
