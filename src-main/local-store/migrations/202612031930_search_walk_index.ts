import type { Knex } from 'knex';

/**
 * Search walks services in name order and tests each row's folded text
 * until a page is full. With name_sort alone in the index every step is a
 * lookup in the (wider, partly uncached) table; with id, name_fold and the
 * columns the type, status and category filters read beside it, the walk,
 * its filters and its ORDER BY name_sort, id are answered from the index.
 * It replaces services_name_sort, whose key is its prefix.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(
    'create index services_name_search on services ' +
      '(name_sort, id, name_fold, type, status, categories)',
  );
  await db.raw('drop index services_name_sort');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('create index services_name_sort on services (name_sort)');
  await db.raw('drop index services_name_search');
}
