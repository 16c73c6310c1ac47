import type { Knex } from 'knex';
import * as initialSchema from './202612031840_initial_schema';
import * as auditChain from './202612032200_audit_chain';
import * as versionHistory from './202612032230_version_history';
import * as evaluations from './202612040400_evaluations';
import * as duplicateCandidates from './202612040600_duplicate_candidates';
import * as loginAttemptsByIp from './202612040600_login_attempts_by_ip';

interface MigrationModule {
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

/**
 * Every migration, by name. Imported rather than discovered on disk because
 * knex cannot load TypeScript itself, and an import works the same under
 * tsx, vitest and a bundle. Never edit a released migration: add a new one.
 */
const migrations: Record<string, MigrationModule> = {
  '202612031840_initial_schema': initialSchema,
  '202612032200_audit_chain': auditChain,
  '202612032230_version_history': versionHistory,
  '202612040400_evaluations': evaluations,
  '202612040600_duplicate_candidates': duplicateCandidates,
  '202612040600_login_attempts_by_ip': loginAttemptsByIp,
};

/** Every migration in order, for knex (tests step through it one by one). */
export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: () => Promise.resolve(Object.keys(migrations).sort()),
  getMigrationName: (name) => name,
  getMigration: (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`Unknown migration ${name}`);
    return Promise.resolve(migration);
  },
};

/** Brings the schema up to date; the server runs it under its start lock (start-lock.ts). */
export async function migrateToLatest(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource });
}
