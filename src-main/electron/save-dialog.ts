import path from 'node:path';
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import type { ChooseOpenPath } from '../app/open-path';
import type { ChooseSavePath } from '../app/save-path';

const filters: Record<'pdf' | 'xlsx' | 'csv' | 'png' | 'sqlite', FileFilter> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  png: { name: 'PNG', extensions: ['png'] },
  sqlite: { name: 'DXER backup', extensions: ['sqlite'] },
};

/**
 * Asks where to save a report with the platform's own dialog, starting in
 * the user's documents folder. The dialog's own overwrite prompt is left
 * on; main asks again only when a path comes from elsewhere.
 */
export function dialogSavePath(
  dialog: Dialog,
  documentsDir: string,
  focusedWindow: () => BrowserWindow | null,
): ChooseSavePath {
  return async ({ fileName, format }) => {
    const options = {
      defaultPath: path.join(documentsDir, fileName),
      filters: [filters[format]],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const window = focusedWindow();
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}

/** Asks which backup to restore with the platform's open dialog, starting in documents. */
export function dialogOpenPath(
  dialog: Dialog,
  documentsDir: string,
  focusedWindow: () => BrowserWindow | null,
): ChooseOpenPath {
  return async ({ format }) => {
    const options = {
      defaultPath: documentsDir,
      filters: [filters[format]],
      properties: ['openFile' as const],
    };
    const window = focusedWindow();
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
