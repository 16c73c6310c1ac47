import path from 'node:path';
import type { Logger } from 'pino';
import type { ContractEvent } from '../../shared/contract/contract';
import { languageSchema } from '../../shared/contract/contract';
import type { SettingsView } from '../../shared/contract/settings-views';
import type { ContractHandlers } from '../contract/handlers';
import { exportBackup } from '../backup/backup-export';
import { readMeta, writeMeta } from '../local-store/meta-table';
import { countUnsettled } from '../local-store/outbox-table';
import { databaseBytes } from '../settings/data-location';
import { assertServerChangeAllowed } from '../settings/server-change';
import { readUpdateChannel, writeUpdateChannel } from '../settings/update-channel';
import { updateHandlers } from '../updates/desktop-updates';
import type { DesktopUpdates } from '../updates/desktop-updates';
import type { StoreMethod } from './handlers';
import type { ChosenPaths } from './chosen-paths';
import type { ChooseOpenPath } from './open-path';
import type { ChooseSavePath } from './save-path';
import type { StoreCore } from './store-core';
import { everyEntity } from './store-restorer';
import type { StoreRestorer } from './store-restorer';

export interface StoreHandlerDeps {
  dataDir: string;
  core: () => Promise<StoreCore>;
  restorer: StoreRestorer;
  emit: (event: ContractEvent, payload: unknown) => void;
  logger: Logger;
  savePaths: ChosenPaths<ChooseSavePath>;
  openPaths: ChosenPaths<ChooseOpenPath>;
  openFolder: ((folder: string) => Promise<boolean>) | null;
  /** The app's self-update, or its disabled stand-in. */
  updates: DesktopUpdates;
}

/**
 * The settings screen's methods (settings kept by main, the data folder,
 * backup and restore) and the updater's.
 */
export function createStoreHandlers(
  deps: StoreHandlerDeps,
): Pick<ContractHandlers, StoreMethod> {
  const dataFolder = path.resolve(deps.dataDir);

  const view = async (): Promise<SettingsView> => {
    const { db, session } = await deps.core();
    return {
      language: languageSchema.catch('az').parse(await readMeta(db, 'language')),
      serverUrl: session.currentServerUrl(),
      updateChannel: await readUpdateChannel(db),
      dataFolder,
      databaseBytes: await databaseBytes(dataFolder),
      unsyncedChanges: await countUnsettled(db),
      canOpenDataFolder: deps.openFolder !== null,
    };
  };

  return {
    'settings.get': view,
    'settings.setLanguage': async (input) => {
      await writeMeta((await deps.core()).db, 'language', input.language);
      return { ok: true };
    },
    'settings.setServerUrl': async (input) => {
      const { db, session, sync } = await deps.core();
      await assertServerChangeAllowed(db, session.currentServerUrl(), input.serverUrl);
      if (input.serverUrl !== session.currentServerUrl()) {
        await sync.stop();
        deps.emit('session.changed', await session.switchServer(input.serverUrl));
        deps.emit('data.changed', { entities: [...everyEntity] });
      }
      return view();
    },
    'settings.setUpdateChannel': async (input) => {
      const { db } = await deps.core();
      const changed = (await readUpdateChannel(db)) !== input.updateChannel;
      await writeUpdateChannel(db, input.updateChannel);
      // The other channel may offer another version: look now, not tomorrow.
      if (changed) void deps.updates.check();
      return view();
    },
    'settings.openDataFolder': async () => ({
      opened: deps.openFolder ? await deps.openFolder(dataFolder) : false,
    }),

    'backup.export': async (input) => {
      deps.savePaths.assertChosen(input.filePath);
      // Waits for a restore in progress: the file is being replaced.
      await deps.core();
      return exportBackup(dataFolder, input, {
        chooseSavePath: deps.savePaths.choose,
        onProgress: (done, total) => deps.emit('backup.progress', { done, total }),
        logger: deps.logger,
      });
    },
    'backup.inspect': async (input) => {
      deps.openPaths.assertChosen(input.filePath);
      const filePath =
        input.filePath ?? (await deps.openPaths.choose({ format: 'sqlite' }));
      if (filePath === null) return { kind: 'cancelled' };
      return deps.restorer.inspect(filePath);
    },
    'backup.restore': async (input) => {
      deps.openPaths.assertChosen(input.filePath);
      return deps.restorer.restore(input.filePath, input.isConfirmed);
    },

    ...updateHandlers(deps.updates),
  };
}
