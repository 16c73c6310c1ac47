import type { Knex } from 'knex';

/**
 * The first schema. Portable between SQLite and PostgreSQL: ids are UUID
 * text, timestamps ISO-8601 text (they sort as strings), JSON is text.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('agencies', (t) => {
    t.string('id', 36).primary();
    t.string('code', 64).notNullable().unique();
    t.string('group_name', 32).notNullable();
    t.text('name_az').notNullable();
    t.text('name_en').notNullable();
    t.boolean('is_active').notNullable().defaultTo(true);
    t.string('updated_at', 32).notNullable();
  });

  await db.schema.createTable('categories', (t) => {
    t.string('code', 64).primary();
    t.text('name_az').notNullable();
    t.text('name_en').notNullable();
    t.text('name_ru').notNullable();
    t.integer('sort_order').notNullable();
  });

  await db.schema.createTable('users', (t) => {
    t.string('id', 36).primary();
    t.string('username', 64).notNullable().unique();
    t.text('display_name').notNullable();
    t.string('role', 32).notNullable();
    t.string('agency_id', 36).nullable().references('id').inTable('agencies');
    t.boolean('is_active').notNullable().defaultTo(true);
    t.text('password_hash').notNullable();
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
  });

  await db.schema.createTable('sessions', (t) => {
    t.string('token_hash', 64).primary();
    t.string('user_id', 36).notNullable().references('id').inTable('users');
    t.string('created_at', 32).notNullable();
    t.string('expires_at', 32).notNullable();
    t.string('revoked_at', 32).nullable();
    t.index(['user_id']);
  });

  await db.schema.createTable('login_attempts', (t) => {
    t.increments('id').primary();
    t.string('username', 64).notNullable();
    t.string('ip', 64).notNullable();
    t.string('at', 32).notNullable();
    t.index(['username', 'ip', 'at']);
  });

  await db.schema.createTable('service_names', (t) => {
    t.string('id', 36).primary();
    t.string('agency_id', 36).notNullable().references('id').inTable('agencies');
    t.text('name').notNullable();
    t.text('aliases').notNullable();
    t.string('status', 16).notNullable();
    t.integer('submission_no').notNullable();
    t.text('reason').notNullable();
    t.integer('revision').notNullable();
    t.string('proposed_by', 36).notNullable();
    t.string('proposed_at', 32).notNullable();
    t.string('decided_by', 36).nullable();
    t.string('decided_at', 32).nullable();
    t.index(['agency_id']);
  });

  await db.schema.createTable('services', (t) => {
    t.string('id', 36).primary();
    t.string('agency_id', 36).notNullable().references('id').inTable('agencies');
    t.string('service_name_id', 36)
      .notNullable()
      .references('id')
      .inTable('service_names');
    t.string('registry_code', 32).notNullable().unique();
    t.integer('revision').notNullable();
    t.string('created_at', 32).notNullable();
    t.index(['agency_id']);
  });

  await db.schema.createTable('service_versions', (t) => {
    t.string('id', 36).primary();
    t.string('service_id', 36).notNullable().references('id').inTable('services');
    t.integer('number').notNullable();
    t.string('status', 16).notNullable();
    t.text('record').notNullable();
    t.integer('submission_no').notNullable();
    t.text('remarks').notNullable();
    t.string('created_at', 32).notNullable();
    t.string('created_by', 36).notNullable();
    t.string('updated_at', 32).notNullable();
    t.string('submitted_at', 32).nullable();
    t.string('submitted_by', 36).nullable();
    t.string('decided_at', 32).nullable();
    t.string('decided_by', 36).nullable();
    t.unique(['service_id', 'number']);
  });

  // Registry codes are handed out from one row, like feed positions.
  await db.schema.createTable('registry_code_counter', (t) => {
    t.integer('id').primary();
    t.bigInteger('value').notNullable();
  });
  await db('registry_code_counter').insert({ id: 1, value: 0 });

  await db.schema.createTable('clients', (t) => {
    t.string('client_id', 36).primary();
    t.string('user_id', 36).notNullable().references('id').inTable('users');
    t.bigInteger('last_seq').notNullable();
  });

  await db.schema.createTable('mutations', (t) => {
    t.string('mutation_id', 36).primary();
    t.string('client_id', 36).notNullable().references('client_id').inTable('clients');
    t.bigInteger('client_seq').notNullable();
    t.string('user_id', 36).notNullable();
    t.string('name', 64).notNullable();
    t.text('result').notNullable();
    t.string('created_at', 32).notNullable();
    t.unique(['client_id', 'client_seq']);
  });

  await db.schema.createTable('changes', (t) => {
    t.string('entity_type', 32).notNullable();
    t.string('entity_id', 64).notNullable();
    t.string('agency_id', 36).nullable();
    t.boolean('is_public').notNullable();
    t.boolean('is_removed').notNullable().defaultTo(false);
    t.string('changed_at', 32).notNullable();
    t.bigInteger('position').notNullable().unique();
    t.primary(['entity_type', 'entity_id']);
    t.index(['is_public', 'position']);
    t.index(['agency_id', 'position']);
  });

  await db.schema.createTable('feed_counter', (t) => {
    t.integer('id').primary();
    t.bigInteger('value').notNullable();
  });
  await db('feed_counter').insert({ id: 1, value: 0 });

  await db.schema.createTable('feed_meta', (t) => {
    t.integer('id').primary();
    /** Removals at or below this position have been pruned. */
    t.bigInteger('horizon').notNullable();
  });
  await db('feed_meta').insert({ id: 1, horizon: 0 });

  await db.schema.createTable('audit_events', (t) => {
    t.increments('id').primary();
    t.string('at', 32).notNullable();
    t.string('actor_id', 36).nullable();
    t.string('action', 64).notNullable();
    t.string('entity_type', 32).notNullable();
    t.string('entity_id', 64).notNullable();
    t.string('mutation_id', 36).nullable();
    t.text('details').notNullable();
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'audit_events',
    'feed_meta',
    'feed_counter',
    'changes',
    'mutations',
    'clients',
    'registry_code_counter',
    'service_versions',
    'services',
    'service_names',
    'login_attempts',
    'sessions',
    'users',
    'categories',
    'agencies',
  ]) {
    await db.schema.dropTableIfExists(table);
  }
}
