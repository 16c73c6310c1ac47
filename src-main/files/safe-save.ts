import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../shared/errors';

/**
 * Writes a file the user chose a name for: to a temporary file in the same
 * folder, flushed to disk, then moved into place, so a crash or a failed
 * write never leaves a half-written file under that name (the rename is
 * atomic within one file system, which the same folder guarantees). An
 * existing file is replaced only when `overwrite` is set; otherwise the
 * save is refused with ALREADY_EXISTS, checked again at the final step so a
 * file created meanwhile is not replaced either. Returns the absolute path.
 */
export async function saveFileSafely(options: {
  filePath: string;
  overwrite: boolean;
  write: (tempPath: string) => Promise<void>;
}): Promise<string> {
  const target = path.resolve(options.filePath);
  if (!options.overwrite && (await exists(target))) throw alreadyExists(target);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomUUID().slice(0, 8)}.partial`,
  );
  try {
    await options.write(temp);
    await flushToDisk(temp);
    await moveIntoPlace(temp, target, options.overwrite);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return target;
}

/**
 * Without overwrite, a hard link claims the name only if it is still free
 * (the check before writing could be stale by now). File systems without
 * hard links (FAT32 sticks, some network shares) fall back to a check and a
 * rename, which a file created in between could lose to.
 */
async function moveIntoPlace(temp: string, target: string, overwrite: boolean) {
  if (overwrite) {
    await fs.rename(temp, target);
    return;
  }
  try {
    await fs.link(temp, target);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw alreadyExists(target);
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EINVAL'].includes(errorCode(error))) {
      throw error;
    }
    if (await exists(target)) throw alreadyExists(target);
    await fs.rename(temp, target);
    return;
  }
  await fs.rm(temp, { force: true });
}

async function flushToDisk(filePath: string): Promise<void> {
  const handle = await fs.open(filePath, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.lstat(filePath);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

function alreadyExists(filePath: string): DomainError {
  return new DomainError(
    'ALREADY_EXISTS',
    `A file named ${path.basename(filePath)} already exists in that folder; ` +
      'choose another name or allow replacing it.',
    [{ path: 'filePath', message: 'already exists' }],
  );
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}
