import type { Knex } from 'knex';

/**
 * The reviewer's queue lists submissions oldest first. services gets the
 * working version's submission time and an index that walks submitted rows
 * in that order, so opening a queue of thousands reads one page, not every
 * submission; proposed names get the same by their proposal time. Rows
 * already stored take their time from the service document.
 */
export async function up(db: Knex): Promise<void> {
  // Plain ALTER TABLE: the services table carries triggers and indexes a
  // rebuilt copy would lose.
  await db.raw('alter table services add column submitted_at varchar(32)');
  await db.raw(`
    update services set submitted_at = (
      select max(json_extract(v.value, '$.submittedAt'))
      from service_documents d, json_each(d.document, '$.versions') v
      where d.service_id = services.id
        and json_extract(v.value, '$.status') = 'submitted'
    ) where status = 'submitted'`);
  await db.raw(
    // has_published and agency_id ride along so the kind and agency filters
    // are answered from the index without reading the rows.
    'create index services_review_queue on services (status, submitted_at, id, has_published, agency_id)',
  );
  await db.raw(
    'create index service_names_review_queue on service_names (status, proposed_at, id)',
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw('drop index if exists service_names_review_queue');
  await db.raw('drop index if exists services_review_queue');
  await db.raw('alter table services drop column submitted_at');
}
