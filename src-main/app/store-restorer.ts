import fs from 'node:fs/promises';
import type { Logger } from 'pino';
import type { ContractEvent } from '../../shared/contract/contract';
import { dataEntitySchema } from '../../shared/contract/contract';
import type {
  BackupInspection,
  RestoreResult,
} from '../../shared/contract/settings-views';
import { DomainError } from '../../shared/errors';
import {
  carrySequencesForward,
  clientIds,
  discardPrepared,
  lastSequences,
  reissueForeignClientIds,
  needsConfirmation,
  prepareRestore,
  restoreWarnings,
  swapDatabaseFile,
  writeSafetyCopy,
} from '../backup/restore-steps';
import type { TokenVault } from '../session/token-vault';
import { adoptSnapshot } from '../sync/adopt-snapshot';
import type { StoreCore } from './store-core';

/** Every kind of data the renderer shows: all of it is new after a restore or a server change. */
export const everyEntity = dataEntitySchema.options;

/**
 * Owns the open local store and replaces it with a backup. While a restore
 * runs, core() hands out the reopened store only once it is ready, so no
 * call lands on a closed database and none sees half of each.
 */
export class StoreRestorer {
  private current: Promise<StoreCore>;
  private isRestoring = false;

  constructor(
    private readonly deps: {
      dataDir: string;
      tokenVault: TokenVault;
      logger: Logger;
      emit: (event: ContractEvent, payload: unknown) => void;
      first: StoreCore;
      reopen: () => Promise<StoreCore>;
    },
  ) {
    this.current = Promise.resolve(deps.first);
  }

  /** The open store (after a restore in progress, the reopened one). */
  core(): Promise<StoreCore> {
    return this.current;
  }

  /**
   * Replaces this fresh store with a downloaded first-sync snapshot: the
   * store is closed (its sync engine ends the cycle that downloaded it),
   * the snapshot adopted (adopt-snapshot.ts), and the store reopened with
   * the session, whose engine pulls the feed from the snapshot's cursor.
   * Returns at once: core() hands out the reopened store when it is ready.
   * If the store took work meanwhile, or anything fails, the snapshot is
   * dropped and the store reopens as it was, to fill from the feed.
   *
   * Known shortcoming: as in a restore, a call already under way on the old
   * store when it closes may fail, and the renderer shows the error; the
   * store is empty then (nothing synced, nothing saved), so what fails is a
   * read or a first save, which the user repeats.
   */
  installSnapshot(snapshotFile: string): void {
    const log = this.deps.logger.child({ module: 'snapshot' });
    if (this.isRestoring) {
      void fs.rm(snapshotFile, { force: true });
      return;
    }
    this.isRestoring = true;
    const previous = this.current;
    const reopened = (async () => {
      try {
        await (await previous).close();
      } catch (error) {
        // Adoption then finds the file still in use and leaves it; reopen anyway.
        log.error({ err: error }, 'store did not close cleanly for the snapshot');
      }
      try {
        const outcome = await adoptSnapshot(this.deps.dataDir, snapshotFile);
        log.info({ outcome }, 'first-sync snapshot handled');
      } catch (error) {
        log.error({ err: error }, 'first-sync snapshot could not be adopted');
      } finally {
        await fs.rm(snapshotFile, { force: true });
      }
      const core = await this.deps.reopen();
      // Signed in before core() hands it out, so a call that waited for it
      // (sync.now) finds the engine running.
      await this.startSessionOn(core);
      return core;
    })();
    this.current = reopened;
    void reopened
      .then(() => this.deps.emit('data.changed', { entities: [...everyEntity] }))
      .catch((error: unknown) => log.error({ err: error }, 'store did not reopen'))
      .finally(() => {
        this.isRestoring = false;
      });
  }

  /** Restores the stored session of the open store and starts syncing if signed in. */
  async startSession(): Promise<void> {
    await this.startSessionOn(await this.current);
  }

