import { makeAutoObservable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type {
  ExportResult,
  ReportSource,
  ResultsView,
} from '../../shared/contract/evaluation-views';
import type { reportFormats } from '../../shared/contract/evaluation-views';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

export type ReportFormat = (typeof reportFormats)[number];

/** Where an export stands, as the results screen shows it. */
export type ExportState =
  | { kind: 'idle' }
  | { kind: 'writing'; format: ReportFormat; done: number; total: number }
  | { kind: 'saved'; format: ReportFormat; filePath: string; digest: string }
  /** The chosen file exists: the user decides whether to replace it. */
  | { kind: 'confirmOverwrite'; format: ReportFormat; filePath: string }
  | { kind: 'failed'; format: ReportFormat; error: ErrorBody };

/**
 * The results screen: which campaign or published year is shown, its
 * ranked groups, one provider's trend over the years, and exports.
 */
export class ResultsStore {
  campaigns: Array<{
    id: string;
    year: number;
    name: { az: string; en: string; ru: string };
  }> = [];
  publishedYears: number[] = [];
  source: ReportSource | null = null;
  view: ResultsView | null = null;
  error: ErrorBody | null = null;
  trendAgencyId: string | null = null;
  trend: Array<{ year: number; percent: number; stars: number }> = [];
  exportState: ExportState = { kind: 'idle' };

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<ResultsStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  start(): () => void {
    void this.loadSources();
    const offData = this.api.on('data.changed', ({ entities }) => {
      if (entities.includes('evaluation')) void this.reload();
    });
    const offProgress = this.api.on('export.progress', ({ done, total }) =>
      this.applyProgress(done, total),
    );
    return () => {
      offData();
      offProgress();
    };
  }

  async loadSources(): Promise<void> {
    try {
      const sources = await this.api.invoke('results.sources', {});
      this.applySources(sources.campaigns, sources.publishedYears);
    } catch (error) {
      this.failed(error);
    }
  }

  async show(source: ReportSource): Promise<void> {
    this.source = source;
    this.exportState = { kind: 'idle' };
    try {
      this.applyView(source, await this.api.invoke('results.view', { source }));
    } catch (error) {
      this.failed(error);
    }
  }

  async showTrend(agencyId: string): Promise<void> {
    this.trendAgencyId = agencyId;
    try {
      this.applyTrend(agencyId, await this.api.invoke('results.trend', { agencyId }));
    } catch (error) {
      this.failed(error);
    }
  }

  /** Writes the shown results as a report where the user chooses. */
  async exportAs(
    format: ReportFormat,
    filePath?: string,
    overwrite = false,
  ): Promise<void> {
    const source = this.source;
    if (!source) return;
    this.exportState = { kind: 'writing', format, done: 0, total: 1 };
    try {
      const result = await this.api.invoke('reports.export', {
        source,
        format,
        filePath,
        overwrite,
      });
      this.exported(format, result);
    } catch (error) {
      this.exportFailed(format, error);
    }
  }

  /** Replaces the existing file the user was asked about. */
  async confirmOverwrite(): Promise<void> {
    const state = this.exportState;
    if (state.kind !== 'confirmOverwrite') return;
    await this.exportAs(state.format, state.filePath, true);
  }

  cancelOverwrite(): void {
    this.exportState = { kind: 'idle' };
  }

  private async reload(): Promise<void> {
    await this.loadSources();
    if (this.source) await this.show(this.source);
  }

  private applySources(campaigns: ResultsStore['campaigns'], years: number[]): void {
    this.campaigns = campaigns;
    this.publishedYears = years;
    this.error = null;
  }

  private applyView(source: ReportSource, view: ResultsView): void {
    // An answer to a source the user has since left is dropped. MobX keeps
    // its own copy of the source, so they are compared by value.
    if (JSON.stringify(this.source) !== JSON.stringify(source)) return;
    this.view = view;
    this.error = null;
  }

  private applyTrend(agencyId: string, trend: ResultsStore['trend']): void {
    if (this.trendAgencyId === agencyId) this.trend = trend;
  }

  private applyProgress(done: number, total: number): void {
    if (this.exportState.kind === 'writing') {
      this.exportState = { ...this.exportState, done, total };
    }
  }

  private exported(format: ReportFormat, result: ExportResult): void {
    switch (result.kind) {
      case 'saved':
        this.exportState = {
          kind: 'saved',
          format,
          filePath: result.filePath,
          digest: result.digest,
        };
        break;
      case 'exists':
        this.exportState = {
          kind: 'confirmOverwrite',
          format,
          filePath: result.filePath,
        };
        break;
      case 'cancelled':
        this.exportState = { kind: 'idle' };
    }
  }

  private exportFailed(format: ReportFormat, error: unknown): void {
    this.exportState = { kind: 'failed', format, error: errorBodyOf(error) };
  }

  private failed(error: unknown): void {
    this.error = errorBodyOf(error);
  }
}
