// A desktop whose self-update runs in plain Node: electron-updater's own
// Linux updater (DebUpdater: feed parsing, download, SHA-512 check, cache)
// with a Node app adapter, against the real server's feed on 127.0.0.1.
// Only the final step, running dpkg, is replaced by a record of what would
// run. The feed file is latest-linux.yml, as on the Debian build machines.
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { DebUpdater } from 'electron-updater';
import type { DesktopApp } from '../../../src-main/app/desktop-app';
import { createDesktopApp } from '../../../src-main/app/desktop-app';
import { createFileTokenVault } from '../../../src-main/session/file-token-vault';
import { NodeAppAdapter } from '../../../src-main/updates/node-app-adapter';
import { runInNode } from '../../../src-main/updates/run-in-node';
import type { UpdateTimers } from '../../../src-main/updates/update-controller';
import type { UpdateStatus } from '../../../shared/contract/update-status';
import { tempDir } from './desktop-fixture';
import { startServer } from '../../../src-server/server';
import type { RunningServer } from '../../../src-server/server';
import { writeFakeRelease } from '../../support/update-feed';

export const CURRENT_VERSION = '0.1.0';

/** electron-updater's .deb updater, recording the installer it would hand to dpkg. */
export class RecordingDebUpdater extends DebUpdater {
  readonly installed: string[] = [];

  protected override doInstall(): boolean {
    this.installed.push(this.installerPath ?? '(none)');
    return true;
  }
}

export interface Rig {
  server: RunningServer;
  updatesDir: string;
  sqliteFile: string;
  app: DesktopApp;
  updater: RecordingDebUpdater;
  cacheDir: string;
  statuses: UpdateStatus[];
  timers: FakeTimers;
}

export interface FakeTimers extends UpdateTimers {
  pending: Array<{ run: () => void; ms: number }>;
  fire(): void;
}

function fakeTimers(): FakeTimers {
  const timers: FakeTimers = {
    pending: [],
    setTimeout(run, ms) {
      const entry = { run, ms };
      timers.pending.push(entry);
      return entry;
    },
    clearTimeout(handle) {
      timers.pending = timers.pending.filter((entry) => entry !== handle);
    },
    fire() {
      const due = timers.pending;
      timers.pending = [];
      for (const entry of due) entry.run();
    },
  };
  return timers;
}

const rigs: Rig[] = [];

export async function startServerWithFeed(
  updatesDir: string,
  sqliteFile: string,
  port = 0,
) {
  return startServer({
    port,
    sqliteFile,
    seedDemo: true,
    logLevel: 'silent',
    updatesDir,
  });
}

/** A server with a feed folder and a desktop whose updater reads it (through `via`, if given). */
export async function rig(
  options: { via?: (serverUrl: string) => Promise<string>; now?: () => Date } = {},
): Promise<Rig> {
  const root = tempDir('dxer-updates');
  const updatesDir = path.join(root, 'updates');
  const sqliteFile = path.join(root, 'server.sqlite');
  fs.mkdirSync(path.join(updatesDir, 'stable'), { recursive: true });
  const server = await startServerWithFeed(updatesDir, sqliteFile);
  const serverUrl = options.via ? await options.via(server.url) : server.url;

  // What electron-builder writes into a packaged app's resources.
  const appUpdateConfig = path.join(root, 'resources', 'app-update.yml');
  fs.mkdirSync(path.dirname(appUpdateConfig), { recursive: true });
  fs.writeFileSync(
    appUpdateConfig,
    `provider: generic\nurl: ${serverUrl}/updates/stable\nupdaterCacheDirName: dxer-desktop-updater\n`,
  );
  const adapter = new NodeAppAdapter({
    version: CURRENT_VERSION,
    name: 'DXER Desktop',
    userDataPath: path.join(root, 'user-data'),
    baseCachePath: path.join(root, 'cache'),
    appUpdateConfigPath: appUpdateConfig,
  });
  const updater = runInNode(new RecordingDebUpdater(null, adapter));
  const timers = fakeTimers();
  const dataDir = path.join(root, 'desktop');
  const app = await createDesktopApp({
    dataDir,
    serverUrl,
    tokenVault: createFileTokenVault(dataDir),
    logger: pino({ level: process.env.DXER_TEST_LOG ?? 'silent' }),
    syncIntervalMs: 3_600_000,
    appVersion: CURRENT_VERSION,
    updates: { updater, timers, now: options.now },
  });
  const statuses: UpdateStatus[] = [];
  app.subscribe((event, payload) => {
    if (event === 'updates.status') statuses.push(payload as UpdateStatus);
  });
  const result: Rig = {
    server,
    updatesDir,
    sqliteFile,
    app,
    updater,
    cacheDir: path.join(root, 'cache', 'dxer-desktop-updater'),
    statuses,
    timers,
  };
  rigs.push(result);
  return result;
}

/** Stops every desktop and server the rigs started (a test may have stopped some). */
export async function stopRigs(): Promise<void> {
  for (const { app, server } of rigs.splice(0)) {
    await app.stop().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
}

export function publish(
  r: Rig,
  version: string,
  listedSha512?: string,
  channel: 'stable' | 'beta' = 'stable',
) {
  return writeFakeRelease(path.join(r.updatesDir, channel), {
    version,
    installerName: `DXER-Desktop-${version}-amd64.deb`,
    feedFile: 'latest-linux.yml',
    listedSha512,
  });
}

export function pendingFiles(r: Rig): string[] {
  const pending = path.join(r.cacheDir, 'pending');
  return fs.existsSync(pending) ? fs.readdirSync(pending) : [];
}

export const kinds = (statuses: UpdateStatus[]) =>
  statuses.map((status) => status.state.kind);
