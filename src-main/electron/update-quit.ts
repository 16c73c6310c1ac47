import type { App, BrowserWindow, Dialog } from 'electron';
import type { Language } from '../../shared/contract/contract';
import type { DesktopApp } from '../app/desktop-app';
import type { Logger } from '../logger';
import { decideUpdateOnQuit } from '../updates/quit-decision';
import type { QuitAnswer, QuitQuestion } from '../updates/quit-decision';
import { quitDialog } from '../updates/quit-dialog-texts';

/**
 * Quitting settles a downloaded update first (asks, waits for sync, or
 * starts the installer), then waits for the core to stop syncing and close
 * its database. The decision itself is plain Node (updates/quit-decision).
 */
export function settleBeforeQuit(
  app: App,
  dialog: Dialog,
  desktop: DesktopApp,
  options: {
    logger: Logger;
    language: () => Promise<Language>;
    window: () => BrowserWindow | null;
    /** The app stays open to wait for sync: make sure a window shows it. */
    onStay: () => void;
  },
): void {
  const log = options.logger;
  let isStopped = false;
  let isDeciding = false;

  const ask = async (question: QuitQuestion): Promise<QuitAnswer> => {
    const texts = quitDialog(question, await options.language());
    const box = {
      type: 'question' as const,
      message: texts.message,
      detail: texts.detail,
      buttons: texts.buttons.map((button) => button.label),
      defaultId: 0,
      cancelId: texts.buttons.length - 1,
      noLink: true,
    };
    const window = options.window();
    const { response } = window
      ? await dialog.showMessageBox(window, box)
      : await dialog.showMessageBox(box);
    return texts.buttons[response]?.answer ?? 'skip';
  };

  const stopAndQuit = () => {
    desktop
      .stop()
      .catch((error: unknown) => log.error({ err: error }, 'core did not stop cleanly'))
      .finally(() => {
        isStopped = true;
        app.quit();
      });
  };

  app.on('before-quit', (event) => {
    if (isStopped) return;
    event.preventDefault();
    if (isDeciding) return;
    isDeciding = true;
    decideUpdateOnQuit({ updates: desktop.updates, ask, quitNow: stopAndQuit })
      .catch((error: unknown) => {
        // Closing must never hang on the updater; the update waits for the next close.
        log.error({ err: error }, 'update decision failed on quit');
        return 'quit' as const;
      })
      .then((decision) => {
        isDeciding = false;
        if (decision === 'quit') stopAndQuit();
        else options.onStay();
      })
      .catch((error: unknown) => log.error({ err: error }, 'quit failed'));
  });
}
