import { makeAutoObservable, observable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type { DuplicateCandidateView } from '../../shared/contract/duplicate-views';
import type { DuplicateMarkKind } from '../../shared/duplicates/duplicate-candidate';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

/** Which pairs the screen lists. */
export type DuplicateFilter = 'open' | 'all';

/**
 * The reviewer's duplicate candidates: every pair the server found, the
 * note being written on each, and the marks, which go through main's
 * outbox so they work offline. Auditors and administrators read the same
 * list without the buttons.
 */
export class DuplicatesStore {
  views: DuplicateCandidateView[] = [];
  hasLoaded = false;
  loadError: ErrorBody | null = null;
  filter: DuplicateFilter = 'all';
  /** Notes being typed, per pair, kept while the list refreshes. */
  readonly notes = observable.map<string, string>();
  /** Why main refused the last mark on a pair. */
  readonly markErrors = observable.map<string, ErrorBody>();
  markingId: string | null = null;
  private loadGeneration = 0;

  constructor(
    private readonly api: DxerApi,
    private readonly isReviewer: () => boolean,
  ) {
    makeAutoObservable<DuplicatesStore, 'api' | 'isReviewer' | 'loadGeneration'>(
      this,
      { api: false, isReviewer: false, loadGeneration: false },
      { autoBind: true },
    );
  }

  start(): () => void {
    void this.load();
    return this.api.on('data.changed', ({ entities }) => {
      if (
        entities.includes('duplicateCandidate') ||
        entities.includes('service') ||
        entities.includes('outbox')
      ) {
        void this.load();
      }
    });
  }

  get canMark(): boolean {
    return this.isReviewer();
  }

  /** A pair is open until it has a mark, from the server or on its way. */
  get shown(): DuplicateCandidateView[] {
    if (this.filter === 'all') return this.views;
    return this.views.filter(
      (view) =>
        view.candidate.mark === null ||
        view.ownMark?.state === 'conflict' ||
        view.ownMark?.state === 'rejected',
    );
  }

  get openCount(): number {
    return this.views.filter((view) => view.candidate.mark === null && !view.ownMark)
      .length;
  }

  setFilter(filter: DuplicateFilter): void {
    this.filter = filter;
  }

  noteOf(candidateId: string): string {
    return this.notes.get(candidateId) ?? '';
  }

  setNote(candidateId: string, note: string): void {
    this.notes.set(candidateId, note);
  }

  async load(): Promise<void> {
    const generation = ++this.loadGeneration;
    try {
      const views = await this.api.invoke('duplicates.list', {});
      if (generation === this.loadGeneration) this.applyViews(views);
    } catch (error) {
      if (generation === this.loadGeneration) this.loadFailed(error);
    }
  }

  async mark(candidateId: string, kind: DuplicateMarkKind): Promise<void> {
    const view = this.views.find((v) => v.candidate.id === candidateId);
    if (!view || this.markingId !== null) return;
    this.markingId = candidateId;
    this.markErrors.delete(candidateId);
    try {
      const marked = await this.api.invoke('duplicates.mark', {
        candidateId,
        kind,
        note: this.noteOf(candidateId),
        baseRevision: view.candidate.revision,
      });
      this.marked(marked);
    } catch (error) {
      this.markFailed(candidateId, error);
    }
  }

  private marked(view: DuplicateCandidateView): void {
    this.markingId = null;
    this.notes.delete(view.candidate.id);
    this.views = this.views.map((v) => (v.candidate.id === view.candidate.id ? view : v));
  }

  private markFailed(candidateId: string, error: unknown): void {
    this.markingId = null;
    this.markErrors.set(candidateId, errorBodyOf(error));
  }

  private applyViews(views: DuplicateCandidateView[]): void {
    this.views = views;
    this.hasLoaded = true;
    this.loadError = null;
  }

  private loadFailed(error: unknown): void {
    this.hasLoaded = true;
    this.loadError = errorBodyOf(error);
  }
}
