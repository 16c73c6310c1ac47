import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { ContractEvent, ContractEventPayload } from '../../shared/contract/contract';
import type { EntityKind } from '../../shared/sync/protocol';
import { openLocalStore } from '../local-store/database';
import { readMeta } from '../local-store/meta-table';
import { SessionService } from '../session/session-service';
import type { TokenVault } from '../session/token-vault';
import { DEFAULT_SERVER_URL } from '../settings/server-url';
import { SyncEngine } from '../sync/sync-engine';
import type { SyncEngineOptions } from '../sync/sync-engine';
import { createHandlers } from './handlers';
import type { StoreHandlers } from './handlers';
import type { ChosenPaths } from './chosen-paths';
import type { ChooseSavePath } from './save-path';

/** One open local store with everything that works in it: session, sync and handlers. */
export interface StoreCore {
  db: Knex;
  session: SessionService;
  sync: SyncEngine;
  handlers: StoreHandlers;
  /** Stops syncing and closes the database. */
  close(): Promise<void>;
}

export interface StoreCoreOptions {
  dataDir: string;
  tokenVault: TokenVault;
  logger: Logger;
  syncIntervalMs: number;
  savePaths: ChosenPaths<ChooseSavePath>;
  emit: (event: ContractEvent, payload: unknown) => void;
  /** Runs on the opened database before the session reads it (the start's server override). */
  prepare?: (db: Knex) => Promise<void>;
  /** Fills a fresh store from the server's snapshot (see SyncEngineOptions.firstSync). */
  firstSync?: SyncEngineOptions['firstSync'];
}

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

/** Opens (and migrates) the local store in dataDir and wires its session, sync engine and handlers. */
export async function openStoreCore(options: StoreCoreOptions): Promise<StoreCore> {
  const log = options.logger;
  const { emit } = options;
  const db = await openLocalStore(options.dataDir);
  try {
    await options.prepare?.(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const session = new SessionService(
    db,
    options.tokenVault,
    (await readMeta(db, 'server_url')) ?? DEFAULT_SERVER_URL,
    log.child({ module: 'session' }),
  );
  const sync: SyncEngine = new SyncEngine({
    db,
    log: log.child({ module: 'sync' }),
    syncIntervalMs: options.syncIntervalMs,
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
    ...(options.firstSync ? { firstSync: options.firstSync } : {}),
  });

  const handlers = createHandlers({
    db,
    logger: log,
    savePaths: options.savePaths,
    session,
    sync,
    emit,
    onLogin: () => sync.start(),
  });

  return {
    db,
    session,
    sync,
    handlers,
    async close() {
      await sync.stop();
      await db.destroy();
    },
  };
}
