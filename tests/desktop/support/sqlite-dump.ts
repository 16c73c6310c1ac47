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
      dump.set(name, rows.map((row) => JSON.stringify(row, bufferAsHex)).sort());
    }
    return dump;
  } finally {
    await close(db);
  }
}

/** One value from one query, for checks on a file the app does not hold open. */
export async function queryFile<T>(file: string, sql: string): Promise<T[]> {
  const db = await openDatabase(file, sqlite3.OPEN_READONLY);
  try {
    return await all<T>(db, sql);
  } finally {
    await close(db);
  }
}

function bufferAsHex(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && 'type' in value && value.type === 'Buffer') {
    return `x'${Buffer.from((value as { data: number[] }).data).toString('hex')}'`;
  }
  return value;
}
