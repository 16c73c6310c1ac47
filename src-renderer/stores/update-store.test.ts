import { describe, expect, it } from 'vitest';
import type { UpdateState, UpdateStatus } from '../../shared/contract/update-status';
import { RecordingApi } from '../test-support/recording-api';
import { UpdateStore } from './update-store';

const base = { currentVersion: '0.1.0', channel: 'stable', lastCheckedAt: null } as const;
const statusOf = (state: UpdateState): UpdateStatus => ({ ...base, state });

function storeWith(state: UpdateState) {
  const api = new RecordingApi({
    'updates.status': () => Promise.resolve(statusOf(state)),
    'updates.installOnQuit': (input) =>
      Promise.resolve(
        statusOf({ kind: 'ready', version: '0.2.0', installOnQuit: input.install }),
      ),
    'updates.check': () => Promise.resolve(statusOf({ kind: 'checking' })),
  });
  const store = new UpdateStore(api);
  store.applyStatus(statusOf(state));
  return { api, store };
}

describe('the update notice', () => {
  it('says nothing where updates are disabled', () => {
    const { store } = storeWith({ kind: 'disabled' });
    expect(store.notice).toBeNull();
    expect(store.action).toBeNull();
  });

  it('shows the download’s progress', () => {
    const { store } = storeWith({ kind: 'downloading', version: '0.2.0', percent: 42 });
    expect(store.notice).toEqual({
      key: 'updates.notice.downloading',
      values: { version: '0.2.0', percent: 42 },
    });
  });

  it('asks before installing a ready update, and sends the answer to main', async () => {
    const { api, store } = storeWith({
      kind: 'ready',
      version: '0.2.0',
      installOnQuit: false,
    });
    expect(store.notice?.key).toBe('updates.notice.ready');
    expect(store.action).toBe('installOnQuit');
    await store.setInstallOnQuit(true);
    expect(api.calls.at(-1)).toEqual({
      method: 'updates.installOnQuit',
      input: { install: true },
    });
    expect(store.notice?.key).toBe('updates.notice.installOnQuit');
    expect(store.action).toBe('dontInstall');
  });

  it('says how many changes an update waits for', () => {
    const { store } = storeWith({
      kind: 'waitingForSync',
      version: '0.2.0',
      unsynced: 3,
    });
    expect(store.notice).toEqual({
      key: 'updates.notice.waitingForSync',
      values: { version: '0.2.0', n: 3 },
    });
  });

  it('names why an update failed and offers to check again', async () => {
    const { api, store } = storeWith({
      kind: 'failed',
      reason: 'checksum',
      version: '0.2.0',
      message: 'sha512 checksum mismatch',
    });
    expect(store.notice).toEqual({
      key: 'updates.failure.checksum',
      values: { version: '0.2.0', message: 'sha512 checksum mismatch' },
    });
    expect(store.isFailed).toBe(true);
    expect(store.action).toBe('checkAgain');
    await store.check();
    expect(api.calls.at(-1)?.method).toBe('updates.check');
    expect(store.notice?.key).toBe('updates.notice.checking');
  });

  it('follows the status main pushes as events', () => {
    const { api, store } = storeWith({ kind: 'idle' });
    const stop = store.start();
    api.emit('updates.status', statusOf({ kind: 'installing', version: '0.2.0' }));
    expect(store.notice?.key).toBe('updates.notice.installing');
    stop();
  });
});
