import { makeAutoObservable, observable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type {
  ReviewKind,
  ReviewQueueItem,
  ServiceNameReview,
  ServiceReview,
} from '../../shared/contract/review-views';
import type { Remark } from '../../shared/domain/remark';
import type { ServiceField } from '../../shared/domain/service-record';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

const PAGE_SIZE = 100;

/** One remark being written, tied to a field of the record. */
export interface RemarkDraft {
  key: number;
  field: ServiceField;
  text: string;
}

interface DecisionDraft {
  remarks: RemarkDraft[];
  /** Why a proposed name is rejected. */
  reason: string;
}

/** What the review pane shows: a service submission or a proposed name. */
export type OpenReview =
  | { kind: 'service'; review: ServiceReview }
  | { kind: 'serviceName'; review: ServiceNameReview };

/**
 * The reviewer's desk: the queue of submissions oldest first, the one open
 * beside it, the remarks being written and the decision. Decisions go
 * through main's outbox, so they work offline; the queue marks each item
 * with where this desktop's decision stands.
 */
export class ReviewStore {
  agencyId: string | null = null;
  category: string | null = null;
  kind: ReviewKind | null = null;
  rows: ReviewQueueItem[] = [];
  total = 0;
  hasLoaded = false;
  loadError: ErrorBody | null = null;
  /** The queue item open in the review pane, by id. */
  selectedId: string | null = null;
  open: OpenReview | null = null;
  openError: ErrorBody | null = null;
  /**
   * Remarks and rejection reasons being written, per queue item, so moving
   * to another item and back keeps what was typed.
   */
  readonly drafts = observable.map<string, DecisionDraft>();
  hasTriedDecide = false;
  isDeciding = false;
  decideError: ErrorBody | null = null;
  private nextKey = 1;
  private loadGeneration = 0;

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<ReviewStore, 'api' | 'nextKey' | 'loadGeneration'>(
      this,
      { api: false, nextKey: false, loadGeneration: false },
      { autoBind: true },
    );
  }

  /** Loads the queue and keeps it and the open item fresh as data changes. */
  start(): () => void {
    void this.load();
    return this.api.on('data.changed', ({ entities }) => {
      if (
        entities.includes('service') ||
        entities.includes('serviceName') ||
        entities.includes('outbox')
      ) {
        void this.load();
        void this.refreshOpen();
      }
    });
  }

  setAgency(agencyId: string | null): void {
    this.agencyId = agencyId;
    void this.load();
  }

  setCategory(category: string | null): void {
    this.category = category;
    void this.load();
  }

  setKind(kind: ReviewKind | null): void {
    this.kind = kind;
    void this.load();
  }

  async load(): Promise<void> {
    const generation = ++this.loadGeneration;
    try {
      const queue = await this.api.invoke('review.queue', {
        agencyId: this.agencyId,
        category: this.category,
        kind: this.kind,
        limit: PAGE_SIZE,
      });
      if (generation === this.loadGeneration) this.applyQueue(queue.rows, queue.total);
    } catch (error) {
      if (generation === this.loadGeneration) this.loadFailed(error);
    }
  }

  get selectedIndex(): number {
    return this.rows.findIndex((row) => row.id === this.selectedId);
  }

  get overdueCount(): number {
    return this.rows.filter((row) => row.clock.isOverdue).length;
  }

  /** Opens a queue item in the review pane; remarks of another item are not carried over. */
  async select(row: ReviewQueueItem): Promise<void> {
    if (this.selectedId !== row.id) this.resetDecision();
    this.selectedId = row.id;
    try {
      const open: OpenReview =
        row.kind === 'serviceName'
          ? {
              kind: 'serviceName',
              review: await this.api.invoke('review.serviceName', {
                serviceNameId: row.id,
              }),
            }
          : {
              kind: 'service',
              review: await this.api.invoke('review.service', { serviceId: row.id }),
            };
      this.applyOpen(row.id, open);
    } catch (error) {
      this.openFailed(row.id, error);
    }
  }

  /** The next item still waiting for this reviewer's decision (J or ↓). */
  next(): void {
    this.step(1);
  }

  /** The previous item (K or ↑). */
  previous(): void {
    this.step(-1);
  }

  /** The remarks being written on the open item. */
  get remarks(): RemarkDraft[] {
    return (this.selectedId && this.drafts.get(this.selectedId)?.remarks) || [];
  }

  get reason(): string {
    return (this.selectedId && this.drafts.get(this.selectedId)?.reason) || '';
  }

  addRemark(field: ServiceField): number {
    const key = this.nextKey++;
    this.draft()?.remarks.push({ key, field, text: '' });
    return key;
  }

  setRemarkText(key: number, text: string): void {
    const remark = this.remarks.find((candidate) => candidate.key === key);
    if (remark) remark.text = text;
  }

  /** A remark on the first field the submission changes (the M key); null when nothing is open. */
  addRemarkOnFirstChange(): number | null {
    const open = this.open;
    if (open?.kind !== 'service' || !open.review.diff || !this.canDecide) return null;
    const changed = open.review.diff.fields.find((field) => field.status !== 'unchanged');
    return this.addRemark(changed?.field ?? 'description');
  }

  removeRemark(key: number): void {
    const draft = this.draft();
    if (draft) draft.remarks = draft.remarks.filter((remark) => remark.key !== key);
  }

  remarksFor(field: ServiceField): RemarkDraft[] {
    return this.remarks.filter((remark) => remark.field === field);
  }

  setReason(text: string): void {
    const draft = this.draft();
    if (draft) draft.reason = text;
  }

  /** The open item's draft, created on first use. */
  private draft(): DecisionDraft | undefined {
    const id = this.selectedId;
    if (id === null) return undefined;
    if (!this.drafts.has(id)) this.drafts.set(id, { remarks: [], reason: '' });
    return this.drafts.get(id);
  }

  /** Remarks with text, as the decision carries them. */
  get writtenRemarks(): Remark[] {
    return this.remarks
      .filter((remark) => remark.text.trim() !== '')
      .map((remark) => ({ field: remark.field, text: remark.text.trim() }));
  }

  /** Why the open item cannot be returned yet, shown once the reviewer tried. */
  get returnProblem(): 'noRemarks' | 'emptyRemark' | null {
    if (this.remarks.length === 0) return 'noRemarks';
    if (this.remarks.some((remark) => remark.text.trim() === '')) return 'emptyRemark';
    return null;
  }

  get canDecide(): boolean {
    return this.open !== null && this.open.review.refusal === null && !this.isDeciding;
  }

  async approve(): Promise<void> {
    await this.decide('approve');
  }

  /** Returns the submission with its remarks; refused here while a remark is missing. */
  async returnForCorrection(): Promise<void> {
    this.hasTriedDecide = true;
    if (this.returnProblem !== null) return;
    await this.decide('return');
  }

  /** Rejects a proposed name; refused here without a reason. */
  async reject(): Promise<void> {
    this.hasTriedDecide = true;
    if (this.reason.trim() === '') return;
    await this.decide('reject');
  }

  /**
   * The server found this desktop's decision stale (the agency resubmitted
   * or another reviewer decided first): drop it so the reviewer can look at
   * the submission as it is now and decide again.
   */
  async dismissStale(entryId: number): Promise<void> {
    this.decideError = null;
    try {
      await this.api.invoke('outbox.dismiss', { entryId });
      await this.refreshOpen();
    } catch (error) {
      this.decideFailed(error);
    }
  }

  private async decide(decision: 'approve' | 'return' | 'reject'): Promise<void> {
    const open = this.open;
    if (!open || !this.canDecide) return;
    const call = this.decisionCall(open, decision);
    if (!call) return;
    this.isDeciding = true;
    this.decideError = null;
    try {
      this.decided(await call());
    } catch (error) {
      this.decideFailed(error);
    }
  }

  /** The contract call that carries `decision` on the open item, or null when it does not apply. */
  private decisionCall(
    open: OpenReview,
    decision: 'approve' | 'return' | 'reject',
  ): (() => Promise<OpenReview>) | null {
    if (open.kind === 'service') {
      const { serviceId, submitted } = open.review;
      if (!submitted || decision === 'reject') return null;
      const remarks = decision === 'return' ? this.writtenRemarks : [];
      return async () => ({
        kind: 'service',
        review: await this.api.invoke('review.decideService', {
          serviceId,
          versionId: submitted.id,
          submissionNo: submitted.submissionNo,
          decision,
          remarks,
        }),
      });
    }
    if (decision === 'return') return null;
    const { id, submissionNo } = open.review.serviceName;
    const reason = decision === 'reject' ? this.reason.trim() : '';
    return async () => ({
      kind: 'serviceName',
      review: await this.api.invoke('review.decideServiceName', {
        serviceNameId: id,
        submissionNo,
        decision,
        reason,
      }),
    });
  }

  private step(direction: 1 | -1): void {
    if (this.rows.length === 0) return;
    const start = this.selectedIndex;
    for (let offset = 1; offset <= this.rows.length; offset += 1) {
      const index = start + direction * offset;
      const row = this.rows[index];
      if (!row) break;
      if (direction === -1 || row.decisionState === 'none') {
        void this.select(row);
        return;
      }
    }
    const fallback = this.rows[direction === 1 ? start + 1 : start - 1];
    if (fallback) void this.select(fallback);
  }

  /** Reads the open item again after a change, keeping the reviewer where they are. */
  private async refreshOpen(): Promise<void> {
    const open = this.open;
    if (!open) return;
    try {
      const refreshed: OpenReview =
        open.kind === 'service'
          ? {
              kind: 'service',
              review: await this.api.invoke('review.service', {
                serviceId: open.review.serviceId,
              }),
            }
          : {
              kind: 'serviceName',
              review: await this.api.invoke('review.serviceName', {
                serviceNameId: open.review.serviceName.id,
              }),
            };
      this.applyRefreshed(open, refreshed);
    } catch {
      // The item left this computer (a pull removed it); the queue reload shows that.
      this.applyRefreshed(open, null);
    }
  }

  private applyQueue(rows: ReviewQueueItem[], total: number): void {
    this.rows = rows;
    this.total = total;
    this.hasLoaded = true;
    this.loadError = null;
  }

  private loadFailed(error: unknown): void {
    this.loadError = errorBodyOf(error);
    this.hasLoaded = true;
  }

  private applyOpen(id: string, open: OpenReview): void {
    if (this.selectedId !== id) return;
    this.open = open;
    this.openError = null;
  }

  private openFailed(id: string, error: unknown): void {
    if (this.selectedId !== id) return;
    this.open = null;
    this.openError = errorBodyOf(error);
  }

  /** Takes a refreshed item unless the reviewer has moved to another meanwhile. */
  private applyRefreshed(was: OpenReview, open: OpenReview | null): void {
    if (this.open === was) this.open = open;
  }

  private decided(open: OpenReview): void {
    this.open = open;
    this.isDeciding = false;
    if (this.selectedId) this.drafts.delete(this.selectedId);
    this.hasTriedDecide = false;
  }

  private decideFailed(error: unknown): void {
    this.isDeciding = false;
    this.decideError = errorBodyOf(error);
  }

  private resetDecision(): void {
    this.hasTriedDecide = false;
    this.decideError = null;
    this.open = null;
    this.openError = null;
  }
}
