import type { Knex } from 'knex';
import { firstRow, nowIso, toNumber } from '../db/rows';

/**
 * Failed logins allowed within the window, counted three ways:
 * - per username and address (`maxFailures`): one person guessing one account;
 * - per username from any address (`maxFailuresPerUser`): a guesser who moves
 *   between addresses. The cost: anyone can lock an account out for the
 *   window, which is why this limit sits well above the first;
 * - per address across usernames (`maxFailuresPerIp`): one machine trying
 *   many accounts. An office behind one NAT address shares this budget, so
 *   it too is generous.
 */
export interface ThrottleSettings {
  maxFailures: number;
  windowMs: number;
  maxFailuresPerUser?: number;
  maxFailuresPerIp?: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  maxFailures: 10,
  windowMs: 15 * 60 * 1000,
  maxFailuresPerUser: 50,
  maxFailuresPerIp: 100,
};

/** Which of the limits a sign-in ran into, for the log. */
export type ThrottleReason = 'userAndAddress' | 'user' | 'address';

/**
 * Login throttling lives in the database so that every server instance
 * sharing it counts the same failures. One statement counts all three.
 */
export async function loginThrottleReason(
  db: Knex,
  settings: ThrottleSettings,
  username: string,
  ip: string,
): Promise<ThrottleReason | null> {
  const since = new Date(Date.now() - settings.windowMs).toISOString();
  const row = await firstRow<{ pair: unknown; user: unknown; address: unknown }>(
    db('login_attempts')
      .where('at', '>', since)
      .where((inner) => {
        void inner.where('username', username).orWhere('ip', ip);
      })
      .select(
        db.raw('SUM(CASE WHEN username = ? AND ip = ? THEN 1 ELSE 0 END) AS pair', [
          username,
          ip,
        ]),
        db.raw('SUM(CASE WHEN username = ? THEN 1 ELSE 0 END) AS "user"', [username]),
        db.raw('SUM(CASE WHEN ip = ? THEN 1 ELSE 0 END) AS address', [ip]),
      ),
  );
  const count = (value: unknown) => toNumber(value ?? 0);
  if (count(row?.pair) >= settings.maxFailures) return 'userAndAddress';
  if (count(row?.user) >= (settings.maxFailuresPerUser ?? Infinity)) return 'user';
  if (count(row?.address) >= (settings.maxFailuresPerIp ?? Infinity)) return 'address';
  return null;
}

export async function recordLoginFailure(
  db: Knex,
  username: string,
  ip: string,
): Promise<void> {
  await db('login_attempts').insert({ username, ip, at: nowIso() });
}

/** A successful login forgives earlier failures from the same place. */
export async function clearLoginFailures(
  db: Knex,
  username: string,
  ip: string,
): Promise<void> {
  await db('login_attempts').where({ username, ip }).delete();
}
