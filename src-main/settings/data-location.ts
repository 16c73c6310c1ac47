import fs from 'node:fs/promises';
import path from 'node:path';
import { LOCAL_DB_FILE } from '../local-store/database';

/** The local database file inside a data folder. */
export function databaseFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), LOCAL_DB_FILE);
}

/**
 * The database's size on disk: the file and its write-ahead log, which
 * holds the latest commits until a checkpoint moves them into the file.
 */
export async function databaseBytes(dataDir: string): Promise<number> {
  const file = databaseFile(dataDir);
  let total = 0;
  for (const part of [file, `${file}-wal`]) {
    try {
      total += (await fs.stat(part)).size;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT'))
        throw error;
    }
  }
  return total;
}
