import type { Knex } from 'knex';

/**
 * Keeps each version's review history (submissions, withdrawals, decisions
 * with their remarks) on the version, so a return's remarks stay readable
 * after the agency resubmits and the next decision replaces `remarks`.
 * Versions written before it start with an empty history; their latest
 * submission and decision remain in their own columns.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('service_versions', (t) => {
    t.text('history').notNullable().defaultTo('[]');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('service_versions', (t) => {
    t.dropColumn('history');
  });
}
