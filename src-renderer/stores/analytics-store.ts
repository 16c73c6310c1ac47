import { makeAutoObservable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type {
  Analytics,
  AnalyticsFilters,
  analyticsViews,
} from '../../shared/contract/analytics-views';
import type { ExportResult } from '../../shared/contract/evaluation-views';
import type { AgencyGroup } from '../../shared/domain/agency';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

export type AnalyticsView = (typeof analyticsViews)[number];

/** How long the dashboard waits after a change before reading the figures again. */
const REFRESH_DELAY_MS = 1_000;

/** What the last save from the dashboard came to. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; filePath: string }
  | { kind: 'confirmOverwrite'; filePath: string; retry: () => Promise<void> }
  | { kind: 'failed'; error: ErrorBody };

/** The analytics dashboard: filters, the figures they select, and saving tables and charts. */
export class AnalyticsStore {
  filters: AnalyticsFilters = {
    agencyId: null,
    group: null,
    category: null,
    isG2bOnly: false,
  };
  analytics: Analytics | null = null;
  error: ErrorBody | null = null;
  saveState: SaveState = { kind: 'idle' };
  private generation = 0;

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<AnalyticsStore, 'api' | 'generation'>(
      this,
      { api: false, generation: false },
      { autoBind: true },
    );
  }

  /**
   * Loads the figures while the dashboard is on screen and refreshes them
   * when services change, at most once a second: they read every published
   * record, which must not hold up the one database connection while a
   * first sync delivers pages and nobody is looking at them.
   */
  open(): () => void {
    void this.load();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = this.api.on('data.changed', ({ entities }) => {
      if (!entities.includes('service') && !entities.includes('agency')) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void this.load(), REFRESH_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }

  setAgency(agencyId: string | null): void {
    this.filters = { ...this.filters, agencyId };
    void this.load();
  }

  setGroup(group: AgencyGroup | null): void {
    this.filters = { ...this.filters, group };
    void this.load();
  }

  setCategory(category: string | null): void {
    this.filters = { ...this.filters, category };
    void this.load();
  }

  setG2bOnly(isG2bOnly: boolean): void {
    this.filters = { ...this.filters, isG2bOnly };
    void this.load();
  }

  async load(): Promise<void> {
    const generation = ++this.generation;
    try {
      const analytics = await this.api.invoke('analytics.get', { filters: this.filters });
      if (generation === this.generation) this.applyAnalytics(analytics);
    } catch (error) {
      if (generation === this.generation) this.failed(error);
    }
  }

  /** Saves a table as XLSX or CSV where the user chooses. */
  async exportView(
    view: AnalyticsView,
    format: 'xlsx' | 'csv',
    filePath?: string,
    overwrite = false,
  ): Promise<void> {
    await this.save(
      () =>
        this.api.invoke('analytics.export', {
          filters: this.filters,
          view,
          format,
          filePath,
          overwrite,
        }),
      (path) => this.exportView(view, format, path, true),
    );
  }

  /** Saves a chart drawn on screen (a PNG data URL) where the user chooses. */
  async saveChart(
    name: string,
    dataUrl: string,
    filePath?: string,
    overwrite = false,
  ): Promise<void> {
    await this.save(
      () =>
        this.api.invoke('analytics.saveChart', { name, dataUrl, filePath, overwrite }),
      (path) => this.saveChart(name, dataUrl, path, true),
    );
  }

  cancelOverwrite(): void {
    this.saveState = { kind: 'idle' };
  }

  private async save(
    call: () => Promise<ExportResult>,
    replace: (filePath: string) => Promise<void>,
  ): Promise<void> {
    this.saveState = { kind: 'saving' };
    try {
      this.applySaved(await call(), replace);
    } catch (error) {
      this.saveFailed(error);
    }
  }

  private applySaved(result: ExportResult, replace: (filePath: string) => Promise<void>) {
    switch (result.kind) {
      case 'saved':
        this.saveState = { kind: 'saved', filePath: result.filePath };
        break;
      case 'exists':
        this.saveState = {
          kind: 'confirmOverwrite',
          filePath: result.filePath,
          retry: () => replace(result.filePath),
        };
        break;
      case 'cancelled':
        this.saveState = { kind: 'idle' };
    }
  }

  private saveFailed(error: unknown): void {
    this.saveState = { kind: 'failed', error: errorBodyOf(error) };
  }

  private applyAnalytics(analytics: Analytics): void {
    this.analytics = analytics;
    this.error = null;
  }

  private failed(error: unknown): void {
    this.error = errorBodyOf(error);
  }
}
