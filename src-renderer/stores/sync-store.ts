import { makeAutoObservable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type { SyncStatus } from '../../shared/contract/sync-status';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';
import type { Label } from './label';

/** What the status bar says about one kind of unfinished change, and what to do about it. */
export type ChangeNotice = {
  kind: 'pending' | 'rejected' | 'conflict';
  count: number;
  label: Label;
};

/** The sync status as main reports it, with the labels the status bar shows. */
export class SyncStore {
  /** Last status from main; null until the first answer. */
  status: SyncStatus | null = null;
  /** Set while a "Sync now" request is on its way. */
  isRequesting = false;
  /** Why the last "Sync now" failed, if it did. */
  requestError: ErrorBody | null = null;

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<SyncStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  /** Loads the status and follows main's updates; returns the unsubscribe function. */
  start(): () => void {
    void this.refresh();
    return this.api.on('sync.status', (status) => this.applyStatus(status));
  }

  async refresh(): Promise<void> {
    try {
      this.applyStatus(await this.api.invoke('sync.status', {}));
    } catch (error) {
      this.applyRequestError(error);
    }
  }

  async syncNow(): Promise<void> {
    this.isRequesting = true;
    this.requestError = null;
    try {
      this.applyStatus(await this.api.invoke('sync.now', {}));
    } catch (error) {
      this.applyRequestError(error);
    } finally {
      this.finishRequest();
    }
  }

  applyStatus(status: SyncStatus): void {
    this.status = status;
  }

  private applyRequestError(error: unknown): void {
    this.requestError = errorBodyOf(error);
  }

  private finishRequest(): void {
    this.isRequesting = false;
  }

  get isOnline(): boolean {
    const kind = this.status?.connection.kind;
    return kind === 'idle' || kind === 'syncing';
  }

  get isSyncing(): boolean {
    return this.status?.connection.kind === 'syncing' || this.isRequesting;
  }

  /** One line on the connection: online, offline, syncing with progress, or the error. */
  get connectionLabel(): Label {
    const connection = this.status?.connection;
    if (!connection) return { key: 'sync.connection.unknown' };
    switch (connection.kind) {
      case 'loggedOut':
        return { key: 'sync.connection.loggedOut' };
      case 'offline':
        return { key: 'sync.connection.offline' };
      case 'idle':
        return { key: 'sync.connection.online' };
      case 'syncing':
        return {
          key: 'sync.connection.syncing',
          values: { toSend: connection.toSend, toReceive: connection.toReceive },
        };
      case 'error':
        return {
          key: `sync.connection.error.${connection.errorClass}`,
          values: { message: connection.message },
        };
      case 'updateRequired':
        return {
          key: 'sync.connection.updateRequired',
          values: { message: connection.message },
        };
    }
  }

  /** The unfinished changes, each with what the user should do; empty kinds are left out. */
  get notices(): ChangeNotice[] {
    if (!this.status) return [];
    const { pendingCount, rejectedCount, conflictCount } = this.status;
    const notices: ChangeNotice[] = [
      {
        kind: 'pending',
        count: pendingCount,
        label: {
          key: this.isOnline ? 'sync.notice.pendingOnline' : 'sync.notice.pendingOffline',
          values: { count: pendingCount },
        },
      },
      {
        kind: 'rejected',
        count: rejectedCount,
        label: { key: 'sync.notice.rejected', values: { count: rejectedCount } },
      },
      {
        kind: 'conflict',
        count: conflictCount,
        label: { key: 'sync.notice.conflict', values: { count: conflictCount } },
      },
    ];
    return notices.filter((notice) => notice.count > 0);
  }

  get lastSyncedAt(): string | null {
    return this.status?.lastSyncedAt ?? null;
  }
}
