import path from 'node:path';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';

export interface NodeAppAdapterOptions {
  /** The running app's version (package.json's). */
  version: string;
  name: string;
  /** Where electron-updater keeps its staging id. */
  userDataPath: string;
  /** Where downloaded updates wait: `<baseCachePath>/<updaterCacheDirName>/pending`. */
  baseCachePath: string;
  /** The app-update.yml electron-builder writes into a packaged app's resources. */
  appUpdateConfigPath: string;
}

/**
 * What electron-updater asks of the app, answered without Electron: the
 * version, folders and the quit hook. The app's own quit flow calls
 * `runQuitHandlers`, so an updater's install-on-quit runs in plain Node too.
 */
export class NodeAppAdapter implements AppAdapter {
  readonly version: string;
  readonly name: string;
  readonly isPackaged = true;
  readonly appUpdateConfigPath: string;
  readonly userDataPath: string;
  readonly baseCachePath: string;
  private readonly quitHandlers: Array<(exitCode: number) => void> = [];
  relaunchRequested = false;

  constructor(options: NodeAppAdapterOptions) {
    this.version = options.version;
    this.name = options.name;
    this.appUpdateConfigPath = path.resolve(options.appUpdateConfigPath);
    this.userDataPath = options.userDataPath;
    this.baseCachePath = options.baseCachePath;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  relaunch(): void {
    this.relaunchRequested = true;
  }

  quit(): void {
    this.runQuitHandlers(0);
  }

  onQuit(handler: (exitCode: number) => void): void {
    this.quitHandlers.push(handler);
  }

  runQuitHandlers(exitCode: number): void {
    for (const handler of this.quitHandlers) handler(exitCode);
  }
}
