import type { Knex } from 'knex';

/**
 * The ASAN index: methodology versions, campaigns, each evaluator's
 * answers with every revision kept, and published results of past years.
 * Portable like the first schema: UUID text ids, ISO text timestamps, JSON
 * as text. The JSON columns hold what a pull sends (see sync/page-json.ts),
 * so a page splices them in as stored.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('methodologies', (t) => {
    t.string('id', 36).primary();
    t.integer('year').notNullable();
    t.integer('version').notNullable();
    /** name, parameters, bands and aggregation, as one JSON object. */
    t.text('body').notNullable();
    t.string('frozen_at', 32).nullable();
    t.string('created_at', 32).notNullable();
    t.unique(['year', 'version']);
  });

  await db.schema.createTable('campaigns', (t) => {
    t.string('id', 36).primary();
    t.integer('year').notNullable();
    t.string('methodology_id', 36)
      .notNullable()
      .references('id')
      .inTable('methodologies');
    t.string('status', 16).notNullable();
    /** name, providers, services and evaluatorIds, as one JSON object. */
    t.text('body').notNullable();
    t.integer('revision').notNullable();
    t.string('created_at', 32).notNullable();
    t.index(['methodology_id']);
  });

  await db.schema.createTable('evaluation_answers', (t) => {
    t.string('id', 36).primary();
    t.string('campaign_id', 36).notNullable().references('id').inTable('campaigns');
    t.string('service_id', 36).notNullable().references('id').inTable('services');
    t.string('sub_criterion_code', 64).notNullable();
    t.string('evaluator_id', 36).notNullable().references('id').inTable('users');
    /** The answer as pulled; null while it is withdrawn (the row keeps its revision). */
    t.text('doc').nullable();
    t.integer('revision').notNullable();
    t.string('updated_at', 32).notNullable();
    t.unique(['campaign_id', 'service_id', 'sub_criterion_code', 'evaluator_id']);
  });

  // Every value an answer held, so a conflict can show the one the client
  // based its change on. Keyed by the item, not the answer's id: an answer
  // withdrawn and given again takes the id the client made for it.
  await db.schema.createTable('evaluation_answer_revisions', (t) => {
    t.string('campaign_id', 36).notNullable();
    t.string('service_id', 36).notNullable();
    t.string('sub_criterion_code', 64).notNullable();
    t.string('evaluator_id', 36).notNullable();
    t.integer('revision').notNullable();
    /** The AnswerValue as JSON; null for a withdrawal. */
    t.text('value').nullable();
    t.string('changed_at', 32).notNullable();
    t.primary([
      'campaign_id',
      'service_id',
      'sub_criterion_code',
      'evaluator_id',
      'revision',
    ]);
  });

  await db.schema.createTable('published_results', (t) => {
    t.string('id', 36).primary();
    t.integer('year').notNullable();
    t.string('group_name', 32).notNullable();
    t.text('provider_name').notNullable();
    t.string('agency_id', 36).nullable().references('id').inTable('agencies');
    /** The PublishedResult as pulled. */
    t.text('doc').notNullable();
    t.unique(['year', 'group_name', 'provider_name']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'published_results',
    'evaluation_answer_revisions',
    'evaluation_answers',
    'campaigns',
    'methodologies',
  ]) {
    await db.schema.dropTableIfExists(table);
  }
}
