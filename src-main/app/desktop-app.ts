import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { ContractEvent } from '../../shared/contract/contract';
import type { SyncStatus } from '../../shared/contract/sync-status';
import type { ContractHandlers } from '../contract/handlers';
import type { TokenVault } from '../session/token-vault';
import { ServerCallError } from '../sync/server-api';
import type { ServerApi } from '../sync/server-api';
import { applyServerUrlOverride } from '../settings/server-change';
import { readUpdateChannel } from '../settings/update-channel';
import { storeHandlerMethods } from './handlers';
import type { StoreHandlers } from './handlers';
import { chosenOpenPaths, chosenPaths } from './chosen-paths';
import { exportsFolderOpenPath } from './open-path';
import type { ChooseOpenPath } from './open-path';
import { exportsFolderSavePath } from './save-path';
import type { ChooseSavePath } from './save-path';
import { createStoreHandlers } from './settings-handlers';
import { openStoreCore } from './store-core';
import type { StoreCore } from './store-core';
import { StoreRestorer } from './store-restorer';
import { disabledUpdates } from '../updates/desktop-updates';
import type { DesktopUpdates } from '../updates/desktop-updates';
import { installDownloaded } from '../updates/install-downloaded';
import { UpdateController } from '../updates/update-controller';
import type { UpdateControllerDeps } from '../updates/update-controller';

export interface DesktopAppOptions {
  dataDir: string;
  /**
   * The server address given for this run (command line or DXER_SERVER_URL,
   * see serverUrlOverride): applied as the server setting at start, by the
   * rule of a change in the settings screen. Absent, the stored setting.
   */
  serverUrl?: string | undefined;
  tokenVault: TokenVault;
  logger: Logger;
  /** Time between sync cycles while nothing else triggers one. */
  syncIntervalMs?: number;
  /** Asks where to save a report or backup; absent, they go to dataDir/exports. */
  chooseSavePath?: ChooseSavePath;
  /** Asks which backup to restore; absent, the newest in dataDir/exports. */
  chooseOpenPath?: ChooseOpenPath;
  /** Shows a folder in the platform's file manager; absent where there is none. */
  openFolder?: (folder: string) => Promise<boolean>;
  /** The running app's version, shown beside the update state. */
  appVersion?: string;
  /** Self-update from the server's feed; absent (the browser host), updates are disabled. */
  updates?: DesktopUpdateOptions;
}

export interface DesktopUpdateOptions extends Partial<
  Pick<UpdateControllerDeps, 'install' | 'now' | 'timers' | 'checkIntervalMs'>
> {
  updater: UpdateControllerDeps['updater'];
}

