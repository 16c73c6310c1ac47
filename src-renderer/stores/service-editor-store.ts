import { makeAutoObservable, observable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type { ServiceDetail } from '../../shared/contract/views';
import { workingVersion } from '../../shared/domain/service';
import type { Remark } from '../../shared/domain/remark';
import {
  emptyServiceRecord,
  type ServiceField,
  type ServiceRecord,
} from '../../shared/domain/service-record';
import type { ErrorBody, FieldError } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';
import { DraftSaver } from './draft-saver';
import { takeFieldsChangedInMain } from './draft-merge';
import { withHeldInputs } from './held-inputs';
import type { Label } from './label';
import {
  newItem,
  withoutDocument,
  type ItemListField,
  type ItemOf,
} from './record-items';
import { topField, validateRecord } from './record-validation';

/** The record being edited: values as typed, validation, remarks, saving and workflow. */
export class ServiceEditorStore {
  serviceId: string | null = null;
  detail: ServiceDetail | null = null;
  /** The record as the user has typed it; main's copy may trail by the save delay. */
  record: ServiceRecord = emptyServiceRecord();
  /** Fields the user has touched here; submission problems show only for these… */
  readonly touched = observable.set<string>();
  /** …until the user tries to submit, which shows them all. */
  hasTriedSubmit = false;
  /** Counts refused submit attempts, so the screen can bring the error list into view. */
  refusedSubmits = 0;
  isLoading = false;
  isBusy = false;
  loadError: ErrorBody | null = null;
  /** Main's refusal of a submit or withdraw, with the fields it names. */
  actionError: ErrorBody | null = null;
  readonly saver: DraftSaver;

  /** The draft main last returned; a reload overwrites only fields that changed since. */
  private lastMainDraft: ServiceRecord | null = null;

  constructor(
    private readonly api: DxerApi,
    private readonly knownCategories: () => ReadonlySet<string>,
  ) {
    this.saver = new DraftSaver(
      () => this.record,
      (values) => this.sendDraft(values),
      (field, raw) => this.holdInput(field, raw),
    );
    makeAutoObservable<ServiceEditorStore, 'api' | 'knownCategories' | 'lastMainDraft'>(
      this,
      { api: false, knownCategories: false, lastMainDraft: false, saver: false },
      { autoBind: true },
    );
  }

  /** Follows main's data changes for the open service; returns the unsubscribe function. */
  start(): () => void {
    return this.api.on('data.changed', ({ entities }) => {
      if (
        this.serviceId &&
        (entities.includes('service') || entities.includes('outbox'))
      ) {
        void this.reload();
      }
    });
  }

  /** Opens a service, first saving whatever the previous one still had pending. */
  async open(serviceId: string): Promise<void> {
    await this.saver.flush();
    this.beginOpen(serviceId);
    try {
      const detail = await this.api.invoke('services.get', { serviceId });
      this.applyOpened(serviceId, detail);
    } catch (error) {
      this.applyLoadError(serviceId, error);
    }
  }

  /** Saves what is pending; called on blur and when leaving the editor. */
  async flush(): Promise<void> {
    await this.saver.flush();
  }

  setField<F extends ServiceField>(field: F, value: ServiceRecord[F]): void {
    if (!this.canEdit) return;
    this.record = { ...this.record, [field]: value };
    this.touched.add(field);
    this.saver.markChanged(field);
  }

  /** Merges a patch into one of the record's object fields (fee, contact…). */
  patchObject<F extends 'fee' | 'processingTime' | 'result' | 'contact'>(
    field: F,
    patch: Partial<ServiceRecord[F]>,
  ): void {
    this.setField(field, { ...this.record[field], ...patch });
  }

  addItem(field: ItemListField): void {
    this.setField(field, [
      ...this.record[field],
      newItem(field),
    ] as ServiceRecord[typeof field]);
  }

  patchItem<F extends ItemListField>(
    field: F,
    index: number,
    patch: Partial<ItemOf<F>>,
  ): void {
    const items = this.record[field].map((item, at) =>
      at === index ? { ...item, ...patch } : item,
    );
    this.setField(field, items as ServiceRecord[F]);
  }

  removeItem(field: ItemListField, index: number): void {
    const item = this.record[field][index];
    if (!item) return;
    if (field === 'documents') {
      const changes = withoutDocument(this.record, item.id);
      this.setField('documents', changes.documents ?? []);
      this.setField('channels', changes.channels ?? []);
      return;
    }
    this.setField(
      field,
      this.record[field].filter((_, at) => at !== index) as ServiceRecord[typeof field],
    );
  }

  async submit(): Promise<void> {
    this.hasTriedSubmit = true;
    if (!this.serviceId) return;
    if (this.errors.length > 0) {
      this.refusedSubmits += 1;
      return;
    }
    await this.saver.flush();
    if (this.saver.hasUnsavedChanges) return;
    await this.runAction('services.submit');
  }

  async withdraw(): Promise<void> {
    if (!this.serviceId) return;
    await this.runAction('services.withdraw');
  }

  /** Every error to show: malformed values, main's refusals and (once visible) submission problems. */
  get errors(): FieldError[] {
    const { schemaErrors, problems } = this.validation;
    const visibleProblems = problems.filter(
      (problem) => this.hasTriedSubmit || this.touched.has(topField(problem.path)),
    );
    return [...schemaErrors, ...visibleProblems, ...(this.actionError?.fields ?? [])];
  }

  get validation(): { schemaErrors: FieldError[]; problems: FieldError[] } {
    return validateRecord(this.record, this.knownCategories());
  }

  /** Errors for exactly this path, as the input at that path shows them. */
  errorsAt(path: string): string[] {
    return this.errors
      .filter((error) => error.path === path)
      .map((error) => error.message);
  }

  /** Errors at this path or inside it. */
  errorsUnder(path: string): string[] {
    return [...this.errorsAt(path), ...this.errorsBelow(path)];
  }

  /** Errors inside this path (its items), for a list whose items have no input of their own. */
  errorsBelow(path: string): string[] {
    return this.errors
      .filter((error) => error.path.startsWith(`${path}.`))
      .map((error) => error.message);
  }

  get canEdit(): boolean {
    return this.detail?.canEdit ?? false;
  }

  get status() {
    return this.detail?.draftStatus ?? null;
  }

  get canWithdraw(): boolean {
    return this.status === 'submitted';
  }

  /** The reviewer's remarks on the version being worked on. */
  get remarks(): Remark[] {
    if (!this.detail) return [];
    return workingVersion(this.detail.service)?.remarks ?? [];
  }

  remarksFor(field: ServiceField): Remark[] {
    return this.remarks.filter((remark) => topField(remark.field) === field);
  }

  get title(): string {
    return this.detail?.serviceName?.name ?? this.detail?.service.registryCode ?? '';
  }

  /** Where the typed values are: being typed, saved on this computer, or sent. */
  get saveLabel(): Label {
    if (this.saver.isSaving) return { key: 'editor.save.saving' };
    if (this.saver.error)
      return { key: 'editor.save.failed', values: { message: this.saver.error.message } };
    if (this.saver.heldBack.length > 0) return { key: 'editor.save.heldBack' };
    if (this.saver.hasUnsavedChanges) return { key: 'editor.save.unsaved' };
    const outbox = this.detail?.outbox ?? [];
    if (outbox.some((entry) => entry.state === 'conflict'))
      return { key: 'editor.save.conflict' };
    if (outbox.some((entry) => entry.state === 'rejected'))
      return { key: 'editor.save.rejected' };
    if (outbox.length > 0) return { key: 'editor.save.pendingSync' };
    return { key: 'editor.save.synced' };
  }

  private async sendDraft(values: Partial<ServiceRecord>): Promise<void> {
    const serviceId = this.serviceId;
    if (!serviceId) return;
    const detail = await this.api.invoke('services.saveDraft', {
      serviceId,
      record: values,
    });
    this.applySaved(serviceId, detail);
  }

  private async holdInput(
    field: ServiceField,
    raw: ServiceRecord[ServiceField],
  ): Promise<void> {
    const serviceId = this.serviceId;
    if (!serviceId) return;
    await this.api.invoke('services.saveHeldInput', { serviceId, field, raw });
  }

  private async reload(): Promise<void> {
    const serviceId = this.serviceId;
    if (!serviceId) return;
    const sentBefore = this.saver.sentCount;
    try {
      const detail = await this.api.invoke('services.get', { serviceId });
      this.applyReloaded(serviceId, detail, sentBefore);
    } catch (error) {
      this.applyLoadError(serviceId, error);
    }
  }

  private async runAction(
    method: 'services.submit' | 'services.withdraw',
  ): Promise<void> {
    const serviceId = this.serviceId;
    if (!serviceId) return;
    this.isBusy = true;
    this.actionError = null;
    try {
      const detail = await this.api.invoke(method, { serviceId });
      this.applyReloaded(serviceId, detail, this.saver.sentCount);
    } catch (error) {
      this.applyActionError(error);
    } finally {
      this.finishAction();
    }
  }

  private beginOpen(serviceId: string): void {
    this.saver.reset();
    this.serviceId = serviceId;
    this.detail = null;
    this.record = emptyServiceRecord();
    this.touched.clear();
    this.hasTriedSubmit = false;
    this.refusedSubmits = 0;
    this.actionError = null;
    this.loadError = null;
    this.isLoading = true;
  }

  /** Shows the service; what main held back for it comes back, marked by its errors. */
  private applyOpened(serviceId: string, detail: ServiceDetail): void {
    if (serviceId !== this.serviceId) return;
    this.detail = detail;
    const { record, held } = detail.canEdit
      ? withHeldInputs(detail.draft, detail.heldInputs)
      : { record: detail.draft, held: [] };
    this.record = record;
    for (const { field } of held) this.touched.add(field);
    this.saver.restoreHeld(held);
    this.lastMainDraft = detail.draft;
    this.isLoading = false;
  }

  private applySaved(serviceId: string, detail: ServiceDetail): void {
    if (serviceId !== this.serviceId) return;
    // The typed values stay: main's copy is trimmed, and replacing what is
    // on screen with it would eat a space the user just typed.
    this.detail = detail;
    this.lastMainDraft = detail.draft;
  }

  /**
   * Takes fields that changed in main since its last answer (a pull, a
   * resolved conflict) unless the user is editing them. An answer that raced
   * a save may predate it, so it updates only the status, not the values.
   */
  private applyReloaded(
    serviceId: string,
    detail: ServiceDetail,
    sentBefore: number,
  ): void {
    if (serviceId !== this.serviceId) return;
    this.detail = detail;
    if (sentBefore !== this.saver.sentCount || this.saver.isSaving) return;
    this.record = takeFieldsChangedInMain(
      this.record,
      this.lastMainDraft,
      detail.draft,
      this.saver.dirty,
    );
    this.lastMainDraft = detail.draft;
  }

  private applyLoadError(serviceId: string, error: unknown): void {
    if (serviceId !== this.serviceId) return;
    this.loadError = errorBodyOf(error);
    this.isLoading = false;
  }

  private applyActionError(error: unknown): void {
    this.actionError = errorBodyOf(error);
  }

  private finishAction(): void {
    this.isBusy = false;
  }
}
