import { makeAutoObservable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type {
  DuplicateCandidateView,
  SimilarServices,
} from '../../shared/contract/duplicate-views';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

/** How often to ask again while main still builds its index of services. */
const RETRY_MS = 700;

/**
 * The warning beside a service in the editor and in the review view: the
 * existing services its content looks like, and the merge proposals
 * reviewers made about it. Refreshed as the draft is saved and as pulls
 * bring changes.
 */
export class SimilarServicesStore {
  serviceId: string | null = null;
  result: SimilarServices | null = null;
  proposals: DuplicateCandidateView[] = [];
  error: ErrorBody | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<SimilarServicesStore, 'api' | 'retry' | 'generation'>(
      this,
      { api: false, retry: false, generation: false },
      { autoBind: true },
    );
  }

  /** Follows one service until the returned function is called. */
  watch(serviceId: string): () => void {
    this.serviceId = serviceId;
    this.result = null;
    this.proposals = [];
    void this.load();
    const stop = this.api.on('data.changed', ({ entities }) => {
      if (entities.includes('service') || entities.includes('duplicateCandidate')) {
        void this.load();
      }
    });
    return () => {
      stop();
      this.clearRetry();
      if (this.serviceId === serviceId) this.serviceId = null;
    };
  }

  get isChecking(): boolean {
    return this.result === null || !this.result.isReady;
  }

  async load(): Promise<void> {
    const serviceId = this.serviceId;
    if (!serviceId) return;
    const generation = ++this.generation;
    this.clearRetry();
    try {
      const [result, pairs] = await Promise.all([
        this.api.invoke('services.similar', { serviceId }),
        this.api.invoke('duplicates.ofService', { serviceId }),
      ]);
      if (generation !== this.generation) return;
      this.loaded(result, pairs);
      if (!result.isReady) this.retry = setTimeout(() => void this.load(), RETRY_MS);
    } catch (error) {
      if (generation === this.generation) this.failed(error);
    }
  }

  private loaded(result: SimilarServices, pairs: DuplicateCandidateView[]): void {
    this.result = result;
    this.proposals = pairs.filter(
      (pair) => pair.candidate.mark?.kind === 'mergeProposal',
    );
    this.error = null;
  }

  private failed(error: unknown): void {
    this.error = errorBodyOf(error);
  }

  private clearRetry(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }
}
