import type { Knex } from 'knex';

/**
 * Login throttling also counts failures per address across usernames and
 * per username across addresses; the first index only serves lookups by
 * username, so an address gets its own.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('login_attempts', (t) => {
    t.index(['ip', 'at'], 'login_attempts_ip_at_index');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('login_attempts', (t) => {
    t.dropIndex(['ip', 'at'], 'login_attempts_ip_at_index');
  });
}
