import { makeAutoObservable, observable } from 'mobx';
import type { ServiceField, ServiceRecord } from '../../shared/domain/service-record';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';
import { partitionForSave } from './record-validation';

/** A pause in typing this long sends the changed fields to main. */
export const SAVE_DELAY_MS = 400;

/**
 * Gets every edit to main soon: a change schedules a save after a short
 * pause, a blur or leaving the editor saves at once, and saves go one at a
 * time so a slow answer never reorders them. A field edited while its save
 * is on the way stays dirty and goes again.
 */
export class DraftSaver {
  /** Fields changed since main last confirmed them. */
  readonly dirty = observable.set<ServiceField>();
  /** Changed fields main would refuse as typed; they wait until fixed. */
  heldBack: ServiceField[] = [];
  isSaving = false;
  error: ErrorBody | null = null;
  /** Counts saves sent, so a reload that raced a save can tell. */
  sentCount = 0;

  private versions = new Map<ServiceField, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly readRecord: () => ServiceRecord,
    private readonly send: (values: Partial<ServiceRecord>) => Promise<void>,
    private readonly delayMs = SAVE_DELAY_MS,
  ) {
    makeAutoObservable<
      DraftSaver,
      'versions' | 'timer' | 'inFlight' | 'readRecord' | 'send' | 'delayMs'
    >(
      this,
      {
        versions: false,
        timer: false,
        inFlight: false,
        readRecord: false,
        send: false,
        delayMs: false,
        sentCount: false,
      },
      { autoBind: true },
    );
  }

  /** Records that a field changed and schedules a save. */
  markChanged(field: ServiceField): void {
    this.versions.set(field, (this.versions.get(field) ?? 0) + 1);
    this.dirty.add(field);
    this.cancelTimer();
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Sends every changed, valid field now and resolves once main has them. */
  async flush(): Promise<void> {
    this.cancelTimer();
    while (this.inFlight) await this.inFlight;
    if (this.dirty.size === 0) return;

    const { values, invalid } = partitionForSave(this.readRecord(), this.dirty);
    this.setHeldBack(invalid);
    const sentFields = Object.keys(values) as ServiceField[];
    if (sentFields.length === 0) return;

    const sentVersions = new Map(
      sentFields.map((field) => [field, this.versions.get(field)]),
    );
    this.inFlight = this.sendOnce(values, sentVersions);
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  /** Forgets pending changes without saving (the editor switched records after a flush). */
  reset(): void {
    this.cancelTimer();
    this.dirty.clear();
    this.versions.clear();
    this.heldBack = [];
    this.error = null;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty.size > 0;
  }

  private async sendOnce(
    values: Partial<ServiceRecord>,
    sentVersions: Map<ServiceField, number | undefined>,
  ): Promise<void> {
    this.startSend();
    try {
      await this.send(values);
      this.confirm(sentVersions);
    } catch (error) {
      this.fail(error);
    }
  }

  private startSend(): void {
    this.isSaving = true;
    this.sentCount += 1;
  }

  private confirm(sentVersions: Map<ServiceField, number | undefined>): void {
    this.isSaving = false;
    this.error = null;
    for (const [field, version] of sentVersions) {
      if (this.versions.get(field) === version) this.dirty.delete(field);
    }
  }

  private fail(error: unknown): void {
    this.isSaving = false;
    this.error = errorBodyOf(error);
  }

  private setHeldBack(fields: ServiceField[]): void {
    this.heldBack = fields;
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
