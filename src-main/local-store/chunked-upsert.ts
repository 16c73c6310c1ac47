import type { Knex } from 'knex';

/**
 * knex writes a multi-row insert on SQLite as one compound SELECT, which
 * SQLite caps at 500 terms (and at 32,766 bound values), so large writes go
 * in chunks under both limits.
 */
export async function upsertInChunks<Row extends object>(
  db: Knex,
  table: string,
  key: string,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {}).length || 1;
  const size = Math.max(1, Math.min(400, Math.floor(30_000 / columns)));
  for (let start = 0; start < rows.length; start += size) {
    await db(table)
      .insert(rows.slice(start, start + size))
      .onConflict(key)
      .merge();
  }
}
