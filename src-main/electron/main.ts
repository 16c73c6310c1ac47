import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import { createDesktopApp } from '../app/desktop-app';
import { createDispatcher } from '../contract/dispatcher';
import { createLogger } from '../logger';
import { serverUrlOverride } from '../settings/server-url';
import { serveRendererOverAppProtocol } from './app-protocol';
import { forwardEvents, registerContractChannels } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu-template';
import { createSafeStorageVault } from './safe-storage-vault';
import { dialogOpenPath, dialogSavePath } from './save-dialog';
import { hardenSession, hardenWebContents } from './security-guards';
import { settleBeforeQuit } from './update-quit';
import { appSchemePrivileges } from './window-options';

// The Electron entry: wires the desktop core to one secure window. All
// product logic lives in the core, which runs the same way in the plain
// Node host; this file only connects it to Electron.

const logger = createLogger();
const log = logger.child({ module: 'electron-main' });
const helpUrl = 'https://www.e-gov.az';

// Must happen before "ready": schemes cannot gain privileges later.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same SQLite file; the first one takes focus instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, shell, logger);
  });
  start().catch((error: unknown) => {
    log.fatal({ err: error }, 'DXER Desktop failed to start');
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const appRoot = app.getAppPath();
  const userDataDir = app.getPath('userData');
  const preloadPath = path.join(appRoot, 'dist/main/preload.cjs');

  hardenSession(session.defaultSession, logger);
  serveRendererOverAppProtocol(protocol, path.join(appRoot, 'dist/renderer'));

  const desktop = await createDesktopApp({
    dataDir: path.join(userDataDir, 'data'),
    serverUrl: serverUrlOverride(process.argv, process.env),
    tokenVault: createSafeStorageVault(safeStorage, userDataDir),
    logger,
    chooseSavePath: dialogSavePath(dialog, app.getPath('documents'), () =>
      BrowserWindow.getFocusedWindow(),
    ),
    appVersion: app.getVersion(),
    // electron-updater's updater for this platform and package type (NSIS,
    // AppImage, deb, macOS zip). An unpacked development run has nothing to
    // update. The channel is the one chosen in Settings.
    updates: app.isPackaged ? { updater: autoUpdater } : undefined,
    chooseOpenPath: dialogOpenPath(dialog, app.getPath('documents'), () =>
      BrowserWindow.getFocusedWindow(),
    ),
    // openPath answers an error message, or '' once the folder is shown.
    openFolder: async (folder) => (await shell.openPath(folder)) === '',
  });
  await desktop.start();
  registerContractChannels(ipcMain, createDispatcher(desktop.handlers, logger), logger);
  forwardEvents(
    (listener) => desktop.subscribe(listener),
    () => BrowserWindow.getAllWindows(),
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: app.getName(),
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        // A constant https address, never one from the page.
        onOpenHelp: () => void shell.openExternal(helpUrl), // eng-disable OPEN_EXTERNAL_JS_CHECK
      }),
    ),
  );

  const openWindow = () => createMainWindow({ preloadPath, userDataDir, logger });
  await openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length > 0) return;
    openWindow().catch((error: unknown) => log.error({ err: error }, 'window failed'));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  settleBeforeQuit(app, dialog, desktop, {
    logger: logger.child({ module: 'electron-quit' }),
    language: async () => (await desktop.handlers['settings.get']({})).language,
    window: () =>
      BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null,
    onStay: () => {
      if (BrowserWindow.getAllWindows().length > 0) return;
      openWindow().catch((error: unknown) => log.error({ err: error }, 'window failed'));
    },
  });
}
