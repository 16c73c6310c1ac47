// The desktop's self-update in plain Node: electron-updater's own Linux
// updater (DebUpdater: feed parsing, download, SHA-512 check, cache) with a
// Node app adapter, against the real server's feed on 127.0.0.1. Only the
// final step, running dpkg, is replaced by a record of what would run.
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { DebUpdater } from 'electron-updater';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopApp } from '../../src-main/app/desktop-app';
import { createDesktopApp } from '../../src-main/app/desktop-app';
import { createFileTokenVault } from '../../src-main/session/file-token-vault';
import { NodeAppAdapter } from '../../src-main/updates/node-app-adapter';
import { decideUpdateOnQuit } from '../../src-main/updates/quit-decision';
import type { QuitAnswer, QuitQuestion } from '../../src-main/updates/quit-decision';
import { quitDialog } from '../../src-main/updates/quit-dialog-texts';
import { runInNode } from '../../src-main/updates/run-in-node';
import { DAILY_CHECK_MS } from '../../src-main/updates/update-controller';
import type { UpdateTimers } from '../../src-main/updates/update-controller';
import type { UpdateState, UpdateStatus } from '../../shared/contract/update-status';
import { startServer } from '../../src-server/server';
import type { RunningServer } from '../../src-server/server';
import { writeFakeRelease } from '../support/update-feed';
import { startCorruptingProxy } from './support/corrupting-proxy';
import type { CorruptingProxy } from './support/corrupting-proxy';
import { editDraft, waitFor } from './support/sync-helpers';
import { ownPublishedService, signIn, tempDir } from './support/desktop-fixture';

const CURRENT_VERSION = '0.1.0';

/** electron-updater's .deb updater, recording the installer it would hand to dpkg. */
class RecordingDebUpdater extends DebUpdater {
  readonly installed: string[] = [];

  protected override doInstall(): boolean {
    this.installed.push(this.installerPath ?? '(none)');
    return true;
  }
}

interface Rig {
  server: RunningServer;
  updatesDir: string;
  sqliteFile: string;
  app: DesktopApp;
  updater: RecordingDebUpdater;
  cacheDir: string;
  statuses: UpdateStatus[];
  timers: FakeTimers;
}

