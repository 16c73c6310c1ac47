import type { Logger } from 'pino';
import type { ContractEvent } from '../../shared/contract/contract';
import type { UpdateChannel } from '../../shared/contract/settings-views';
import type { ContractHandlers } from '../contract/handlers';
import type { TokenVault } from '../session/token-vault';
import { applyServerUrlOverride } from '../settings/server-change';
import { readUpdateChannel } from '../settings/update-channel';
import { storeHandlerMethods } from './handlers';
import type { StoreHandlers } from './handlers';
import { exportsFolderOpenPath } from './open-path';
import type { ChooseOpenPath } from './open-path';
import { exportsFolderSavePath } from './save-path';
import type { ChooseSavePath } from './save-path';
import { createStoreHandlers } from './settings-handlers';
import { openStoreCore } from './store-core';
import type { StoreCore } from './store-core';
import { StoreRestorer } from './store-restorer';

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
}

/** The main process's core: the contract handlers, their events, and the sync lifecycle. */
export interface DesktopApp {
  handlers: ContractHandlers;
  subscribe(listener: (event: ContractEvent, payload: unknown) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The update channel the user chose, for the updater to read before each check. */
  updateChannel(): Promise<UpdateChannel>;
}

const DEFAULT_SYNC_INTERVAL_MS = 60_000;

/** Opens the local store in dataDir and wires the session, sync engine and handlers. */
export async function createDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const log = options.logger;
  const listeners = new Set<(event: ContractEvent, payload: unknown) => void>();
  const emit = (event: ContractEvent, payload: unknown) => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        log.error({ err: error, event }, 'event listener failed');
      }
    }
  };

  const chooseSavePath = options.chooseSavePath ?? exportsFolderSavePath(options.dataDir);
  const openCore = (prepare?: StoreCoreOpenHook) =>
    openStoreCore({
      dataDir: options.dataDir,
      tokenVault: options.tokenVault,
      logger: log,
      syncIntervalMs: options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS,
      chooseSavePath,
      emit,
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

  const handlers: ContractHandlers = {
    ...delegateToCore(() => restorer.core()),
    ...createStoreHandlers({
      dataDir: options.dataDir,
      core: () => restorer.core(),
      restorer,
      emit,
      logger: log,
      chooseSavePath,
      chooseOpenPath: options.chooseOpenPath ?? exportsFolderOpenPath(options.dataDir),
      openFolder: options.openFolder ?? null,
    }),
  };

  return {
    handlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      await restorer.startSession();
    },
    async stop() {
      await (await restorer.core()).close();
    },
    async updateChannel() {
      return readUpdateChannel((await restorer.core()).db);
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
