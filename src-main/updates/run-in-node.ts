import type { AppUpdater } from 'electron-updater';
import { NodeHttpExecutor } from './node-http-executor';

/**
 * Makes an electron-updater updater built with a NodeAppAdapter download
 * over Node's HTTP. Given an app adapter, electron-updater leaves its HTTP
 * client unset (it expects Electron's net module), and the field is not in
 * its typings, hence the assignment by name. Call before the first check:
 * the feed's provider takes the client when the feed URL is set.
 */
export function runInNode<T extends AppUpdater>(updater: T): T {
  Object.assign(updater, { httpExecutor: new NodeHttpExecutor() });
  return updater;
}
