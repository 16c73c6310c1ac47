import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Role } from '../../shared/domain/user';
import { presentationAgencies } from '../../shared/reference/agencies';
import { hashPassword } from '../auth/passwords';
import { nowIso } from '../db/rows';
import type { Logger } from '../logger';

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  agencyCode: string | null;
}

/** Fixed demo accounts; each password is the username followed by "-demo". */
export const demoUsers: readonly DemoUser[] = [
  {
    username: 'agency.mlspp',
    displayName: 'Aynur Məmmədova',
    role: 'agencyStaff',
    agencyCode: 'mlspp',
  },
  {
    username: 'agency.justice',
    displayName: 'Rəşad Əliyev',
    role: 'agencyStaff',
    agencyCode: 'justice',
  },
  {
    username: 'reviewer',
    displayName: 'Leyla Hüseynova',
    role: 'reviewer',
    agencyCode: null,
  },
  {
    username: 'evaluator',
    displayName: 'Elvin Quliyev',
    role: 'evaluator',
    agencyCode: null,
  },
  {
    username: 'auditor',
    displayName: 'Nərmin Rzayeva',
    role: 'auditor',
    agencyCode: null,
  },
  { username: 'admin', displayName: 'Tural Babayev', role: 'admin', agencyCode: null },
];

/** The demo password of a demo username. */
export function demoPassword(username: string): string {
  return `${username}-demo`;
}

/** Creates the demo users that do not exist yet and logs their credentials once. */
export async function seedDemoUsers(db: Knex, logger: Logger): Promise<void> {
  const existing = new Set((await db('users').pluck('username')).map(String));
  const created: string[] = [];
  for (const demo of demoUsers) {
    if (existing.has(demo.username)) continue;
    const agency = presentationAgencies.find((a) => a.code === demo.agencyCode);
    const now = nowIso();
    await db('users').insert({
      id: randomUUID(),
      username: demo.username,
      display_name: demo.displayName,
      role: demo.role,
      agency_id: agency?.id ?? null,
      is_active: true,
      password_hash: await hashPassword(demoPassword(demo.username)),
      created_at: now,
      updated_at: now,
    });
    created.push(demo.username);
  }
  if (created.length > 0) {
    // Demo passwords are public by design (README); real passwords never reach a log.
    logger.info(
      { demoUsers: created.map((username) => `${username} / ${demoPassword(username)}`) },
      'demo users created',
    );
  }
}