/** The main process's core: the contract handlers, their events, and the sync lifecycle. */
export interface DesktopApp {
  handlers: ContractHandlers;
  subscribe(listener: (event: ContractEvent, payload: unknown) => void): () => void;
  /** The update policy, for the quit hook. */
  updates: DesktopUpdates;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Changes not yet on the server: waiting to be sent, or in conflict until the user resolves them. */
function unsyncedOf(status: SyncStatus): number {
  return status.pendingCount + status.conflictCount;
}

const DEFAULT_SYNC_INTERVAL_MS = 60_000;

/** Where a first-sync snapshot is downloaded to, beside the store it may replace. */
const SNAPSHOT_DOWNLOAD_FILE = 'first-sync.sqlite';

/** Opens the local store in dataDir and wires the session, sync engine and handlers. */
export async function createDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const log = options.logger;
  const listeners = new Set<(event: ContractEvent, payload: unknown) => void>();
  const appVersion = options.appVersion ?? '0.0.0';
  let updates: DesktopUpdates = disabledUpdates(appVersion);
  const emit = (event: ContractEvent, payload: unknown) => {
    // Every sync status carries the outbox counts an update waiting to install watches.
    if (event === 'sync.status')
      updates.notifyUnsynced(unsyncedOf(payload as SyncStatus));
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        log.error({ err: error, event }, 'event listener failed');
      }
    }
  };

  // One memory of the user's picks for the whole run, so a restore does not forget them.
  const savePaths = chosenPaths(
    options.chooseSavePath ?? exportsFolderSavePath(options.dataDir),
  );
  const openPaths = chosenOpenPaths(
    options.chooseOpenPath ?? exportsFolderOpenPath(options.dataDir),
  );
  // A fresh store fills from the server's snapshot when one is ready: the
  // engine downloads it, the restorer swaps it in (see installSnapshot).
  const firstSync = async (api: ServerApi): Promise<boolean> => {
    const file = path.join(options.dataDir, SNAPSHOT_DOWNLOAD_FILE);
    const started = Date.now();
    let download;
    try {
      download = await api.snapshot(file);
    } catch (error) {
      await fs.rm(file, { force: true });
      // Offline, signed out or too old: the feed would fail alike, so the
      // cycle fails as it would. A server that answered but could not send
      // the snapshot must not keep the desktop from its data: the feed.
      const answered =
        error instanceof ServerCallError &&
        error.status !== null &&
        (error.errorClass === 'transient' || error.errorClass === 'permanent');
      if (!answered) throw error;
      log.warn({ err: error }, 'snapshot refused by the server; pulling the feed');
      return false;
    }
    if (!download) return false;
    if (!download.isIntact) {
      // A damaged copy is not tried again: the feed is slower but complete.
      log.warn({ bytes: download.bytes }, 'snapshot arrived damaged; pulling the feed');
      await fs.rm(file, { force: true });
      return false;
    }
    log.info({ bytes: download.bytes, ms: Date.now() - started }, 'snapshot downloaded');
    restorer.installSnapshot(file);
    return true;
  };
  const openCore = (prepare?: StoreCoreOpenHook) =>
    openStoreCore({
      dataDir: options.dataDir,
      tokenVault: options.tokenVault,
      logger: log,
      syncIntervalMs: options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS,
      savePaths,
      emit,
      firstSync,
      ...(prepare ? { prepare } : {}),
    });

  const restorer = new StoreRestorer({
    dataDir: options.dataDir,
    tokenVault: options.tokenVault,
    logger: log,
    emit,
    first: await openCore((db) =>
      applyServerUrlOverride(db, options.tokenVault, options.serverUrl, log),
    ),
    reopen: () => openCore(),
  });

  // The updater outlives a restore: it reads whichever store is open when it asks.
  if (options.updates) {
    const { updater } = options.updates;
    updates = new UpdateController({
      ...options.updates,
      updater,
      currentVersion: appVersion,
      install: options.updates.install ?? (() => installDownloaded(updater)),
      channel: async () => readUpdateChannel((await restorer.core()).db),
      serverUrl: async () => (await restorer.core()).session.currentServerUrl(),
      unsyncedCount: async () => unsyncedOf(await (await restorer.core()).sync.status()),
      logger: log.child({ module: 'updates' }),
      onStatus: (status) => emit('updates.status', status),
    });
  }

  const delegated = delegateToCore(() => restorer.core());
  const handlers: ContractHandlers = {
    ...delegated,
    // A first sync that adopted a snapshot ended in the store it replaced;
    // "sync now" answers once the new store has pulled the rest as well.
    'sync.now': async (input) => {
      const before = await restorer.core();
      const status = await before.handlers['sync.now'](input);
      const after = await restorer.core();
      return after === before ? status : after.handlers['sync.now'](input);
    },
    ...createStoreHandlers({
      dataDir: options.dataDir,
      core: () => restorer.core(),
      restorer,
      emit,
      logger: log,
      savePaths,
      openPaths,
      openFolder: options.openFolder ?? null,
      updates,
    }),
  };

  return {
    handlers,
    updates,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      await restorer.startSession();
      updates.start();
    },
    async stop() {
      updates.stop();
      await (await restorer.core()).close();
    },
  };
}

type StoreCoreOpenHook = NonNullable<Parameters<typeof openStoreCore>[0]['prepare']>;

/**
 * The store's handlers, each calling into whichever core is open when the
 * call arrives; a call made during a restore waits for the reopened store.
 * TypeScript cannot follow the method-to-handler correlation through a
 * loop over the keys, so the delegating map is built untyped and typed once.
 */
function delegateToCore(current: () => Promise<StoreCore>): StoreHandlers {
  const delegating: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of storeHandlerMethods()) {
    delegating[method] = async (input) => {
      const handlers = (await current()).handlers as unknown as Record<
        string,
        (input: unknown) => Promise<unknown>
      >;
      const handler = handlers[method];
      if (!handler) throw new Error(`No handler for ${method}`);
      return handler(input);
    };
  }
  return delegating as unknown as StoreHandlers;
}
