import type { Knex } from 'knex';

/**
 * Pairs of services that look like one, found by the server's duplicate
 * scan, with a reviewer's mark. `doc` is the DuplicateCandidate as pulled
 * (mark included), so a pull page splices it in as stored; the columns
 * beside it are what the feed filter, the scan's bookkeeping and the mark
 * read. One row per pair: the pair is kept in id order (a < b).
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('duplicate_candidates', (t) => {
    t.string('id', 36).primary();
    t.string('a_service_id', 36).notNullable().references('id').inTable('services');
    t.string('b_service_id', 36).notNullable().references('id').inTable('services');
    t.string('a_agency_id', 36).notNullable();
    t.string('b_agency_id', 36).notNullable();
    t.double('score').notNullable();
    /** Null until a reviewer marks the pair; a marked pair outlives a scan that no longer finds it. */
    t.string('mark_kind', 16).nullable();
    t.text('doc').notNullable();
    t.integer('revision').notNullable();
    t.string('updated_at', 32).notNullable();
    t.unique(['a_service_id', 'b_service_id']);
    t.index(['a_agency_id']);
    t.index(['b_agency_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('duplicate_candidates');
}
