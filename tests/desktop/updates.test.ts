// The desktop's self-update against the server's feed: found, up to date,
// refused for a bad checksum or a feed the server will not serve, and the
// daily re-check.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DAILY_CHECK_MS } from '../../src-main/updates/update-controller';
import type { UpdateState } from '../../shared/contract/update-status';
import { startCorruptingProxy } from './support/corrupting-proxy';
import type { CorruptingProxy } from './support/corrupting-proxy';
import { waitFor } from './support/sync-helpers';
import {
  CURRENT_VERSION,
  kinds,
  pendingFiles,
  publish,
  rig,
  stopRigs,
} from './support/update-rig';

afterEach(stopRigs);

describe('the desktop self-update', () => {
  it('reads the channel chosen in Settings, and looks at once when it changes', async () => {
    const r = await rig();
    publish(r, CURRENT_VERSION);
    publish(r, '0.3.0', undefined, 'beta');

    const stable = await r.app.updates.check();
    expect(stable).toMatchObject({ channel: 'stable', state: { kind: 'upToDate' } });

    await r.app.handlers['settings.setUpdateChannel']({ updateChannel: 'beta' });
    await waitFor(
      'the beta release downloaded',
      () => r.app.updates.status().state.kind === 'ready',
    );
    expect(r.app.updates.status()).toMatchObject({
      channel: 'beta',
      state: { kind: 'ready', version: '0.3.0' },
    });
  });

  it('finds a newer version, downloads it with progress, and installs it on quit once the user agrees', async () => {
    const r = await rig();
    const release = publish(r, '0.2.0');

    const status = await r.app.updates.check();
    expect(status).toMatchObject({
      currentVersion: CURRENT_VERSION,
      channel: 'stable',
      state: { kind: 'ready', version: '0.2.0', installOnQuit: false },
    });
    expect(kinds(r.statuses)).toEqual(
      expect.arrayContaining(['checking', 'downloading', 'ready']),
    );
    const progress = r.statuses
      .map((s) => s.state)
      .filter(
        (s): s is Extract<UpdateState, { kind: 'downloading' }> =>
          s.kind === 'downloading',
      )
      .map((s) => s.percent);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    // The verified download waits in electron-updater's cache, byte for byte.
    const downloaded = path.join(r.cacheDir, 'pending', release.installerName);
    expect(fs.readFileSync(downloaded).equals(release.installer)).toBe(true);
    expect(await r.app.handlers['updates.status']({})).toEqual(status);

    // Closing asks first; nothing is installed before the user agrees.
    expect(await r.app.updates.onQuitRequested()).toEqual({
      kind: 'ask',
      version: '0.2.0',
    });
    expect(r.updater.installed).toEqual([]);
    const agreed = await r.app.handlers['updates.installOnQuit']({ install: true });
    expect(agreed.state).toEqual({
      kind: 'ready',
      version: '0.2.0',
      installOnQuit: true,
    });

    expect(await r.app.updates.onQuitRequested()).toEqual({
      kind: 'installing',
      version: '0.2.0',
    });
    expect(r.updater.installed).toEqual([downloaded]);
    expect(r.app.updates.status().state).toEqual({
      kind: 'installing',
      version: '0.2.0',
    });
  });

  it('reports up to date when the feed has the running version, and downloads nothing', async () => {
    const r = await rig();
    publish(r, CURRENT_VERSION);

    const status = await r.app.handlers['updates.check']({});
    expect(status.state.kind).toBe('checking');
    await waitFor(
      'the check to end',
      () => r.app.updates.status().state.kind !== 'checking',
    );
    expect(r.app.updates.status().state).toEqual({ kind: 'upToDate' });
    expect(pendingFiles(r)).toEqual([]);
    expect(await r.app.updates.onQuitRequested()).toEqual({ kind: 'quit' });
    expect(r.updater.installed).toEqual([]);
  });

  it('refuses a download whose SHA-512 differs from the feed, deletes it and never installs it', async () => {
    let proxy: CorruptingProxy | null = null;
    const r = await rig({
      via: async (serverUrl) => {
        proxy = await startCorruptingProxy(serverUrl);
        return proxy.url;
      },
    });
    publish(r, '0.2.0');

    const status = await r.app.updates.check();
    expect(status.state).toMatchObject({
      kind: 'failed',
      reason: 'checksum',
      version: '0.2.0',
    });
    expect(status.state.kind === 'failed' && status.state.message).toMatch(/sha512/iu);
    expect(pendingFiles(r)).toEqual([]);
    expect(await r.app.updates.onQuitRequested()).toEqual({ kind: 'quit' });
    // Even a late "yes" from the renderer installs nothing from a failed state.
    await r.app.handlers['updates.installOnQuit']({ install: true });
    expect(await r.app.updates.onQuitRequested()).toEqual({ kind: 'quit' });
    expect(r.updater.installed).toEqual([]);
    expect((proxy as CorruptingProxy | null)?.corrupted).toEqual([
      '/updates/stable/DXER-Desktop-0.2.0-amd64.deb',
    ]);
    await (proxy as CorruptingProxy | null)?.close();
  });

  it('reports a feed the server refuses (installer and list disagree) without downloading', async () => {
    const r = await rig();
    publish(r, '0.2.0', 'c29tZXRoaW5nIGVsc2U=');

    const status = await r.app.updates.check();
    expect(status.state).toMatchObject({
      kind: 'failed',
      reason: 'feedInvalid',
      version: null,
    });
    expect(pendingFiles(r)).toEqual([]);
  });

  it('checks at start and again a day later, finding a release published meanwhile', async () => {
    let now = new Date('2026-12-04T08:00:00.000Z');
    const r = await rig({ now: () => now });
    publish(r, CURRENT_VERSION);

    await r.app.start();
    await waitFor(
      'the first check',
      () => r.app.updates.status().state.kind === 'upToDate',
    );
    expect(r.app.updates.status().lastCheckedAt).toBe('2026-12-04T08:00:00.000Z');
    await waitFor('the next check to be scheduled', () => r.timers.pending.length === 1);
    expect(r.timers.pending[0]?.ms).toBe(DAILY_CHECK_MS);

    publish(r, '0.2.0');
    now = new Date('2026-12-05T08:00:00.000Z');
    r.timers.fire();
    await waitFor('the daily check', () => r.app.updates.status().state.kind === 'ready');
    expect(r.app.updates.status()).toMatchObject({
      lastCheckedAt: '2026-12-05T08:00:00.000Z',
      state: { kind: 'ready', version: '0.2.0' },
    });
    await waitFor('the check after that', () => r.timers.pending.length === 1);

    // Stopping the app cancels the next check.
    await r.app.stop();
    expect(r.timers.pending).toEqual([]);
  });
});
