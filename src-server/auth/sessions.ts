import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { ReasonCode } from '../../shared/errors';
import type { User } from '../../shared/domain/user';
import { firstRow, nowIso } from '../db/rows';
import { userFromRow } from './users';
import type { UserRow } from './users';

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Only this hash of a token is stored, so a stolen database holds no usable tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session and returns its bearer token (shown to the client once). */
export async function createSession(
  db: Knex,
  userId: string,
  ttlMs: number,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs).toISOString();
  await db('sessions').insert({
    token_hash: hashToken(token),
    user_id: userId,
    created_at: nowIso(),
    expires_at: expiresAt,
    revoked_at: null,
  });
  return { token, expiresAt };
}

export type SessionLookup =
  | { ok: true; user: User; tokenHash: string }
  | {
      ok: false;
      code: Extract<ReasonCode, 'UNAUTHENTICATED' | 'SESSION_EXPIRED'>;
      message: string;
    };

/** Finds the live session of a bearer token and its (active) user. */
export async function findSession(db: Knex, token: string): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const row = await firstRow<UserRow & { expires_at: string; revoked_at: string | null }>(
    db('sessions')
      .join('users', 'users.id', 'sessions.user_id')
      .where('sessions.token_hash', tokenHash)
      .select('sessions.expires_at', 'sessions.revoked_at', 'users.*'),
  );
  if (!row || row.revoked_at !== null) {
    return { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in to continue' };
  }
  if (row.expires_at <= nowIso()) {
    return {
      ok: false,
      code: 'SESSION_EXPIRED',
      message: 'Your session has expired; sign in again',
    };
  }
  const user = userFromRow(row);
  if (!user.isActive) {
    return { ok: false, code: 'UNAUTHENTICATED', message: 'This account is disabled' };
  }
  return { ok: true, user, tokenHash };
}

/** Ends one session now. */
export async function revokeSession(db: Knex, tokenHash: string): Promise<void> {
  await db('sessions').where('token_hash', tokenHash).update({ revoked_at: nowIso() });
}

/** Ends every session of a user (password change, deactivation). */
export async function revokeUserSessions(db: Knex, userId: string): Promise<void> {
  await db('sessions')
    .where('user_id', userId)
    .whereNull('revoked_at')
    .update({ revoked_at: nowIso() });
}
