import type { Knex } from 'knex';

/**
 * The ASAN index on the desktop: methodologies, campaigns, every
 * evaluator's answers and published results as the server sent them, and
 * this evaluator's own answers not yet confirmed, kept apart so a pull can
 * never overwrite them.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('methodologies', (t) => {
    t.string('id', 36).primary();
    t.text('doc').notNullable();
  });
  await db.schema.createTable('campaigns', (t) => {
    t.string('id', 36).primary();
    t.text('doc').notNullable();
  });
  await db.schema.createTable('evaluation_answers', (t) => {
    t.string('id', 36).primary();
    t.string('campaign_id', 36).notNullable();
    t.string('service_id', 36).notNullable();
    t.string('sub_criterion_code', 64).notNullable();
    t.string('evaluator_id', 36).notNullable();
    t.text('doc').notNullable();
    t.index(['campaign_id', 'service_id']);
  });
  await db.schema.createTable('published_results', (t) => {
    t.string('id', 36).primary();
    t.integer('year').notNullable();
    t.string('agency_id', 36).nullable();
    t.text('doc').notNullable();
    t.index(['year']);
    t.index(['agency_id']);
  });
  await db.schema.createTable('answer_edits', (t) => {
    t.string('campaign_id', 36).notNullable();
    t.string('service_id', 36).notNullable();
    t.string('sub_criterion_code', 64).notNullable();
    /** The answer's id: the server's, or one made here for a first answer. */
    t.string('answer_id', 36).notNullable();
    /** JSON AnswerValue, or null when the evaluator withdrew the answer. */
    t.text('value').nullable();
    t.text('note').notNullable();
    t.text('evidence_ref').notNullable();
    /** The revision of this evaluator's answer the edit was made on; null for a first one. */
    t.integer('base_revision').nullable();
    t.string('updated_at', 32).notNullable();
    t.primary(['campaign_id', 'service_id', 'sub_criterion_code']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'answer_edits',
    'published_results',
    'evaluation_answers',
    'campaigns',
    'methodologies',
  ]) {
    await db.schema.dropTableIfExists(table);
  }
}
