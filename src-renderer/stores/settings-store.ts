import { makeAutoObservable } from 'mobx';
import type { DxerApi, Language } from '../../shared/contract/contract';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

/** The user's language, persisted by main. */
export class SettingsStore {
  language: Language = 'az';
  error: ErrorBody | null = null;

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

  async load(): Promise<void> {
    try {
      const settings = await this.api.invoke('settings.get', {});
      this.useLanguage(settings.language);
    } catch (error) {
      this.applyError(error);
    }
  }

  /** Switches at once, then asks main to remember it. */
  async setLanguage(language: Language): Promise<void> {
    this.useLanguage(language);
    try {
      await this.api.invoke('settings.setLanguage', { language });
    } catch (error) {
      this.applyError(error);
    }
  }

  private useLanguage(language: Language): void {
    this.language = language;
    this.error = null;
    this.applyLanguage(language);
  }

  private applyError(error: unknown): void {
    this.error = errorBodyOf(error);
  }
}
