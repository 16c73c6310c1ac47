/**
 * The layout of a first-sync snapshot: the desktop's synced tables, each
 * object exactly as SQLite records it in a local store migrated to the
 * current version (its sqlite_master text). The server fills a snapshot in
 * this layout; a desktop adopts one only when every object matches its own
 * store, so a snapshot from another version is never half understood.
 * Autoindexes (from PRIMARY KEY and UNIQUE) are created by the tables.
 *
 * When a local migration changes a synced table, this list must change with
 * it: the layout test compares it with a freshly migrated store, and
 * SNAPSHOT_LAYOUT_VERSION goes up so older snapshots are refused.
 */

/** Raised whenever an object below changes. */
export const SNAPSHOT_LAYOUT_VERSION = 1;

/** A synced table, index or trigger of the local store. */
export interface LayoutObject {
  type: 'table' | 'index' | 'trigger';
  name: string;
  table: string;
  sql: string;
}

/** The synced tables, in the order their objects are created. */
export const SYNCED_TABLES = [
  'agencies',
  'categories',
  'service_names',
  'services',
  'service_documents',
  'methodologies',
  'campaigns',
  'evaluation_answers',
  'published_results',
  'duplicate_candidates',
] as const;

export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** The table a snapshot keeps its own facts in; a desktop drops it on adoption. */
export const SNAPSHOT_INFO_TABLE = 'snapshot_info';

/** Creates the info table; one row. */
export const SNAPSHOT_INFO_SQL =
  'CREATE TABLE snapshot_info (layout_version integer not null, schema_version integer not null, cursor text not null, scope text not null, built_at text not null)';

