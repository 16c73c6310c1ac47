import { makeAutoObservable } from 'mobx';
import type { DxerApi, Language } from '../../shared/contract/contract';
import type {
  BackupInspection,
  BackupResult,
  RestoreResult,
  SettingsView,
  UpdateChannel,
} from '../../shared/contract/settings-views';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

/** A settings change being saved: the screen shows each state beside its field. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: ErrorBody };

/** Where a backup stands. */
export type BackupState =
  | { kind: 'idle' }
  | { kind: 'writing'; done: number; total: number }
  | { kind: 'saved'; filePath: string; bytes: number }
  /** The chosen file exists: the user decides whether to replace it. */
  | { kind: 'confirmOverwrite'; filePath: string }
  | { kind: 'failed'; error: ErrorBody };

/** Where a restore stands: checked first, then confirmed by the user, then done. */
export type RestoreState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'confirm'; inspection: Extract<BackupInspection, { kind: 'ready' }> }
  | { kind: 'restoring'; filePath: string }
  | { kind: 'restored'; result: RestoreResult }
  | { kind: 'failed'; error: ErrorBody };

/**
 * The settings main keeps (language, server address, update channel), the
 * data folder, and backup and restore of the local store.
 */
export class SettingsStore {
  language: Language = 'az';
  /** What main said last; null until loaded. */
  view: SettingsView | null = null;
  error: ErrorBody | null = null;
  /** The server address as the user is typing it. */
  serverUrlInput = '';
  serverState: SaveState = { kind: 'idle' };
  channelState: SaveState = { kind: 'idle' };
  backupState: BackupState = { kind: 'idle' };
  restoreState: RestoreState = { kind: 'idle' };

  /** `applyLanguage` switches the translations; kept out so the store needs no i18n. */
  constructor(
    private readonly api: DxerApi,
    private readonly applyLanguage: (language: Language) => void,
  ) {
    makeAutoObservable<SettingsStore, 'api' | 'applyLanguage'>(
      this,
      { api: false, applyLanguage: false },
      { autoBind: true },
    );
  }

  /** Follows backup progress and reloads after a restore; returns the unsubscribe. */
  start(): () => void {
    const offProgress = this.api.on('backup.progress', ({ done, total }) =>
      this.applyProgress(done, total),
    );
    const offReopened = this.api.on('store.reopened', () => void this.load());
    return () => {
      offProgress();
      offReopened();
    };
  }

  async load(): Promise<void> {
    try {
      this.applyView(await this.api.invoke('settings.get', {}));
    } catch (error) {
      this.error = errorBodyOf(error);
    }
  }

  /** Switches at once, then asks main to remember it. */
  async setLanguage(language: Language): Promise<void> {
    this.useLanguage(language);
    try {
      await this.api.invoke('settings.setLanguage', { language });
    } catch (error) {
      this.error = errorBodyOf(error);
    }
  }

  setServerUrlInput(text: string): void {
    this.serverUrlInput = text;
    this.serverState = { kind: 'idle' };
  }

  /** Whether the typed address differs from the one in use. */
  get isServerUrlChanged(): boolean {
    return this.serverUrlInput.trim() !== (this.view?.serverUrl ?? '');
  }

  /** The server field's own error, so the field can say it. */
  get serverUrlProblem(): string | null {
    if (this.serverState.kind !== 'failed') return null;
    const field = this.serverState.error.fields.find((f) => f.path === 'serverUrl');
    return field?.message ?? null;
  }

  /** Points the desktop at the typed server; main refuses while changes wait to be sent. */
  async saveServerUrl(): Promise<void> {
    this.serverState = { kind: 'saving' };
    try {
      const view = await this.api.invoke('settings.setServerUrl', {
        serverUrl: this.serverUrlInput,
      });
      this.applyView(view);
      this.serverState = { kind: 'saved' };
    } catch (error) {
      this.serverState = { kind: 'failed', error: errorBodyOf(error) };
    }
  }

  async setUpdateChannel(updateChannel: UpdateChannel): Promise<void> {
    this.channelState = { kind: 'saving' };
    try {
      this.applyView(
        await this.api.invoke('settings.setUpdateChannel', { updateChannel }),
      );
      this.channelState = { kind: 'saved' };
    } catch (error) {
      this.channelState = { kind: 'failed', error: errorBodyOf(error) };
    }
  }

  async openDataFolder(): Promise<void> {
    try {
      await this.api.invoke('settings.openDataFolder', {});
    } catch (error) {
      this.error = errorBodyOf(error);
    }
  }

  /** Writes a backup where the user chooses. */
  async backup(filePath?: string, overwrite = false): Promise<void> {
    this.backupState = { kind: 'writing', done: 0, total: 1 };
    this.restoreState = { kind: 'idle' };
    try {
      this.backedUp(await this.api.invoke('backup.export', { filePath, overwrite }));
      await this.load();
    } catch (error) {
      this.backupState = { kind: 'failed', error: errorBodyOf(error) };
    }
  }

  async confirmBackupOverwrite(): Promise<void> {
    const state = this.backupState;
    if (state.kind === 'confirmOverwrite') await this.backup(state.filePath, true);
  }

  cancelBackupOverwrite(): void {
    this.backupState = { kind: 'idle' };
  }

  /** Asks which backup to restore and checks it; nothing is replaced yet. */
  async chooseRestore(): Promise<void> {
    this.restoreState = { kind: 'checking' };
    this.backupState = { kind: 'idle' };
    try {
      const inspection = await this.api.invoke('backup.inspect', {});
      this.restoreState =
        inspection.kind === 'cancelled'
          ? { kind: 'idle' }
          : { kind: 'confirm', inspection };
    } catch (error) {
      this.restoreState = { kind: 'failed', error: errorBodyOf(error) };
    }
  }

  /** Restores the checked backup the user confirmed. */
  async confirmRestore(): Promise<void> {
    const state = this.restoreState;
    if (state.kind !== 'confirm') return;
    const { filePath } = state.inspection.backup;
    this.restoreState = { kind: 'restoring', filePath };
    try {
      const result = await this.api.invoke('backup.restore', {
        filePath,
        isConfirmed: true,
      });
      this.restoreState = { kind: 'restored', result };
      await this.load();
    } catch (error) {
      this.restoreState = { kind: 'failed', error: errorBodyOf(error) };
    }
  }

  cancelRestore(): void {
    this.restoreState = { kind: 'idle' };
  }

  private applyView(view: SettingsView): void {
    const isFirst = this.view === null;
    const wasInUse = this.view?.serverUrl;
    this.view = view;
    this.error = null;
    // Keeps what the user is typing unless it was the address in use.
    if (isFirst || this.serverUrlInput.trim() === wasInUse) {
      this.serverUrlInput = view.serverUrl;
    }
    if (view.language !== this.language) this.useLanguage(view.language);
  }

  private useLanguage(language: Language): void {
    this.language = language;
    this.error = null;
    this.applyLanguage(language);
  }

  private applyProgress(done: number, total: number): void {
    if (this.backupState.kind === 'writing')
      this.backupState = { kind: 'writing', done, total };
  }

  private backedUp(result: BackupResult): void {
    switch (result.kind) {
      case 'saved':
        this.backupState = {
          kind: 'saved',
          filePath: result.filePath,
          bytes: result.bytes,
        };
        break;
      case 'exists':
        this.backupState = { kind: 'confirmOverwrite', filePath: result.filePath };
        break;
      case 'cancelled':
        this.backupState = { kind: 'idle' };
    }
  }
}
