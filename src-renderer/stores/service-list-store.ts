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

/**
 * The services list: filters, total, and the pages of rows loaded so far.
 * A new search asks for its first page without the total and for the exact
 * total beside it, since counting every match of a broad query can take
 * longer than finding the page: the rows show first, the count follows.
 */
export class ServiceListStore {
  /** What the search box shows. */
  query = '';
  /** The search the loaded rows answer; trails `query` by the debounce. */
  appliedQuery = '';
  agencyId: string | null = null;
  category: string | null = null;
  type: ServiceType | null = null;
  status: WorkflowStatus | null = null;
  /**
   * Rows matching the filters, as of the last answer; while isTotalExact is
   * false, the least there can be (the rows found and one more).
   */
  total = 0;
  /** False from a first page that has more rows after it until the count arrives. */
  isTotalExact = true;
  hasAnswered = false;
  error: ErrorBody | null = null;
  /** Loaded rows by their index in the full result. */
  readonly rows = observable.map<number, ServiceRow>({}, { deep: false });

  private loadedPages = new Set<number>();
  private loadingPages = new Set<number>();
  /** Bumped when filters change so answers to older queries are dropped. */
  private generation = 0;
  /** The generation whose exact total `total` holds. */
  private countedGeneration = -1;
  /** The generation whose lower bound `total` holds while not counted. */
  private boundGeneration = -1;
  /** The current generation refreshes the same filters in place: keep the old total till counted. */
  private isRefreshing = false;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private visibleRange: [number, number] = [0, PAGE_SIZE - 1];

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<
      ServiceListStore,
      | 'api'
      | 'loadedPages'
      | 'loadingPages'
      | 'generation'
      | 'countedGeneration'
      | 'boundGeneration'
      | 'isRefreshing'
      | 'searchTimer'
      | 'visibleRange'
    >(
      this,
      {
        api: false,
        loadedPages: false,
        loadingPages: false,
        generation: false,
        countedGeneration: false,
        boundGeneration: false,
        isRefreshing: false,
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

  /** How many matches the list can vouch for: the total, or the rows found so far. */
  get foundCount(): number {
    return this.isTotalExact ? this.total : Math.max(0, this.total - 1);
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
    this.isRefreshing = !clear;
    this.loadedPages.clear();
    this.loadingPages.clear();
    if (clear) {
      this.rows.clear();
      this.visibleRange = [0, PAGE_SIZE - 1];
    }
    const [first, last] = this.visibleRange;
    this.ensureRange(first, last);
    void this.loadTotal();
  }

  private filters() {
    return {
      query: this.appliedQuery,
      agencyId: this.agencyId,
      category: this.category,
      type: this.type,
      status: this.status,
    };
  }

  private async loadPage(page: number): Promise<void> {
    const generation = this.generation;
    this.loadingPages.add(page);
    try {
      const list = await this.api.invoke('services.list', {
        ...this.filters(),
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        withTotal: false,
      });
      this.applyPage(generation, page, list);
    } catch (error) {
      this.applyError(generation, error, page);
    }
  }

  private async loadTotal(): Promise<void> {
    const generation = this.generation;
    try {
      const { total } = await this.api.invoke('services.count', this.filters());
      this.applyTotal(generation, total, true);
    } catch (error) {
      this.applyError(generation, error, null);
    }
  }

  private applyPage(generation: number, page: number, list: ServiceList): void {
    if (generation !== this.generation) return;
    this.loadingPages.delete(page);
    this.loadedPages.add(page);
    this.error = null;
    const offset = page * PAGE_SIZE;
    list.rows.forEach((row, index) => this.rows.set(offset + index, row));
    this.applyTotal(generation, list.total, list.isTotalExact !== false);
  }

  /** Takes an exact total, or a lower bound from a page while the count is on its way. */
  private applyTotal(generation: number, total: number, isExact: boolean): void {
    if (generation !== this.generation) return;
    this.hasAnswered = true;
    if (!isExact) {
      if (this.countedGeneration === generation) return;
      // A refresh keeps the figure and the scroll length it had until counted.
      if (this.isRefreshing) {
        this.total = Math.max(this.total, total);
        return;
      }
      this.total =
        this.boundGeneration === generation ? Math.max(this.total, total) : total;
      this.boundGeneration = generation;
      this.isTotalExact = false;
      return;
    }

    const previousTotal = this.total;
    this.total = total;
    this.isTotalExact = true;
    this.countedGeneration = generation;
    // Rows past the new end belong to a longer, older result.
    if (total < previousTotal) {
      for (const index of [...this.rows.keys()]) {
        if (index >= total) this.rows.delete(index);
      }
    }
  }

  private applyError(generation: number, error: unknown, page: number | null): void {
    if (generation !== this.generation) return;
    if (page !== null) this.loadingPages.delete(page);
    this.hasAnswered = true;
    this.error = errorBodyOf(error);
  }

  private cancelSearchTimer(): void {
    if (this.searchTimer !== null) clearTimeout(this.searchTimer);
    this.searchTimer = null;
  }
}
