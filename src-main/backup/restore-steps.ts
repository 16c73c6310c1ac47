import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import type { RestoreWarnings } from '../../shared/contract/settings-views';
import { userSchema } from '../../shared/domain/user';
import { DomainError } from '../../shared/errors';
import { saveFileSafely } from '../files/safe-save';
import { readMeta, writeMeta } from '../local-store/meta-table';
import { countUnsettled, moveUnsentEntries } from '../local-store/outbox-table';
import { databaseFile } from '../settings/data-location';
import { checkBackupFile } from './backup-check';
import type { CheckedBackup } from './backup-check';
import { backupDatabaseFile } from './sqlite-backup';

/** A checked copy of the chosen backup inside the data folder, ready to be moved into place. */
export interface PreparedRestore {
  copyPath: string;
  checked: CheckedBackup;
}

/**
 * Copies the chosen file into the data folder and checks the copy. What is
 * checked is what gets restored: the file the user chose may change after
 * the check, its copy cannot. On the data folder's own file system the copy
 * is later renamed into place atomically. The copy is removed on failure.
 */
export async function prepareRestore(
  dataDir: string,
  filePath: string,
): Promise<PreparedRestore> {
  const copyPath = path.join(dataDir, `.restore-${randomUUID().slice(0, 8)}.sqlite`);
  try {
    await fs.copyFile(filePath, copyPath);
  } catch (error) {
    await discardPrepared(copyPath);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('NOT_FOUND', `The backup file cannot be read (${reason})`, [
      { path: 'filePath', message: 'cannot be read' },
    ]);
  }
  try {
    return { copyPath, checked: await checkBackupFile(copyPath) };
  } catch (error) {
    await discardPrepared(copyPath);
    throw error;
  }
}

/** Removes a prepared copy and any journal SQLite left beside it. */
export async function discardPrepared(copyPath: string): Promise<void> {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    await fs.rm(`${copyPath}${suffix}`, { force: true });
  }
}

/** What restoring the checked backup over the current store would replace. */
export async function restoreWarnings(
  db: Knex,
  currentServerUrl: string,
  checked: CheckedBackup,
): Promise<RestoreWarnings> {
  const currentUser = userSchema.safeParse(
    JSON.parse((await readMeta(db, 'user')) ?? 'null'),
  );
  const currentUserId = currentUser.success ? currentUser.data.id : null;
  return {
    unsyncedChangesReplaced: await countUnsettled(db),
    isOtherServer: checked.serverUrl !== null && checked.serverUrl !== currentServerUrl,
    isOtherUser:
      checked.userId !== null &&
      currentUserId !== null &&
      checked.userId !== currentUserId,
  };
}

/** Whether restoring needs the user's explicit yes. */
export function needsConfirmation(warnings: RestoreWarnings): boolean {
  return (
    warnings.unsyncedChangesReplaced > 0 || warnings.isOtherServer || warnings.isOtherUser
  );
}

/**
 * Keeps the database as it is now in dataDir/backups before a restore
 * replaces it, so nothing typed is lost even when the user confirmed
 * without reading. Written through the backup API while the store is
 * still open, so it holds every commit (those still in the WAL too).
 * Known shortcoming: safety copies are never removed, so the folder grows
 * by one database per restore until the user deletes old ones; the
 * settings screen names the folder but does not list or prune it.
 */
export async function writeSafetyCopy(dataDir: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return saveFileSafely({
    filePath: path.join(dataDir, 'backups', `before-restore-${stamp}.sqlite`),
    overwrite: false,
    write: async (temp) => {
      await fs.mkdir(path.dirname(temp), { recursive: true });
      await backupDatabaseFile(databaseFile(dataDir), temp);
    },
  });
}

/**
 * Puts the prepared copy in place of the closed store's file. The old
 * database's WAL and shared-memory files go first: left beside the new
 * file, SQLite would replay the old database's log into it. Their content
 * is in the safety copy. The rename is atomic (same folder); the folder is
 * synced so the new name survives a power cut.
 */
export async function swapDatabaseFile(dataDir: string, copyPath: string): Promise<void> {
  const live = databaseFile(dataDir);
  await fs.rm(`${live}-wal`, { force: true });
  await fs.rm(`${live}-shm`, { force: true });
  await fs.rm(`${live}-journal`, { force: true });
  await fs.rename(copyPath, live);
  await syncFolder(dataDir);
}

async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The last sequence number this desktop used for each of its client ids. */
export async function lastSequences(db: Knex): Promise<Map<string, number>> {
  const rows = await db('meta')
    .where('key', 'like', 'last_seq.%')
    .select<Array<{ key: string; value: string }>>('key', 'value');
  return new Map(rows.map((row) => [row.key, Number(row.value)]));
}

/**
 * After a restore, each client id keeps counting from the highest number
 * this desktop ever used for it, not from the backup's older one: the
 * server has seen the numbers used since the backup, and would refuse new
 * changes numbered again from there (SEQUENCE_GAP). Entries in the backup
 * that were sent after it was taken keep their mutation ids, so the server
 * answers them with the results it stored.
 */
export async function carrySequencesForward(
  db: Knex,
  before: ReadonlyMap<string, number>,
): Promise<void> {
  const restored = await lastSequences(db);
  for (const [key, value] of before) {
    if (value > (restored.get(key) ?? 0)) {
      await writeMeta(db, key as `last_seq.${string}`, String(value));
    }
  }
}

/** The client id this desktop's store holds for each user who signed in on it. */
export async function clientIds(db: Knex): Promise<Map<string, string>> {
  const rows = await db('meta')
    .where('key', 'like', 'client_id.%')
    .select<Array<{ key: string; value: string }>>('key', 'value');
  return new Map(rows.map((row) => [row.key, row.value]));
}

/**
 * A backup taken on another computer of the same user (or before this
 * store was made) brings a client id this desktop did not hold. That
 * computer may go on numbering changes under it, and two machines under
 * one id would refuse each other's numbers. So the restored changes not
 * yet settled move under a fresh id, numbered from 1; any the other
 * computer had sent already are the same intents, and the server answers
 * them with the result it stored under the old id (never a second run).
 * Returns how many entries moved.
 */
export async function reissueForeignClientIds(
  db: Knex,
  before: ReadonlyMap<string, string>,
): Promise<number> {
  let moved = 0;
  for (const [key, clientId] of await clientIds(db)) {
    if (before.get(key) === clientId) continue;
    const fresh = randomUUID();
    moved += await moveUnsentEntries(db, clientId, fresh, { mayHaveLeft: true });
    await writeMeta(db, key as `client_id.${string}`, fresh);
  }
  return moved;
}
