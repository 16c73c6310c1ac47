import type { Knex } from 'knex';
import type { User } from '../../shared/domain/user';
import { toBool } from '../db/rows';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  agency_id: string | null;
  is_active: unknown;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

/** A user as the API shows it: never with the password hash. */
export function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as User['role'],
    agencyId: row.agency_id,
    isActive: toBool(row.is_active),
  };
}

export async function findUserByUsername(
  db: Knex,
  username: string,
): Promise<UserRow | undefined> {
  return db<UserRow>('users').where('username', username).first();
}

export async function findUserById(db: Knex, id: string): Promise<UserRow | undefined> {
  return db<UserRow>('users').where('id', id).first();
}
