import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/contract/contract';
import type {
  BackupInspection,
  SettingsView,
} from '../../shared/contract/settings-views';
import { ContractError } from '../api/contract-error';
import { RecordingApi } from '../test-support/recording-api';
import { SettingsStore } from './settings-store';

const view: SettingsView = {
  language: 'az',
  serverUrl: 'http://127.0.0.1:8787',
  updateChannel: 'stable',
  dataFolder: '/home/aysel/.dxer-desktop',
  databaseBytes: 2_621_440,
  unsyncedChanges: 0,
  canOpenDataFolder: false,
};

const inspection: Extract<BackupInspection, { kind: 'ready' }> = {
  kind: 'ready',
  backup: {
    filePath: '/home/aysel/DXER-backup.sqlite',
    bytes: 1_000_000,
    serverUrl: 'http://127.0.0.1:8787',
    userName: 'agency.mlspp',
    services: 30,
    unsyncedChanges: 0,
    migrationsToApply: 0,
  },
  warnings: { unsyncedChangesReplaced: 2, isOtherServer: false, isOtherUser: false },
};

async function loadedStore(handlers: ConstructorParameters<typeof RecordingApi>[0]) {
  const api = new RecordingApi({
    'settings.get': () => Promise.resolve(view),
    ...handlers,
  });
  const applied: Language[] = [];
  const store = new SettingsStore(api, (language) => applied.push(language));
  const stop = store.start();
  await store.load();
  return { api, store, applied, stop };
}

describe('the settings store', () => {
  it('loads what main keeps and puts the server address in the field', async () => {
    const { store, applied } = await loadedStore({});
    expect(store.view).toEqual(view);
    expect(store.serverUrlInput).toBe(view.serverUrl);
    expect(store.isServerUrlChanged).toBe(false);
    expect(applied).toEqual([]);
  });

  it('keeps the typed address and names the field main refused, changing nothing', async () => {
    const refusal = new ContractError({
      code: 'VALIDATION_FAILED',
      message: 'Invalid input for settings.setServerUrl',
      fields: [
        {
          path: 'serverUrl',
          message: 'The server address must start with http:// or https://',
        },
      ],
    });
    const { store } = await loadedStore({
      'settings.setServerUrl': () => Promise.reject(refusal),
    });
    store.setServerUrlInput('ftp://dxer.az');
    await store.saveServerUrl();
    expect(store.serverState.kind).toBe('failed');
    expect(store.serverUrlProblem).toBe(
      'The server address must start with http:// or https://',
    );
    expect(store.serverUrlInput).toBe('ftp://dxer.az');
    expect(store.view?.serverUrl).toBe(view.serverUrl);
  });

  it('shows the new address once main has changed the server', async () => {
    const { api, store } = await loadedStore({
      'settings.setServerUrl': (input) =>
        Promise.resolve({ ...view, serverUrl: String(input.serverUrl) }),
    });
    store.setServerUrlInput('https://dxer.az');
    await store.saveServerUrl();
    expect(api.callsOf('settings.setServerUrl')).toEqual([
      { serverUrl: 'https://dxer.az' },
    ]);
    expect(store.serverState).toEqual({ kind: 'saved' });
    expect(store.view?.serverUrl).toBe('https://dxer.az');
    expect(store.isServerUrlChanged).toBe(false);
  });

  it('follows a backup’s progress, then says where it was saved', async () => {
    let finish: (value: {
      kind: 'saved';
      filePath: string;
      bytes: number;
    }) => void = () => {};
    const { api, store } = await loadedStore({
      'backup.export': () => new Promise((resolve) => (finish = resolve)),
    });
    const running = store.backup();
    api.emit('backup.progress', { done: 3, total: 10 });
    expect(store.backupState).toEqual({ kind: 'writing', done: 3, total: 10 });
    finish({ kind: 'saved', filePath: '/tmp/b.sqlite', bytes: 4096 });
    await running;
    expect(store.backupState).toEqual({
      kind: 'saved',
      filePath: '/tmp/b.sqlite',
      bytes: 4096,
    });
  });

  it('asks before replacing an existing backup file, then replaces only when told', async () => {
    const { api, store } = await loadedStore({
      'backup.export': (input) =>
        Promise.resolve(
          input.overwrite
            ? { kind: 'saved', filePath: '/tmp/b.sqlite', bytes: 1 }
            : { kind: 'exists', filePath: '/tmp/b.sqlite' },
        ),
    });
    await store.backup();
    expect(store.backupState).toEqual({
      kind: 'confirmOverwrite',
      filePath: '/tmp/b.sqlite',
    });
    await store.confirmBackupOverwrite();
    expect(api.callsOf('backup.export')).toEqual([
      { filePath: undefined, overwrite: false },
      { filePath: '/tmp/b.sqlite', overwrite: true },
    ]);
    expect(store.backupState.kind).toBe('saved');
  });

  it('restores only after showing what the backup replaces and the user confirms', async () => {
    const { api, store } = await loadedStore({
      'backup.inspect': () => Promise.resolve(inspection),
      'backup.restore': (input) =>
        Promise.resolve({
          kind: 'restored',
          filePath: input.filePath,
          safetyCopyPath: '/data/backups/before-restore.sqlite',
        }),
    });
    await store.chooseRestore();
    expect(store.restoreState).toEqual({ kind: 'confirm', inspection });
    expect(api.callsOf('backup.restore')).toEqual([]);

    await store.confirmRestore();
    expect(api.callsOf('backup.restore')).toEqual([
      { filePath: inspection.backup.filePath, isConfirmed: true },
    ]);
    expect(store.restoreState).toMatchObject({
      kind: 'restored',
      result: { safetyCopyPath: '/data/backups/before-restore.sqlite' },
    });
  });

  it('shows a refused backup file as an error and restores nothing', async () => {
    const { api, store } = await loadedStore({
      'backup.inspect': () =>
        Promise.reject(
          new ContractError({
            code: 'BACKUP_INVALID',
            message: 'This file cannot be restored: it is not a SQLite database.',
            fields: [{ path: 'filePath', message: 'it is not a SQLite database' }],
          }),
        ),
    });
    await store.chooseRestore();
    expect(store.restoreState).toMatchObject({
      kind: 'failed',
      error: { code: 'BACKUP_INVALID' },
    });
    await store.confirmRestore();
    expect(api.callsOf('backup.restore')).toEqual([]);
  });

  it('reloads the settings and the language after main reopens a restored store', async () => {
    let current: SettingsView = view;
    const { api, store, applied } = await loadedStore({
      'settings.get': () => Promise.resolve(current),
    });
    current = { ...view, language: 'ru', databaseBytes: 1 };
    api.emit('store.reopened', { filePath: '/tmp/b.sqlite' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.view?.databaseBytes).toBe(1);
    expect(store.language).toBe('ru');
    expect(applied).toEqual(['ru']);
  });
});