interface FakeTimers extends UpdateTimers {
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

async function startServerWithFeed(updatesDir: string, sqliteFile: string, port = 0) {
  return startServer({
    port,
    sqliteFile,
    seedDemo: true,
    logLevel: 'silent',
    updatesDir,
  });
}

/** A server with a feed folder and a desktop whose updater reads it (through `via`, if given). */
async function rig(
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

afterEach(async () => {
  for (const { app, server } of rigs.splice(0)) {
    await app.stop();
    await server.close().catch(() => undefined);
  }
});

function publish(r: Rig, version: string, listedSha512?: string) {
  return writeFakeRelease(path.join(r.updatesDir, 'stable'), {
    version,
    installerName: `DXER-Desktop-${version}-amd64.deb`,
    feedFile: 'latest-linux.yml',
    listedSha512,
  });
}

function pendingFiles(r: Rig): string[] {
  const pending = path.join(r.cacheDir, 'pending');
  return fs.existsSync(pending) ? fs.readdirSync(pending) : [];
}

const kinds = (statuses: UpdateStatus[]) => statuses.map((status) => status.state.kind);

describe('the desktop self-update', () => {
  it('finds a newer version, downloads it with progress, and installs it on quit once the user agrees', async () => {
    const r = await rig();
    const release = publish(r, '0.2.0');

    const status = await r.app.updates.check();
    expect(status).toMatchObject({
      currentVersion: CURRENT_VERSION,
      channel: 'stable',
      state: { kind: 'ready', version: '0.2.0', installOnQuit: false },
    });
    expect(kinds(r.statuses)).toEqual(
      expect.arrayContaining(['checking', 'downloading', 'ready']),
    );
    const progress = r.statuses
      .map((s) => s.state)
      .filter(
        (s): s is Extract<UpdateState, { kind: 'downloading' }> =>
          s.kind === 'downloading',
      )
      .map((s) => s.percent);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    // The verified download waits in electron-updater's cache, byte for byte.
    const downloaded = path.join(r.cacheDir, 'pending', release.installerName);
    expect(fs.readFileSync(downloaded).equals(release.installer)).toBe(true);
    expect(await r.app.handlers['updates.status']({})).toEqual(status);

    // Closing asks first; nothing is installed before the user agrees.
    expect(await r.app.updates.onQuitRequested()).toEqual({
      kind: 'ask',
      version: '0.2.0',
    });
    expect(r.updater.installed).toEqual([]);
    const agreed = await r.app.handlers['updates.installOnQuit']({ install: true });
    expect(agreed.state).toEqual({
      kind: 'ready',
      version: '0.2.0',
      installOnQuit: true,
    });

    expect(await r.app.updates.onQuitRequested()).toEqual({
      kind: 'installing',
      version: '0.2.0',
    });
    expect(r.updater.installed).toEqual([downloaded]);
    expect(r.app.updates.status().state).toEqual({
      kind: 'installing',
      version: '0.2.0',
    });
  });

  it('reports up to date when the feed has the running version, and downloads nothing', async () => {
    const r = await rig();
    publish(r, CURRENT_VERSION);

    const status = await r.app.handlers['updates.check']({});
    expect(status.state.kind).toBe('checking');
    await waitFor(
      'the check to end',
      () => r.app.updates.status().state.kind !== 'checking',
    );
    expect(r.app.updates.status().state).toEqual({ kind: 'upToDate' });
    expect(pendingFiles(r)).toEqual([]);
    expect(await r.app.updates.onQuitRequested()).toEqual({ kind: 'quit' });
    expect(r.updater.installed).toEqual([]);
  });

  it('refuses a download whose SHA-512 differs from the feed, deletes it and never installs it', async () => {
    let proxy: CorruptingProxy | null = null;
    const r = await rig({
      via: async (serverUrl) => {
        proxy = await startCorruptingProxy(serverUrl);
        return proxy.url;
      },
    });
    publish(r, '0.2.0');

    const status = await r.app.updates.check();
    expect(status.state).toMatchObject({
      kind: 'failed',
      reason: 'checksum',
      version: '0.2.0',
    });
    expect(status.state.kind === 'failed' && status.state.message).toMatch(/sha512/iu);
    expect(pendingFiles(r)).toEqual([]);
    expect(await r.app.updates.onQuitRequested()).toEqual({ kind: 'quit' });
    // Even a late "yes" from the renderer installs nothing from a failed state.
    await r.app.handlers['updates.installOnQuit']({ install: true });
    expect(await r.app.updates.onQuitRequested()).toEqual({ kind: 'quit' });
    expect(r.updater.installed).toEqual([]);
    expect((proxy as CorruptingProxy | null)?.corrupted).toEqual([
      '/updates/stable/DXER-Desktop-0.2.0-amd64.deb',
    ]);
    await (proxy as CorruptingProxy | null)?.close();
  });

  it('reports a feed the server refuses (installer and list disagree) without downloading', async () => {
    const r = await rig();
    publish(r, '0.2.0', 'c29tZXRoaW5nIGVsc2U=');

    const status = await r.app.updates.check();
    expect(status.state).toMatchObject({
      kind: 'failed',
      reason: 'feedInvalid',
      version: null,
    });
    expect(pendingFiles(r)).toEqual([]);
  });

  it('waits while the outbox holds unsynced changes and installs once sync empties it', async () => {
    const r = await rig();
    publish(r, '0.2.0');
    await signIn(r.app, 'agency.mlspp');
    const serviceId = await ownPublishedService(r.app);
    await r.app.updates.check();
    await r.app.handlers['updates.installOnQuit']({ install: true });

    // The laptop goes offline and the user keeps working.
    const port = new URL(r.server.url).port;
    await r.server.close();
    await editDraft(r.app, serviceId, {
      description: 'Yeniləmədən əvvəl yazılan dəyişiklik.',
    });
    await r.app.handlers['sync.now']({});
    expect((await r.app.handlers['sync.status']({})).pendingCount).toBe(1);

    const plan = await r.app.updates.onQuitRequested();
    expect(plan).toEqual({ kind: 'unsynced', version: '0.2.0', unsynced: 1 });
    const outcome = r.app.updates.installAfterSync();
    await waitFor(
      'the wait to show',
      () => r.app.updates.status().state.kind === 'waitingForSync',
    );
    expect(r.app.updates.status().state).toEqual({
      kind: 'waitingForSync',
      version: '0.2.0',
      unsynced: 1,
    });
    expect(r.updater.installed).toEqual([]);

    // The connection returns; the outbox empties; only then does the installer run.
    r.server = await startServerWithFeed(r.updatesDir, r.sqliteFile, Number(port));
    rigs[rigs.length - 1] = r;
    const synced = await r.app.handlers['sync.now']({});
    expect(synced.pendingCount).toBe(0);
    expect(await outcome).toBe('installing');
    expect(r.updater.installed).toHaveLength(1);
    expect(r.app.updates.status().state).toEqual({
      kind: 'installing',
      version: '0.2.0',
    });
  });

  it('lets the user install anyway while changes wait, or drop the wait', async () => {
    const r = await rig();
    publish(r, '0.2.0');
    await signIn(r.app, 'agency.mlspp');
    const serviceId = await ownPublishedService(r.app);
    await r.app.updates.check();
    await r.app.handlers['updates.installOnQuit']({ install: true });
    await r.server.close();
    await editDraft(r.app, serviceId, { description: 'Göndərilməmiş dəyişiklik.' });

    const waiting = r.app.updates.installAfterSync();
    await waitFor(
      'the wait',
      () => r.app.updates.status().state.kind === 'waitingForSync',
    );
    await r.app.handlers['updates.installOnQuit']({ install: false });
    expect(await waiting).toBe('cancelled');
    expect(r.app.updates.status().state).toMatchObject({
      kind: 'ready',
      installOnQuit: false,
    });
    expect(r.updater.installed).toEqual([]);

    expect(r.app.updates.installIgnoringUnsynced()).toBe(true);
    expect(r.updater.installed).toHaveLength(1);
    // The unsynced edit is still in the local store for the new version to send.
    expect((await r.app.handlers['sync.status']({})).pendingCount).toBe(1);
  });

  it('checks at start and again a day later, finding a release published meanwhile', async () => {
    let now = new Date('2026-12-04T08:00:00.000Z');
    const r = await rig({ now: () => now });
    publish(r, CURRENT_VERSION);

    await r.app.start();
    await waitFor(
      'the first check',
      () => r.app.updates.status().state.kind === 'upToDate',
    );
    expect(r.app.updates.status().lastCheckedAt).toBe('2026-12-04T08:00:00.000Z');
    await waitFor('the next check to be scheduled', () => r.timers.pending.length === 1);
    expect(r.timers.pending[0]?.ms).toBe(DAILY_CHECK_MS);

    publish(r, '0.2.0');
    now = new Date('2026-12-05T08:00:00.000Z');
    r.timers.fire();
    await waitFor('the daily check', () => r.app.updates.status().state.kind === 'ready');
    expect(r.app.updates.status()).toMatchObject({
      lastCheckedAt: '2026-12-05T08:00:00.000Z',
      state: { kind: 'ready', version: '0.2.0' },
    });
    await waitFor('the check after that', () => r.timers.pending.length === 1);

    // Stopping the app cancels the next check.
    await r.app.stop();
    expect(r.timers.pending).toEqual([]);
    rigs.pop();
    await r.server.close();
  });

  it('on close asks to install, then to wait for sync, stays open, and quits once the installer started', async () => {
    const r = await rig();
    publish(r, '0.2.0');
    await signIn(r.app, 'agency.mlspp');
    const serviceId = await ownPublishedService(r.app);
    await r.app.updates.check();
    const port = new URL(r.server.url).port;
    await r.server.close();
    await editDraft(r.app, serviceId, {
      description: 'Bağlanarkən göndərilməmiş dəyişiklik.',
    });

    const questions: QuitQuestion[] = [];
    const answers: QuitAnswer[] = ['install', 'wait'];
    let quits = 0;
    const decision = await decideUpdateOnQuit({
      updates: r.app.updates,
      ask: (question) => {
        questions.push(question);
        return Promise.resolve(answers.shift() ?? 'skip');
      },
      quitNow: () => (quits += 1),
    });
    expect(questions).toEqual([
      { kind: 'install', version: '0.2.0' },
      { kind: 'unsynced', version: '0.2.0', unsynced: 1 },
    ]);
    expect(decision).toBe('stay');
    expect(quits).toBe(0);
    expect(r.updater.installed).toEqual([]);

    r.server = await startServerWithFeed(r.updatesDir, r.sqliteFile, Number(port));
    rigs[rigs.length - 1] = r;
    await r.app.handlers['sync.now']({});
    await waitFor('the app to quit', () => quits === 1);
    expect(r.updater.installed).toHaveLength(1);
  });

  it('closes without installing when the user declines, keeping the download for next time', async () => {
    const r = await rig();
    publish(r, '0.2.0');
    await r.app.updates.check();
    const decision = await decideUpdateOnQuit({
      updates: r.app.updates,
      ask: () => Promise.resolve('skip'),
      quitNow: () => undefined,
    });
    expect(decision).toBe('quit');
    expect(r.updater.installed).toEqual([]);
    expect(r.app.updates.status().state).toMatchObject({
      kind: 'ready',
      installOnQuit: false,
    });
    expect(pendingFiles(r)).toContain('DXER-Desktop-0.2.0-amd64.deb');
  });

  it('words the quit questions in Azerbaijani, English and Russian, the safe choice first', () => {
    const unsynced = { kind: 'unsynced', version: '0.2.0', unsynced: 3 } as const;
    for (const language of ['az', 'en', 'ru'] as const) {
      const dialog = quitDialog(unsynced, language);
      expect(dialog.message).toContain('3');
      expect(dialog.detail).toContain('0.2.0');
      expect(dialog.buttons.map((button) => button.answer)).toEqual([
        'wait',
        'installAnyway',
        'skip',
      ]);
    }
    expect(quitDialog(unsynced, 'az').buttons[0]?.label).toBe('Göndərilməsini gözlə');
    expect(
      quitDialog({ kind: 'install', version: '0.2.0' }, 'en').buttons[0]?.answer,
    ).toBe('install');
  });
});
