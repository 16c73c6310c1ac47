import sqlite3 from 'sqlite3';
import { all, close, openDatabase } from '../../../src-main/backup/sqlite-backup';

/** Every table of a SQLite file, each as its rows in a stable order (by their JSON). */
export async function dumpTables(file: string): Promise<Map<string, string[]>> {
  const db = await openDatabase(file, sqlite3.OPEN_READONLY);
  try {
    const tables = await all<{ name: string }>(
      db,
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    const dump = new Map<string, string[]>();
    for (const { name } of tables) {
      const rows = await all<Record<string, unknown>>(db, `SELECT * FROM "${name}"`);
      dump.set(name, rows.map((row) => JSON.stringify(blobsAsHex(row))).sort());
    }
    return dump;
  } finally {
    await close(db);
  }
}

/** The rows of one query on a SQLite file, opened read-only beside the app. */
export async function queryFile<T>(file: string, sql: string): Promise<T[]> {
  const db = await openDatabase(file, sqlite3.OPEN_READONLY);
  try {
    return await all<T>(db, sql);
  } finally {
    await close(db);
  }
}

/** BLOB columns (the search index's) as hex, so rows compare as text. */
function blobsAsHex(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      Buffer.isBuffer(value) ? `x'${value.toString('hex')}'` : value,
    ]),
  );
}