  private async startSessionOn(core: StoreCore): Promise<void> {
    const state = await core.session.restore();
    this.deps.emit('session.changed', state);
    if (state.kind === 'loggedIn') core.sync.start();
  }

  /** Checks a backup and says what restoring it would replace; changes nothing. */
  async inspect(filePath: string): Promise<BackupInspection> {
    const core = await this.current;
    const prepared = await prepareRestore(this.deps.dataDir, filePath);
    try {
      const { checked } = prepared;
      return {
        kind: 'ready',
        backup: {
          filePath,
          bytes: checked.bytes,
          serverUrl: checked.serverUrl,
          userName: checked.userName,
          services: checked.services,
          unsyncedChanges: checked.unsyncedChanges,
          migrationsToApply: checked.migrationsToApply,
        },
        warnings: await restoreWarnings(
          core.db,
          core.session.currentServerUrl(),
          checked,
        ),
      };
    } finally {
      await discardPrepared(prepared.copyPath);
    }
  }

  /**
   * Replaces the local store with the backup at filePath: check a private
   * copy, keep a safety copy of the current store, close it, move the copy
   * into place, reopen (older backups are migrated), carry the sequence
   * numbers forward, and restore the session unless the backup belongs to
   * another server or user. A failure before the swap leaves the store as
   * it was; after a failed swap the old file, still in place, is reopened.
   */
  async restore(filePath: string, isConfirmed: boolean): Promise<RestoreResult> {
    if (this.isRestoring) {
      throw new DomainError('ILLEGAL_TRANSITION', 'A restore is already running');
    }
    this.isRestoring = true;
    const log = this.deps.logger.child({ module: 'restore' });
    const old = await this.current;
    let prepared: Awaited<ReturnType<typeof prepareRestore>> | null = null;
    try {
      prepared = await prepareRestore(this.deps.dataDir, filePath);
      const warnings = await restoreWarnings(
        old.db,
        old.session.currentServerUrl(),
        prepared.checked,
      );
      if (needsConfirmation(warnings) && !isConfirmed) {
        throw new DomainError(
          'CONFIRMATION_REQUIRED',
          'Restoring this backup replaces what is on this computer ' +
            `(${warnings.unsyncedChangesReplaced} unsynced changes` +
            `${warnings.isOtherServer ? ', another server' : ''}` +
            `${warnings.isOtherUser ? ', another user' : ''}); confirm to go on.`,
          [{ path: 'isConfirmed', message: 'confirm the restore' }],
        );
      }

      const sequences = await lastSequences(old.db);
      const ownClientIds = await clientIds(old.db);
      const safetyCopyPath = await writeSafetyCopy(this.deps.dataDir, new Date());
      log.info({ filePath, safetyCopyPath, ...warnings }, 'restoring a backup');

      const copyPath = prepared.copyPath;
      const swapped = (async () => {
        await old.close();
        try {
          await swapDatabaseFile(this.deps.dataDir, copyPath);
        } catch (error) {
          log.error({ err: error }, 'restore swap failed; reopening the current store');
          await this.deps.reopen().then((core) => {
            this.current = Promise.resolve(core);
          });
          throw error;
        }
        const core = await this.deps.reopen();
        await carrySequencesForward(core.db, sequences);
        const moved = await reissueForeignClientIds(core.db, ownClientIds);
        if (moved > 0)
          log.info({ moved }, 'restored changes moved under a fresh client id');
        if (warnings.isOtherServer || warnings.isOtherUser) {
          // The stored token is the current user's on the current server.
          await this.deps.tokenVault.clear();
        }
        return core;
      })();
      this.current = swapped;
      await swapped;
      prepared = null;

      await this.startSession();
      this.deps.emit('store.reopened', { filePath });
      this.deps.emit('data.changed', {
        entities: [...everyEntity],
      });
      log.info({ filePath }, 'backup restored');
      return { kind: 'restored', filePath, safetyCopyPath };
    } finally {
      if (prepared) await discardPrepared(prepared.copyPath);
      this.isRestoring = false;
    }
  }
}
