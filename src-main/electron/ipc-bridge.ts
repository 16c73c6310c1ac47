import type { BrowserWindow, IpcMain } from 'electron';
import type { Logger } from 'pino';
import { contractMethods } from '../../shared/contract/contract';
import type { Dispatch, DispatchResult } from '../contract/dispatcher';
import type { Subscribe } from '../host/event-stream';
import { eventChannel, methodChannel } from './channels';
import { isAppUrl } from './window-options';

/**
 * One ipcMain handler per contract method, each going through the
 * dispatcher. A call from any frame that is not our app:// page (an
 * injected iframe, a page reached by a bug in navigation) is refused.
 */
export function registerContractChannels(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  logger: Logger,
): void {
  const log = logger.child({ module: 'ipc' });

  for (const method of contractMethods) {
    ipcMain.handle(methodChannel(method), async (event, payload: unknown) => {
      const frame = event.senderFrame;
      if (frame === null || !isAppUrl(frame.url)) {
        log.warn({ method }, 'contract call from a foreign frame refused');
        return {
          ok: false,
          status: 403,
          error: { code: 'FORBIDDEN', message: 'Not allowed from this page', fields: [] },
        } satisfies DispatchResult;
      }
      return dispatch(method, payload);
    });
  }
}

/** Forwards main's events to every open window; returns the unsubscribe function. */
export function forwardEvents(
  subscribe: Subscribe,
  windows: () => BrowserWindow[],
): () => void {
  return subscribe((event, payload) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
    }
  });
}
