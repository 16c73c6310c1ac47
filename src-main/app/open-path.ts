import fs from 'node:fs/promises';
import path from 'node:path';

/** Which backup file the user wants to restore; null when they cancelled. */
export type ChooseOpenPath = (request: { format: 'sqlite' }) => Promise<string | null>;

/**
 * Without a desktop dialog (the development host in a browser), the
 * counterpart of exportsFolderSavePath: backups are written to the
 * "exports" folder beside the local store, and restoring offers the newest
 * backup there; null when there is none. A browser cannot browse the
 * computer's files, so this is the whole choice the host gives.
 */
export function exportsFolderOpenPath(dataDir: string): ChooseOpenPath {
  return async ({ format }) => {
    const folder = path.join(dataDir, 'exports');
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      return null;
    }
    const candidates = await Promise.all(
      names
        .filter((name) => name.endsWith(`.${format}`) && !name.startsWith('.'))
        .map(async (name) => {
          const file = path.join(folder, name);
          return { file, modified: (await fs.stat(file)).mtimeMs };
        }),
    );
    candidates.sort((a, b) => b.modified - a.modified);
    return candidates[0]?.file ?? null;
  };
}
