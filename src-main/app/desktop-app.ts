import type { Logger } from 'pino';
import type { ContractEvent, ContractEventPayload } from '../../shared/contract/contract';
import type { EntityKind } from '../../shared/sync/protocol';
import type { ContractHandlers } from '../contract/handlers';
import { openLocalStore } from '../local-store/database';
import { SessionService } from '../session/session-service';
import type { TokenVault } from '../session/token-vault';
import { SyncEngine } from '../sync/sync-engine';
import type { SyncStatus } from '../../shared/contract/sync-status';
import type { UpdateChannel } from '../../shared/api/updates';
import { DEFAULT_UPDATE_CHANNEL } from '../../shared/api/updates';
import { disabledUpdates } from '../updates/desktop-updates';
import type { DesktopUpdates } from '../updates/desktop-updates';
import { installDownloaded } from '../updates/install-downloaded';
import { UpdateController } from '../updates/update-controller';
import type { UpdateControllerDeps } from '../updates/update-controller';
import { createHandlers } from './handlers';
import { exportsFolderSavePath } from './save-path';
import type { ChooseSavePath } from './save-path';

export interface DesktopAppOptions {
  dataDir: string;
  serverUrl: string;
  tokenVault: TokenVault;
  logger: Logger;
  /** Time between sync cycles while nothing else triggers one. */
  syncIntervalMs?: number;
  /** Asks where to save a report; absent, reports go to dataDir/exports. */
  chooseSavePath?: ChooseSavePath;
  /** The running app's version, shown beside the update state. */
  appVersion?: string;
  /** Self-update from the server's feed; absent (the browser host), updates are disabled. */
  updates?: DesktopUpdateOptions;
}

export interface DesktopUpdateOptions extends Partial<
  Pick<UpdateControllerDeps, 'install' | 'now' | 'timers' | 'checkIntervalMs'>
> {
  updater: UpdateControllerDeps['updater'];
  /** The channel chosen in Settings; stable until that setting exists. */
  channel?: () => UpdateChannel | Promise<UpdateChannel>;
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

/** The renderer refreshes the whole evaluation desk for any of its entities. */
function rendererEntity(
  entity: EntityKind | 'outbox',
): ContractEventPayload<'data.changed'>['entities'][number] {
  switch (entity) {
    case 'methodology':
    case 'campaign':
    case 'answer':
    case 'publishedResult':
      return 'evaluation';
    default:
      return entity;
  }
}

/** Opens the local store in dataDir and wires the session, sync engine and handlers. */
export async function createDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const log = options.logger;
  const db = await openLocalStore(options.dataDir);
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

  const session = new SessionService(
    db,
    options.tokenVault,
    options.serverUrl,
    log.child({ module: 'session' }),
  );
  const sync: SyncEngine = new SyncEngine({
    db,
    log: log.child({ module: 'sync' }),
    syncIntervalMs: options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS,
    session: () => {
      const state = session.state();
      if (state.kind !== 'loggedIn') return null;
      return {
        api: session.api(),
        clientId: () => session.actor().clientId,
        renumber: () => session.renumber(),
      };
    },
    onStatus: (status) => {
      session.setOffline(status.connection.kind === 'offline');
      emit('sync.status', status);
    },
    onDataChanged: (entities) =>
      emit('data.changed', { entities: [...new Set(entities.map(rendererEntity))] }),
    onAuthenticationFailed: async () => {
      await session.endSession();
      emit('session.changed', session.state());
    },
  });

  if (options.updates) {
    const { updater } = options.updates;
    updates = new UpdateController({
      ...options.updates,
      updater,
      currentVersion: appVersion,
      install: options.updates.install ?? (() => installDownloaded(updater)),
      channel: options.updates.channel ?? (() => DEFAULT_UPDATE_CHANNEL),
      serverUrl: () => session.state().serverUrl,
      unsyncedCount: async () => unsyncedOf(await sync.status()),
      logger: log.child({ module: 'updates' }),
      onStatus: (status) => emit('updates.status', status),
    });
  }

  const handlers = createHandlers({
    db,
    logger: log,
    chooseSavePath: options.chooseSavePath ?? exportsFolderSavePath(options.dataDir),
    session,
    sync,
    emit,
    onLogin: () => sync.start(),
    updates,
  });

  return {
    handlers,
    updates,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      const state = await session.restore();
      emit('session.changed', state);
      if (state.kind === 'loggedIn') sync.start();
      updates.start();
    },
    async stop() {
      updates.stop();
      await sync.stop();
      await db.destroy();
    },
  };
}
