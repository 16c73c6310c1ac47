import type { Knex } from 'knex';

/**
 * Raw values the user typed into a field that main cannot accept as a draft
 * yet (a half-typed e-mail, a text over its limit). They are the user's work
 * like drafts, so they live in the local store, one row per service and
 * field, until the field saves.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('held_inputs', (t) => {
    t.string('service_id', 36).notNullable();
    t.string('field', 64).notNullable();
    t.text('raw').notNullable();
    t.string('updated_at', 32).notNullable();
    t.primary(['service_id', 'field']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('held_inputs');
}
