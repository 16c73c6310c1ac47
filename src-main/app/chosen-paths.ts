import path from 'node:path';
import { DomainError } from '../../shared/errors';
import type { ChooseOpenPath } from './open-path';
import type { ChooseSavePath } from './save-path';

/**
 * The files the user picked in a save or open dialog during this run. The
 * renderer names a file only to confirm replacing one it was told exists,
 * or to restore the backup it was just shown, which is always one picked
 * here; any other path would let a compromised page write wherever main
 * can (a shell profile, another app's settings) or swap the local store
 * for a file of its making, so it is refused.
 */
export interface ChosenPaths<Dialog> {
  /** The dialog, remembering what the user picked. */
  choose: Dialog;
  /** Refuses a path the renderer sent that no dialog of this run returned. */
  assertChosen(filePath: string | undefined): void;
}

function remembering<Request>(
  dialog: (request: Request) => Promise<string | null>,
  refusal: string,
): ChosenPaths<(request: Request) => Promise<string | null>> {
  const chosen = new Set<string>();
  return {
    async choose(request) {
      const picked = await dialog(request);
      if (picked !== null) chosen.add(path.resolve(picked));
      return picked;
    },
    assertChosen(filePath) {
      if (filePath === undefined || chosen.has(path.resolve(filePath))) return;
      throw new DomainError('FORBIDDEN', 'Only files the user chose are used', [
        { path: 'filePath', message: refusal },
      ]);
    },
  };
}

/** Where reports, tables, charts and backups may be written. */
export function chosenPaths(dialog: ChooseSavePath): ChosenPaths<ChooseSavePath> {
  return remembering(dialog, 'not picked in a save dialog');
}

/** Which backups may be read and restored. */
export function chosenOpenPaths(dialog: ChooseOpenPath): ChosenPaths<ChooseOpenPath> {
  return remembering(dialog, 'not picked in an open dialog');
}
