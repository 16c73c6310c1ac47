import type { Knex } from 'knex';

/**
 * The desktop's local store. Synced tables mirror what the server sent;
 * service_drafts and outbox hold the user's own work and survive a full
 * resync. The synced tables carry no foreign keys between them: the server
 * owns referential integrity, and a pull page may deliver a service before
 * the agency or name it points at.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('meta', (t) => {
    t.string('key').primary();
    t.text('value').notNullable();
  });

  await db.schema.createTable('agencies', (t) => {
    t.string('id', 36).primary();
    t.string('code', 64).notNullable();
    t.string('group_name', 32).notNullable();
    t.text('name_az').notNullable();
    t.text('name_en').notNullable();
    t.boolean('is_active').notNullable();
  });

  await db.schema.createTable('categories', (t) => {
    t.string('code', 64).primary();
    t.text('name_az').notNullable();
    t.text('name_en').notNullable();
    t.text('name_ru').notNullable();
    t.integer('sort_order').notNullable();
  });

  await db.schema.createTable('service_names', (t) => {
    t.string('id', 36).primary();
    t.string('agency_id', 36).notNullable();
    t.text('name').notNullable();
    t.text('aliases').notNullable();
    t.string('status', 16).notNullable();
    t.integer('submission_no').notNullable();
    t.text('reason').notNullable();
    // 0 until the server has accepted a name proposed on this machine.
    t.integer('revision').notNullable();
    t.string('proposed_by', 36).notNullable();
    t.string('proposed_at', 32).notNullable();
    t.string('decided_by', 36).nullable();
    t.string('decided_at', 32).nullable();
    t.index(['agency_id']);
  });

  // Narrow rows: only what lists, filters and search read. An explicit
  // integer key gives the full-text index a stable rowid.
  await db.raw(`
    create table services (
      rowid integer primary key,
      id varchar(36) not null unique,
      agency_id varchar(36) not null,
      service_name_id varchar(36) not null,
      registry_code text not null,
      revision integer not null,
      name text not null,
      name_sort text not null,
      name_fold text not null,
      type varchar(32) not null,
      status varchar(16) not null,
      categories text not null,
      is_g2b integer not null,
      updated_at varchar(32) not null,
      has_published integer not null,
      published_type varchar(32),
      published_is_g2b integer not null,
      published_categories text not null
    )`);
  // The whole document (several kilobytes) lives apart, so scanning and
  // counting services never wades through it.
  await db.schema.createTable('service_documents', (t) => {
    t.string('service_id', 36).primary();
    t.text('document').notNullable();
  });
  await db.raw(`
    create trigger services_document_delete after delete on services begin
      delete from service_documents where service_id = old.id;
    end`);
  await db.raw('create index services_name_sort on services (name_sort)');
  await db.raw('create index services_agency_name on services (agency_id, name_sort)');
  await db.raw('create index services_status_name on services (status, name_sort)');
  await db.raw('create index services_type_name on services (type, name_sort)');
  await db.raw('create index services_service_name on services (service_name_id)');
  await db.raw('create index services_published on services (has_published, agency_id)');

  // Trigram over already-folded text: substring search that honours
  // Azerbaijani case rules (case_sensitive 1 keeps SQLite from re-folding
  // I to i). Contentless: the text lives in services.name_fold.
  await db.raw(`
    create virtual table services_fts using fts5(
      text, tokenize = 'trigram case_sensitive 1', content = '', contentless_delete = 1
    )`);
  await db.raw(`
    create trigger services_fts_insert after insert on services begin
      insert into services_fts (rowid, text) values (new.rowid, new.name_fold);
    end`);
  await db.raw(`
    create trigger services_fts_update after update of name_fold on services
    when old.name_fold is not new.name_fold begin
      delete from services_fts where rowid = old.rowid;
      insert into services_fts (rowid, text) values (new.rowid, new.name_fold);
    end`);
  await db.raw(`
    create trigger services_fts_delete after delete on services begin
      delete from services_fts where rowid = old.rowid;
    end`);

  await db.schema.createTable('service_drafts', (t) => {
    t.string('service_id', 36).primary();
    t.text('base_record').notNullable();
    t.text('record').notNullable();
    t.string('status', 16).notNullable();
    t.string('updated_at', 32).notNullable();
  });

  await db.schema.createTable('outbox', (t) => {
    t.increments('id').primary();
    t.string('mutation_id', 36).notNullable().unique();
    t.string('client_id', 36).notNullable();
    t.integer('client_seq').notNullable();
    t.string('name', 64).notNullable();
    t.string('entity_id', 36).notNullable();
    t.text('entity_label').notNullable();
    t.text('args').notNullable();
    t.string('state', 16).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('result').nullable();
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.unique(['client_id', 'client_seq']);
    t.index(['state', 'client_seq']);
    t.index(['entity_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'outbox',
    'service_drafts',
    'services_fts',
    'service_documents',
    'services',
    'service_names',
    'categories',
    'agencies',
    'meta',
  ]) {
    await db.schema.dropTableIfExists(table);
  }
}