export const SNAPSHOT_LAYOUT: readonly LayoutObject[] = [
  {
    type: 'table',
    name: 'agencies',
    table: 'agencies',
    sql: 'CREATE TABLE `agencies` (`id` varchar(36), `code` varchar(64) not null, `group_name` varchar(32) not null, `name_az` text not null, `name_en` text not null, `is_active` boolean not null, primary key (`id`))',
  },
  {
    type: 'table',
    name: 'categories',
    table: 'categories',
    sql: 'CREATE TABLE `categories` (`code` varchar(64), `name_az` text not null, `name_en` text not null, `name_ru` text not null, `sort_order` integer not null, primary key (`code`))',
  },
  {
    type: 'table',
    name: 'service_names',
    table: 'service_names',
    sql: 'CREATE TABLE `service_names` (`id` varchar(36), `agency_id` varchar(36) not null, `name` text not null, `aliases` text not null, `status` varchar(16) not null, `submission_no` integer not null, `reason` text not null, `revision` integer not null, `proposed_by` varchar(36) not null, `proposed_at` varchar(32) not null, `decided_by` varchar(36) null, `decided_at` varchar(32) null, primary key (`id`))',
  },
  {
    type: 'index',
    name: 'service_names_agency_id_index',
    table: 'service_names',
    sql: 'CREATE INDEX `service_names_agency_id_index` on `service_names` (`agency_id`)',
  },
  {
    type: 'index',
    name: 'service_names_review_queue',
    table: 'service_names',
    sql: 'CREATE INDEX service_names_review_queue on service_names (status, proposed_at, id)',
  },
  {
    type: 'table',
    name: 'services',
    table: 'services',
    sql: 'CREATE TABLE services (\n      rowid integer primary key,\n      id varchar(36) not null unique,\n      agency_id varchar(36) not null,\n      service_name_id varchar(36) not null,\n      registry_code text not null,\n      revision integer not null,\n      name text not null,\n      name_sort text not null,\n      name_fold text not null,\n      type varchar(32) not null,\n      status varchar(16) not null,\n      categories text not null,\n      is_g2b integer not null,\n      updated_at varchar(32) not null,\n      has_published integer not null,\n      published_type varchar(32),\n      published_is_g2b integer not null,\n      published_categories text not null\n    , submitted_at varchar(32))',
  },
  {
    type: 'index',
    name: 'services_agency_name',
    table: 'services',
    sql: 'CREATE INDEX services_agency_name on services (agency_id, name_sort)',
  },
  {
    type: 'trigger',
    name: 'services_document_delete',
    table: 'services',
    sql: 'CREATE TRIGGER services_document_delete after delete on services begin\n      delete from service_documents where service_id = old.id;\n    end',
  },
  {
    type: 'index',
    name: 'services_name_search',
    table: 'services',
    sql: 'CREATE INDEX services_name_search on services (name_sort, id, name_fold, type, status, categories)',
  },
  {
    type: 'index',
    name: 'services_published',
    table: 'services',
    sql: 'CREATE INDEX services_published on services (has_published, agency_id)',
  },
  {
    type: 'index',
    name: 'services_review_queue',
    table: 'services',
    sql: 'CREATE INDEX services_review_queue on services (status, submitted_at, id, has_published, agency_id)',
  },
  {
    type: 'index',
    name: 'services_service_name',
    table: 'services',
    sql: 'CREATE INDEX services_service_name on services (service_name_id)',
  },
  {
    type: 'index',
    name: 'services_status_name',
    table: 'services',
    sql: 'CREATE INDEX services_status_name on services (status, name_sort)',
  },
  {
    type: 'table',
    name: 'service_documents',
    table: 'service_documents',
    sql: 'CREATE TABLE `service_documents` (`service_id` varchar(36), `document` text not null, primary key (`service_id`))',
  },
  {
    type: 'table',
    name: 'methodologies',
    table: 'methodologies',
    sql: 'CREATE TABLE `methodologies` (`id` varchar(36), `doc` text not null, primary key (`id`))',
  },
  {
    type: 'table',
    name: 'campaigns',
    table: 'campaigns',
    sql: 'CREATE TABLE `campaigns` (`id` varchar(36), `doc` text not null, primary key (`id`))',
  },
  {
    type: 'table',
    name: 'evaluation_answers',
    table: 'evaluation_answers',
    sql: 'CREATE TABLE `evaluation_answers` (`id` varchar(36), `campaign_id` varchar(36) not null, `service_id` varchar(36) not null, `sub_criterion_code` varchar(64) not null, `evaluator_id` varchar(36) not null, `doc` text not null, primary key (`id`))',
  },
  {
    type: 'index',
    name: 'evaluation_answers_campaign_id_service_id_index',
    table: 'evaluation_answers',
    sql: 'CREATE INDEX `evaluation_answers_campaign_id_service_id_index` on `evaluation_answers` (`campaign_id`, `service_id`)',
  },
  {
    type: 'table',
    name: 'published_results',
    table: 'published_results',
    sql: 'CREATE TABLE `published_results` (`id` varchar(36), `year` integer not null, `agency_id` varchar(36) null, `doc` text not null, primary key (`id`))',
  },
  {
    type: 'index',
    name: 'published_results_agency_id_index',
    table: 'published_results',
    sql: 'CREATE INDEX `published_results_agency_id_index` on `published_results` (`agency_id`)',
  },
  {
    type: 'index',
    name: 'published_results_year_index',
    table: 'published_results',
    sql: 'CREATE INDEX `published_results_year_index` on `published_results` (`year`)',
  },
  {
    type: 'table',
    name: 'duplicate_candidates',
    table: 'duplicate_candidates',
    sql: 'CREATE TABLE `duplicate_candidates` (`id` varchar(36), `a_service_id` varchar(36) not null, `b_service_id` varchar(36) not null, `score` float not null, `doc` text not null, primary key (`id`))',
  },
  {
    type: 'index',
    name: 'duplicate_candidates_a_service_id_index',
    table: 'duplicate_candidates',
    sql: 'CREATE INDEX `duplicate_candidates_a_service_id_index` on `duplicate_candidates` (`a_service_id`)',
  },
  {
    type: 'index',
    name: 'duplicate_candidates_b_service_id_index',
    table: 'duplicate_candidates',
    sql: 'CREATE INDEX `duplicate_candidates_b_service_id_index` on `duplicate_candidates` (`b_service_id`)',
  },
];
