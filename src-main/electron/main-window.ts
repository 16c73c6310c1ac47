import { BrowserWindow, screen } from 'electron';
import type { Logger } from 'pino';
import { loadWindowState, saveWindowState } from './window-state';
import { appEntryUrl, baseWindowOptions, secureWebPreferences } from './window-options';

/**
 * Opens the main window where it was last closed (size, position,
 * maximized), with the secure web preferences and our preload, showing
 * app:// only once the first paint is ready so no blank frame flashes.
 */
export async function createMainWindow(options: {
  preloadPath: string;
  userDataDir: string;
  logger: Logger;
}): Promise<BrowserWindow> {
  const log = options.logger.child({ module: 'main-window' });
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const { state, isRestored } = await loadWindowState(options.userDataDir, workAreas);

  const windowOptions = {
    ...baseWindowOptions,
    width: state.bounds.width,
    height: state.bounds.height,
    ...(isRestored ? { x: state.bounds.x, y: state.bounds.y } : { center: true }),
    webPreferences: { ...secureWebPreferences, preload: options.preloadPath },
  };
  // Electronegativity reads only literal options, so it cannot see that
  // secureWebPreferences turns contextIsolation and sandbox on and the
  // Auxclick blink feature off (tests/desktop/electron-security.test.ts
  // checks it does).
  const window = new BrowserWindow(windowOptions); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  if (state.isMaximized) window.maximize();

  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const current = {
      bounds: window.getNormalBounds(),
      isMaximized: window.isMaximized(),
    };
    saveWindowState(options.userDataDir, current).catch((error: unknown) => {
      log.warn({ err: error }, 'window state not saved');
    });
  });

  await window.loadURL(appEntryUrl);
  return window;
}
