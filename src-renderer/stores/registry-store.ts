import { makeAutoObservable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type { RegistryFigures } from '../../shared/contract/views';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

/** The home screen's figures, computed by main from the local registry. */
export class RegistryStore {
  figures: RegistryFigures | null = null;
  error: ErrorBody | null = null;

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<RegistryStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  start(): () => void {
    void this.load();
    return this.api.on('data.changed', ({ entities }) => {
      if (entities.some((entity) => entity !== 'outbox')) void this.load();
    });
  }

  async load(): Promise<void> {
    try {
      this.applyFigures(await this.api.invoke('registry.figures', {}));
    } catch (error) {
      this.applyError(error);
    }
  }

  private applyFigures(figures: RegistryFigures): void {
    this.figures = figures;
    this.error = null;
  }

  private applyError(error: unknown): void {
    this.error = errorBodyOf(error);
  }

  /** The largest per-category count, to scale the bars. */
  get largestCategoryCount(): number {
    return Math.max(1, ...(this.figures?.perCategory.map((entry) => entry.count) ?? []));
  }
}
