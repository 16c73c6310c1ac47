import type { Knex } from 'knex';

/**
 * Duplicate candidates as the server sent them (doc is the pulled
 * DuplicateCandidate); the service columns let a service's own pairs be
 * found without reading every document. A reviewer's own marks not yet
 * confirmed live in the outbox, never here, so a pull cannot overwrite them.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('duplicate_candidates', (t) => {
    t.string('id', 36).primary();
    t.string('a_service_id', 36).notNullable();
    t.string('b_service_id', 36).notNullable();
    t.double('score').notNullable();
    t.text('doc').notNullable();
    t.index(['a_service_id']);
    t.index(['b_service_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('duplicate_candidates');
}
