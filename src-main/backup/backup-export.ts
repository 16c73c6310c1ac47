import fs from 'node:fs/promises';
import type { Logger } from 'pino';
import type { BackupResult } from '../../shared/contract/settings-views';
import { DomainError } from '../../shared/errors';
import type { ChooseSavePath } from '../app/save-path';
import { saveFileSafely } from '../files/safe-save';
import { databaseFile } from '../settings/data-location';
import { backupDatabaseFile } from './sqlite-backup';

/** The name offered for a backup: the app and the minute it was taken, sortable. */
export function suggestedBackupName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `DXER-backup-${stamp}.sqlite`;
}

/**
 * Writes a consistent copy of the running local store where the user
 * chooses (see backupDatabaseFile), never half-written and never over an
 * existing file unless overwrite is set (saveFileSafely).
 */
export async function exportBackup(
  dataDir: string,
  request: { filePath?: string | undefined; overwrite: boolean },
  deps: {
    chooseSavePath: ChooseSavePath;
    onProgress: (done: number, total: number) => void;
    logger: Logger;
  },
): Promise<BackupResult> {
  const log = deps.logger.child({ module: 'backup' });
  const filePath =
    request.filePath ??
    (await deps.chooseSavePath({
      fileName: suggestedBackupName(new Date()),
      format: 'sqlite',
    }));
  if (filePath === null) return { kind: 'cancelled' };

  const started = performance.now();
  try {
    const target = await saveFileSafely({
      filePath,
      overwrite: request.overwrite,
      write: (temp) => backupDatabaseFile(databaseFile(dataDir), temp, deps.onProgress),
    });
    const { size } = await fs.stat(target);
    log.info(
      { filePath: target, bytes: size, ms: Math.round(performance.now() - started) },
      'backup written',
    );
    return { kind: 'saved', filePath: target, bytes: size };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'ALREADY_EXISTS') {
      return { kind: 'exists', filePath };
    }
    log.warn({ err: error, filePath }, 'backup failed');
    throw error;
  }
}
