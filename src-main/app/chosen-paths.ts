import path from 'node:path';
import { DomainError } from '../../shared/errors';
import type { ChooseSavePath } from './save-path';

/**
 * The files the user picked in a save dialog during this run. The renderer
 * names a file only to confirm replacing one it was told exists, which is
 * always one picked here; any other path would let a compromised page
 * write wherever main can (a shell profile, another app's settings), so it
 * is refused.
 */
export interface ChosenPaths {
  /** The dialog, remembering what the user picked. */
  choose: ChooseSavePath;
  /** Refuses a path the renderer sent that no dialog of this run returned. */
  assertChosen(filePath: string | undefined): void;
}

export function chosenPaths(dialog: ChooseSavePath): ChosenPaths {
  const chosen = new Set<string>();
  return {
    async choose(suggested) {
      const picked = await dialog(suggested);
      if (picked !== null) chosen.add(path.resolve(picked));
      return picked;
    },
    assertChosen(filePath) {
      if (filePath === undefined || chosen.has(path.resolve(filePath))) return;
      throw new DomainError('FORBIDDEN', 'Files are saved only where the user chose', [
        { path: 'filePath', message: 'not picked in a save dialog' },
      ]);
    },
  };
}
