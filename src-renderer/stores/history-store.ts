import { makeAutoObservable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type { HistoryEntry } from '../../shared/contract/review-views';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

/** The history of the one service whose history panel is open. */
export class HistoryStore {
  serviceId: string | null = null;
  entries: HistoryEntry[] = [];
  error: ErrorBody | null = null;
  isLoading = false;

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<HistoryStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  /** Reloads the shown history when the service changes on this computer. */
  start(): () => void {
    return this.api.on('data.changed', ({ entities }) => {
      if (entities.includes('service') && this.serviceId) void this.show(this.serviceId);
    });
  }

  async show(serviceId: string): Promise<void> {
    if (serviceId !== this.serviceId) this.reset(serviceId);
    this.isLoading = true;
    try {
      this.applyEntries(
        serviceId,
        await this.api.invoke('services.history', { serviceId }),
      );
    } catch (error) {
      this.failed(serviceId, error);
    }
  }

  /** Newest first, as people read a history. */
  get newestFirst(): HistoryEntry[] {
    return [...this.entries].reverse();
  }

  private reset(serviceId: string): void {
    this.serviceId = serviceId;
    this.entries = [];
    this.error = null;
  }

  private applyEntries(serviceId: string, entries: HistoryEntry[]): void {
    if (serviceId !== this.serviceId) return;
    this.entries = entries;
    this.error = null;
    this.isLoading = false;
  }

  private failed(serviceId: string, error: unknown): void {
    if (serviceId !== this.serviceId) return;
    this.error = errorBodyOf(error);
    this.isLoading = false;
  }
}
