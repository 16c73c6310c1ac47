import type { Knex } from 'knex';
import * as localSchema from './202612031900_local_schema';
import * as searchWalkIndex from './202612031930_search_walk_index';
import * as heldInputs from './202612031945_held_inputs';
import * as searchInMemory from './202612032130_search_in_memory';
import * as reviewQueue from './202612040300_review_queue';
import * as evaluations from './202612040500_evaluations';
import * as duplicateCandidates from './202612040700_duplicate_candidates';

interface MigrationModule {
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

/**
 * Every migration of the local store, by name. Imported, not discovered on
 * disk, so the same code runs under tsx, vitest, a bundle and Electron.
 * A released migration is never edited: add a new file.
 */
const migrations: Record<string, MigrationModule> = {
  '202612031900_local_schema': localSchema,
  '202612031930_search_walk_index': searchWalkIndex,
  '202612031945_held_inputs': heldInputs,
  '202612032130_search_in_memory': searchInMemory,
  '202612040300_review_queue': reviewQueue,
  '202612040500_evaluations': evaluations,
  '202612040700_duplicate_candidates': duplicateCandidates,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: () => Promise.resolve(Object.keys(migrations).sort()),
  getMigrationName: (name) => name,
  getMigration: (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`Unknown local migration ${name}`);
    return Promise.resolve(migration);
  },
};

/** The names of every migration this version of the app knows, oldest first. */
export function localMigrationNames(): string[] {
  return Object.keys(migrations).sort();
}

/** Brings the local schema up to date. */
export async function migrateLocalStore(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource });
}
