import { makeAutoObservable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type { OutboxEntry } from '../../shared/contract/sync-status';
import {
  serviceRecordSchema,
  type ServiceField,
} from '../../shared/domain/service-record';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';
import { parseEditedValue, valueAsEditableText } from './conflict-values';

/** The "edit" resolution in progress: one field of one conflicted entry. */
export type ConflictEdit = {
  entryId: number;
  field: ServiceField;
  text: string;
  error: string | null;
};

/** Queued changes: what is waiting, what was refused and why, and conflicts to resolve. */
export class OutboxStore {
  entries: OutboxEntry[] = [];
  error: ErrorBody | null = null;
  /** The entry an action is running on. */
  busyEntryId: number | null = null;
  editing: ConflictEdit | null = null;

  constructor(
    private readonly api: DxerApi,
    private readonly syncNow: () => Promise<void>,
  ) {
    makeAutoObservable<OutboxStore, 'api' | 'syncNow'>(
      this,
      { api: false, syncNow: false },
      { autoBind: true },
    );
  }

  start(): () => void {
    void this.load();
    const stopData = this.api.on('data.changed', ({ entities }) => {
      if (entities.includes('outbox')) void this.load();
    });
    const stopStatus = this.api.on('sync.status', () => void this.load());
    return () => {
      stopData();
      stopStatus();
    };
  }

  async load(): Promise<void> {
    try {
      this.applyEntries(await this.api.invoke('outbox.list', {}));
    } catch (error) {
      this.applyError(error);
    }
  }

  /** Drops a rejected change after the user has read why; main reverts its local edit. */
  async dismiss(entryId: number): Promise<void> {
    await this.run(entryId, () => this.api.invoke('outbox.dismiss', { entryId }));
  }

  /** Sends a refused change again, once the user has fixed its cause, and syncs. */
  async retry(entryId: number): Promise<void> {
    await this.run(entryId, async () => {
      await this.api.invoke('outbox.retry', { entryId });
      await this.syncNow();
    });
  }

  async resolve(
    entryId: number,
    field: ServiceField,
    resolution: 'mine' | 'theirs',
  ): Promise<void> {
    await this.run(entryId, () =>
      this.api.invoke('conflicts.resolve', { entryId, field, resolution }),
    );
  }

  startEdit(entryId: number, field: ServiceField, mine: unknown): void {
    this.editing = {
      entryId,
      field,
      text: valueAsEditableText(field, mine),
      error: null,
    };
  }

  setEditText(text: string): void {
    if (this.editing) this.editing = { ...this.editing, text, error: null };
  }

  cancelEdit(): void {
    this.editing = null;
  }

  /** Checks the edited value against the field's schema before sending it. */
  async saveEdit(): Promise<void> {
    const editing = this.editing;
    if (!editing) return;
    const parsed = parseEditedValue(editing.field, editing.text);
    if (!parsed.ok) {
      this.editing = { ...editing, error: parsed.error };
      return;
    }
    const checked = serviceRecordSchema.shape[editing.field].safeParse(parsed.value);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = [editing.field, ...(issue?.path.map(String) ?? [])].join('.');
      this.editing = { ...editing, error: `${where}: ${issue?.message ?? ''}` };
      return;
    }
    await this.run(editing.entryId, async () => {
      await this.api.invoke('conflicts.resolve', {
        entryId: editing.entryId,
        field: editing.field,
        resolution: 'edit',
        value: checked.data,
      });
      this.cancelEdit();
    });
  }

  get pending(): OutboxEntry[] {
    return this.entries.filter(
      (entry) => entry.state === 'pending' || entry.state === 'sending',
    );
  }

  get rejected(): OutboxEntry[] {
    return this.entries.filter((entry) => entry.state === 'rejected');
  }

  get conflicts(): OutboxEntry[] {
    return this.entries.filter((entry) => entry.state === 'conflict');
  }

  private async run(entryId: number, action: () => Promise<unknown>): Promise<void> {
    this.busyEntryId = entryId;
    this.error = null;
    try {
      await action();
      await this.load();
    } catch (error) {
      this.applyError(error);
    } finally {
      this.finishRun();
    }
  }

  private applyEntries(entries: OutboxEntry[]): void {
    this.entries = entries;
    this.error = null;
  }

  private applyError(error: unknown): void {
    this.error = errorBodyOf(error);
  }

  private finishRun(): void {
    this.busyEntryId = null;
  }
}
