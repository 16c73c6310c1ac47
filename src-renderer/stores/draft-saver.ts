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
 * is on the way stays dirty and goes again. A field main would refuse as
 * typed is handed to main as held input instead, so it outlives a restart.
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
  /** The raw value main holds for each held-back field, as JSON, so it is sent once. */
  private heldInMain = new Map<ServiceField, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly readRecord: () => ServiceRecord,
    private readonly send: (values: Partial<ServiceRecord>) => Promise<void>,
    private readonly hold: (
      field: ServiceField,
      raw: ServiceRecord[ServiceField],
    ) => Promise<void>,
    private readonly delayMs = SAVE_DELAY_MS,
  ) {
    makeAutoObservable<
      DraftSaver,
      | 'versions'
      | 'heldInMain'
      | 'timer'
      | 'inFlight'
      | 'readRecord'
      | 'send'
      | 'hold'
      | 'delayMs'
    >(
      this,
      {
        versions: false,
        heldInMain: false,
        hold: false,
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

  /** Sends every changed, valid field now, holds the others, and resolves once main has them. */
  async flush(): Promise<void> {
    this.cancelTimer();
    while (this.inFlight) await this.inFlight;
    if (this.dirty.size === 0) return;

    const record = this.readRecord();
    const { values, invalid } = partitionForSave(record, this.dirty);
    this.setHeldBack(invalid);
    const holds = invalid
      .map((field) => ({
        field,
        raw: record[field],
        json: JSON.stringify(record[field]),
      }))
      .filter((held) => this.heldInMain.get(held.field) !== held.json);
    const sentFields = Object.keys(values) as ServiceField[];
    if (sentFields.length === 0 && holds.length === 0) return;

    const sentVersions = new Map(
      sentFields.map((field) => [field, this.versions.get(field)]),
    );
    this.inFlight = this.sendOnce(values, sentVersions, holds);
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  /**
   * Takes back fields main was holding for an editor that closed before they
   * became valid: they are unsaved and held back again, waiting for a fix.
   */
  restoreHeld(held: ReadonlyArray<{ field: ServiceField; raw: unknown }>): void {
    for (const { field, raw } of held) {
      this.versions.set(field, (this.versions.get(field) ?? 0) + 1);
      this.dirty.add(field);
      this.heldInMain.set(field, JSON.stringify(raw));
    }
    this.heldBack = held.map(({ field }) => field);
  }

  /** Forgets pending changes without saving (the editor switched records after a flush). */
  reset(): void {
    this.cancelTimer();
    this.dirty.clear();
    this.versions.clear();
    this.heldInMain.clear();
    this.heldBack = [];
    this.error = null;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty.size > 0;
  }

  private async sendOnce(
    values: Partial<ServiceRecord>,
    sentVersions: Map<ServiceField, number | undefined>,
    holds: ReadonlyArray<{
      field: ServiceField;
      raw: ServiceRecord[ServiceField];
      json: string;
    }>,
  ): Promise<void> {
    try {
      if (sentVersions.size > 0) {
        this.startSend();
        await this.send(values);
        this.confirm(sentVersions);
      }
      for (const held of holds) {
        await this.hold(held.field, held.raw);
        this.heldInMain.set(held.field, held.json);
      }
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
      // Main dropped whatever it held for a field that saved.
      this.heldInMain.delete(field);
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
