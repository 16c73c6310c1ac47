import fs from 'node:fs/promises';
import sqlite3 from 'sqlite3';
import { DomainError } from '../../shared/errors';
import { userSchema } from '../../shared/domain/user';
import { localMigrationNames } from '../local-store/migrations';
import { unsettledStates } from '../local-store/outbox-table';
import { all, close, openDatabase } from './sqlite-backup';

/** What a valid backup holds, as far as deciding to restore it needs. */
export interface CheckedBackup {
  bytes: number;
  serverUrl: string | null;
  userId: string | null;
  userName: string | null;
  services: number;
  unsyncedChanges: number;
  migrationsToApply: number;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Tables the first migration creates; a file without them is another program's. */
const REQUIRED_TABLES = [
  'knex_migrations',
  'meta',
  'services',
  'service_drafts',
  'outbox',
];

/**
 * Checks that file is a backup this app can restore: a SQLite database,
 * intact (integrity_check), with our schema, written by this version of
 * the app or an older one (every migration it ran is one we know; ones it
 * lacks run when it is opened). Throws BACKUP_INVALID or BACKUP_TOO_NEW
 * naming the file; never changes it. Call it on a private copy: SQLite may
 * create a journal beside the file it opens.
 */
export async function checkBackupFile(file: string): Promise<CheckedBackup> {
  const bytes = await sqliteFileSize(file);
  let db: sqlite3.Database;
  try {
    db = await openDatabase(file, sqlite3.OPEN_READWRITE);
  } catch (error) {
    throw invalid(`it cannot be opened (${messageOf(error)})`);
  }
  try {
    await assertIntact(db);
    const migrations = await assertOurSchema(db);
    const meta = await readFacts(db);
    return { bytes, ...meta, migrationsToApply: migrations };
  } finally {
    await close(db);
  }
}

async function sqliteFileSize(file: string): Promise<number> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    throw new DomainError(
      'NOT_FOUND',
      `The backup file cannot be read (${messageOf(error)})`,
      [{ path: 'filePath', message: 'cannot be read' }],
    );
  }
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(SQLITE_HEADER.length);
    await handle.read(header, 0, header.length, 0);
    if (size < 512 || !header.equals(SQLITE_HEADER)) {
      throw invalid('it is not a SQLite database');
    }
    return size;
  } finally {
    await handle.close();
  }
}

async function assertIntact(db: sqlite3.Database): Promise<void> {
  let rows: Array<{ integrity_check: string }>;
  try {
    rows = await all<{ integrity_check: string }>(db, 'PRAGMA integrity_check');
  } catch (error) {
    throw invalid(`it is damaged (${messageOf(error)})`);
  }
  const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
  if (problems.length > 0 || rows.length === 0) {
    throw invalid(`it is damaged (${problems.slice(0, 3).join('; ')})`);
  }
}

/** Returns how many of our migrations the backup has not run yet. */
async function assertOurSchema(db: sqlite3.Database): Promise<number> {
  const tables = new Set(
    (
      await all<{ name: string }>(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table'",
      )
    ).map((row) => row.name),
  );
  const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
  if (missing.length > 0) {
    throw invalid(`it is not a DXER Desktop database (no ${missing.join(', ')} table)`);
  }

  const ran = (await all<{ name: string }>(db, 'SELECT name FROM knex_migrations')).map(
    (row) => row.name,
  );
  const known = localMigrationNames();
  const unknown = ran.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new DomainError(
      'BACKUP_TOO_NEW',
      'The backup was written by a newer version of DXER Desktop ' +
        `(it has ${unknown.length} changes to the database this version does not know). ` +
        'Update the app, then restore it.',
      [{ path: 'filePath', message: 'written by a newer version' }],
    );
  }
  const first = known[0];
  if (first === undefined || !ran.includes(first)) {
    throw invalid('it is not a DXER Desktop database (its schema history is missing)');
  }
  return known.filter((name) => !ran.includes(name)).length;
}

async function readFacts(db: sqlite3.Database) {
  const meta = new Map(
    (
      await all<{ key: string; value: string }>(
        db,
        "SELECT key, value FROM meta WHERE key IN ('server_url', 'user')",
      )
    ).map((row) => [row.key, row.value]),
  );
  const user = parseUser(meta.get('user'));
  const [services] = await all<{ n: number }>(db, 'SELECT count(*) AS n FROM services');
  const states = unsettledStates.map((state) => `'${state}'`).join(', ');
  const [unsynced] = await all<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM outbox WHERE state IN (${states})`,
  );
  return {
    serverUrl: meta.get('server_url') ?? null,
    userId: user?.id ?? null,
    userName: user?.username ?? null,
    services: services?.n ?? 0,
    unsyncedChanges: unsynced?.n ?? 0,
  };
}

function parseUser(stored: string | undefined) {
  if (stored === undefined) return null;
  try {
    const parsed = userSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function invalid(why: string): DomainError {
  return new DomainError('BACKUP_INVALID', `This file cannot be restored: ${why}.`, [
    { path: 'filePath', message: why },
  ]);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
