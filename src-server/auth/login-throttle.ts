import type { Knex } from 'knex';
import { countRows, nowIso } from '../db/rows';

/** Failed logins allowed per username and address within the window. */
export interface ThrottleSettings {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  maxFailures: 10,
  windowMs: 15 * 60 * 1000,
};

/**
 * Login throttling lives in the database so that every server instance
 * sharing it counts the same failures.
 */
export async function isLoginThrottled(
  db: Knex,
  settings: ThrottleSettings,
  username: string,
  ip: string,
): Promise<boolean> {
  const since = new Date(Date.now() - settings.windowMs).toISOString();
  const failures = await countRows(
    db('login_attempts').where({ username, ip }).where('at', '>', since),
  );
  return failures >= settings.maxFailures;
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
