import type { Knex } from 'knex';

/**
 * Search now runs over an index of folded names held in main's memory, so
 * the trigram table and the (type, name_sort) index that only the list's
 * SQL search read are dropped: every service write paid to keep them.
 */
export async function up(db: Knex): Promise<void> {
  for (const trigger of [
    'services_fts_insert',
    'services_fts_update',
    'services_fts_delete',
  ])
    await db.raw(`drop trigger if exists ${trigger}`);
  await db.raw('drop table if exists services_fts');
  await db.raw('drop index if exists services_type_name');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('create index services_type_name on services (type, name_sort)');
  await db.raw(`
    create virtual table services_fts using fts5(
      text, tokenize = 'trigram case_sensitive 1', content = '', contentless_delete = 1
    )`);
  await db.raw(
    'insert into services_fts (rowid, text) select rowid, name_fold from services',
  );
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
}
