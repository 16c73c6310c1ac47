import { BaseUpdater } from 'electron-updater';
import type { AppUpdater } from 'electron-updater';

/**
 * Starts the downloaded installer as the app closes, silently and without
 * relaunching (the user chose to close). Windows and Linux updaters run it
 * themselves; the macOS updater hands it to Squirrel, which installs once
 * the app has quit. Returns whether an installer was started.
 */
export function installDownloaded(updater: AppUpdater): boolean {
  if (updater instanceof BaseUpdater) return updater.install(true, false);
  updater.quitAndInstall(true, false);
  return true;
}
