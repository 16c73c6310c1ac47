import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync-status';
import { RecordingApi } from '../test-support/recording-api';
import { SyncStore } from './sync-store';

function storeWith(status: SyncStatus) {
  const api = new RecordingApi({ 'sync.status': () => Promise.resolve(status) });
  const store = new SyncStore(api);
  store.applyStatus(status);
  return { api, store };
}

const counts = {
  pendingCount: 0,
  rejectedCount: 0,
  conflictCount: 0,
  lastSyncedAt: null,
};

describe('the sync status bar’s labels', () => {
  it('shows progress while syncing: how many to send and to receive', () => {
    const { store } = storeWith({
      ...counts,
      connection: { kind: 'syncing', toSend: 3, toReceive: 120 },
    });
    expect(store.isOnline).toBe(true);
    expect(store.connectionLabel).toEqual({
      key: 'sync.connection.syncing',
      values: { toSend: 3, toReceive: 120 },
    });
  });

  it('tells an offline user that unsent changes are kept and will go later', () => {
    const { store } = storeWith({
      ...counts,
      pendingCount: 4,
      connection: { kind: 'offline', since: '2024-03-01T09:00:00Z', retryAt: null },
    });
    expect(store.isOnline).toBe(false);
    expect(store.notices).toEqual([
      {
        kind: 'pending',
        count: 4,
        label: { key: 'sync.notice.pendingOffline', values: { count: 4 } },
      },
    ]);
  });

  it('lists rejected and conflicting changes with what to do, leaving out kinds with none', () => {
    const { store } = storeWith({
      ...counts,
      rejectedCount: 1,
      conflictCount: 2,
      connection: { kind: 'idle' },
    });
    expect(store.notices.map((notice) => [notice.kind, notice.label.key])).toEqual([
      ['rejected', 'sync.notice.rejected'],
      ['conflict', 'sync.notice.conflict'],
    ]);
  });

  it('names the class of a sync error so the user knows whether to sign in again', () => {
    const { store } = storeWith({
      ...counts,
      connection: {
        kind: 'error',
        errorClass: 'authentication',
        message: 'token expired',
        retryAt: null,
      },
    });
    expect(store.connectionLabel.key).toBe('sync.connection.error.authentication');
  });

  it('follows the status main pushes as events', () => {
    const { api, store } = storeWith({ ...counts, connection: { kind: 'idle' } });
    const stop = store.start();
    api.emit('sync.status', { ...counts, pendingCount: 9, connection: { kind: 'idle' } });
    expect(store.status?.pendingCount).toBe(9);
    stop();
  });
});
