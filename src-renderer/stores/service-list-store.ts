import { makeAutoObservable, observable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type { ServiceList, ServiceRow } from '../../shared/contract/views';
import type { ServiceType } from './enum-types';
import type { WorkflowStatus } from '../../shared/workflow/state-machine';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';
import { pagesForRange } from './paging';

/** Rows fetched per request; the virtual list asks for pages as they scroll into view. */
export const PAGE_SIZE = 100;
/** Typing in the search box waits this long for a pause before querying. */
export const SEARCH_DEBOUNCE_MS = 300;

/** The services list: filters, total, and the pages of rows loaded so far. */
export class ServiceListStore {
  /** What the search box shows. */
  query = '';
  /** The search the loaded rows answer; trails `query` by the debounce. */
  appliedQuery = '';
  agencyId: string | null = null;
  category: string | null = null;
  type: ServiceType | null = null;
  status: WorkflowStatus | null = null;
  /** Rows matching the filters, as of the last answer. */
  total = 0;
  hasAnswered = false;
  error: ErrorBody | null = null;
  /** Loaded rows by their index in the full result. */
  readonly rows = observable.map<number, ServiceRow>({}, { deep: false });

  private loadedPages = new Set<number>();
  private loadingPages = new Set<number>();
  /** Bumped when filters change so answers to older queries are dropped. */
  private generation = 0;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private visibleRange: [number, number] = [0, PAGE_SIZE - 1];

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<
      ServiceListStore,
      | 'api'
      | 'loadedPages'
      | 'loadingPages'
      | 'generation'
      | 'searchTimer'
      | 'visibleRange'
    >(
      this,
      {
        api: false,
        loadedPages: false,
        loadingPages: false,
        generation: false,
        searchTimer: false,
        visibleRange: false,
      },
      { autoBind: true },
    );
  }

  /** Loads the first page and reloads what is visible when services change. */
  start(): () => void {
    this.reload(true);
    const unsubscribe = this.api.on('data.changed', ({ entities }) => {
      if (entities.includes('service') || entities.includes('outbox')) this.reload(false);
    });
    return () => {
      unsubscribe();
      this.cancelSearchTimer();
    };
  }

  setQuery(text: string): void {
    this.query = text;
    this.cancelSearchTimer();
    this.searchTimer = setTimeout(() => this.applyQuery(), SEARCH_DEBOUNCE_MS);
  }

  /** Runs the typed search at once (Enter in the search box). */
  applyQuery(): void {
    this.cancelSearchTimer();
    const next = this.query.trim();
    if (next === this.appliedQuery) return;
    this.appliedQuery = next;
    this.reload(true);
  }

  setAgency(agencyId: string | null): void {
    this.agencyId = agencyId;
    this.reload(true);
  }

  setCategory(category: string | null): void {
    this.category = category;
    this.reload(true);
  }

  setType(type: ServiceType | null): void {
    this.type = type;
    this.reload(true);
  }

  setStatus(status: WorkflowStatus | null): void {
    this.status = status;
    this.reload(true);
  }

  /** Called by the virtual list with the indexes on screen; fetches missing pages. */
  ensureRange(first: number, last: number): void {
    this.visibleRange = [first, last];
    for (const page of pagesForRange(first, last, PAGE_SIZE)) {
      if (!this.loadedPages.has(page) && !this.loadingPages.has(page))
        void this.loadPage(page);
    }
  }

  rowAt(index: number): ServiceRow | undefined {
    return this.rows.get(index);
  }

  get hasFilters(): boolean {
    return (
      this.appliedQuery !== '' ||
      this.agencyId !== null ||
      this.category !== null ||
      this.type !== null ||
      this.status !== null
    );
  }

  /**
   * Starts over for new filters (`clear`: drop rows at once) or refreshes the
   * visible pages in place after a data change, so the list does not flicker.
   */
  private reload(clear: boolean): void {
    this.generation += 1;
    this.loadedPages.clear();
    this.loadingPages.clear();
    if (clear) {
      this.rows.clear();
      this.visibleRange = [0, PAGE_SIZE - 1];
    }
    const [first, last] = this.visibleRange;
    this.ensureRange(first, last);
  }

  private async loadPage(page: number): Promise<void> {
    const generation = this.generation;
    this.loadingPages.add(page);
    try {
      const list = await this.api.invoke('services.list', {
        query: this.appliedQuery,
        agencyId: this.agencyId,
        category: this.category,
        type: this.type,
        status: this.status,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      this.applyPage(generation, page, list);
    } catch (error) {
      this.applyPageError(generation, page, error);
    }
  }

  private applyPage(generation: number, page: number, list: ServiceList): void {
    if (generation !== this.generation) return;
    this.loadingPages.delete(page);
    this.loadedPages.add(page);
    const previousTotal = this.total;
    this.total = list.total;
    this.hasAnswered = true;
    this.error = null;
    const offset = page * PAGE_SIZE;
    list.rows.forEach((row, index) => this.rows.set(offset + index, row));
    // Rows past the new end belong to a longer, older result.
    if (list.total < previousTotal) {
      for (const index of [...this.rows.keys()]) {
        if (index >= list.total) this.rows.delete(index);
      }
    }
  }

  private applyPageError(generation: number, page: number, error: unknown): void {
    if (generation !== this.generation) return;
    this.loadingPages.delete(page);
    this.hasAnswered = true;
    this.error = errorBodyOf(error);
  }

  private cancelSearchTimer(): void {
    if (this.searchTimer !== null) clearTimeout(this.searchTimer);
    this.searchTimer = null;
  }
}
