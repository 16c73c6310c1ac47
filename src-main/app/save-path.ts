import fs from 'node:fs';
import path from 'node:path';

/** Where the user wants a report saved; null when they cancelled. */
export type ChooseSavePath = (suggested: {
  fileName: string;
  format: 'pdf' | 'xlsx' | 'csv' | 'png' | 'sqlite';
}) => Promise<string | null>;

/**
 * Without a desktop dialog (the development host in a browser), reports go
 * to an "exports" folder beside the local store, under the suggested name;
 * the results screen shows the full path.
 */
export function exportsFolderSavePath(dataDir: string): ChooseSavePath {
  return ({ fileName }) => {
    const folder = path.join(dataDir, 'exports');
    fs.mkdirSync(folder, { recursive: true });
    return Promise.resolve(path.join(folder, fileName));
  };
}
