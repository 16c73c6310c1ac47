import type { Knex } from 'knex';

/** The current time as stored: ISO-8601 text in UTC, which sorts as a string. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** The rows a raw statement returned, whichever driver ran it. */
export function rawRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}

/** SQLite returns 0/1 and PostgreSQL true/false for booleans. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/** PostgreSQL returns bigint and count(*) as strings. */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/**
 * Takes the row lock of one record on PostgreSQL (a no-op update holds it
 * until commit) and tells whether the row exists. SQLite has one writer, so
 * the statement only confirms existence there.
 */
export async function lockRow(
  trx: Knex.Transaction,
  table: string,
  column: string,
  id: string,
): Promise<boolean> {
  const count = await trx(table)
    .where(column, id)
    .update({ [column]: id });
  return toNumber(count) > 0;
}

/** Count of a query's rows as a number. */
export async function countRows(query: Knex.QueryBuilder): Promise<number> {
  const row = await firstRow<{ count: unknown }>(query.count({ count: '*' }));
  return toNumber(row?.count ?? 0);
}

/** The first row of a query, in the shape the caller selected. */
export async function firstRow<T>(query: Knex.QueryBuilder): Promise<T | undefined> {
  const rows = (await query.limit(1)) as T[];
  return rows[0];
}

/** Whether a query finds any row. */
export async function exists(query: Knex.QueryBuilder): Promise<boolean> {
  return (
    (await firstRow<unknown>(query.select(query.client.raw('1 AS found')))) !== undefined
  );
}

/**
 * Rows per multi-row INSERT: knex builds SQLite's from one SELECT per row,
 * and SQLite refuses a compound SELECT of 500 terms or more.
 */
export const INSERT_CHUNK = 400;

/** Inserts rows with as few statements as the databases accept. */
export async function insertRows(
  db: Knex | Knex.Transaction,
  table: string,
  rows: readonly object[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await db(table).insert(rows.slice(start, start + INSERT_CHUNK));
  }
}

/**
 * Whether a statement failed on a unique or primary key, whichever driver
 * ran it. On PostgreSQL such a failure aborts the transaction, so callers
 * that turn it into a refusal must have issued it inside a savepoint.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '23505') return true;
  return (
    code === 'SQLITE_CONSTRAINT' &&
    typeof message === 'string' &&
    message.includes('UNIQUE constraint failed')
  );
}

/** Whether the database is PostgreSQL (else SQLite), for the few statements that differ. */
export function isPostgres(db: Knex | Knex.Transaction): boolean {
  const client: unknown = db.client;
  return (client as { config?: { client?: unknown } }).config?.client === 'pg';
}
