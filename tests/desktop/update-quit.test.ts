// Installing a downloaded update as the app closes: never before the user
// agreed, and never while the outbox holds changes unless the user says so.
import { afterEach, describe, expect, it } from 'vitest';
import { decideUpdateOnQuit } from '../../src-main/updates/quit-decision';
import type { QuitAnswer, QuitQuestion } from '../../src-main/updates/quit-decision';
import { quitDialog } from '../../src-main/updates/quit-dialog-texts';
import { ownPublishedService, signIn } from './support/desktop-fixture';
import { editDraft, waitFor } from './support/sync-helpers';
import {
  pendingFiles,
  publish,
  rig,
  startServerWithFeed,
  stopRigs,
} from './support/update-rig';

afterEach(stopRigs);

describe('installing an update on close', () => {
  it('waits while the outbox holds unsynced changes and installs once sync empties it', async () => {
    const r = await rig();
    publish(r, '0.2.0');
    await signIn(r.app, 'agency.mlspp');
    const serviceId = await ownPublishedService(r.app);
    await r.app.updates.check();
    await r.app.handlers['updates.installOnQuit']({ install: true });

    // The laptop goes offline and the user keeps working.
    const port = new URL(r.server.url).port;
    await r.server.close();
    await editDraft(r.app, serviceId, {
      description: 'Yeniləmədən əvvəl yazılan dəyişiklik.',
    });
    await r.app.handlers['sync.now']({});
    expect((await r.app.handlers['sync.status']({})).pendingCount).toBe(1);

    const plan = await r.app.updates.onQuitRequested();
    expect(plan).toEqual({ kind: 'unsynced', version: '0.2.0', unsynced: 1 });
    const outcome = r.app.updates.installAfterSync();
    await waitFor(
      'the wait to show',
      () => r.app.updates.status().state.kind === 'waitingForSync',
    );
    expect(r.app.updates.status().state).toEqual({
      kind: 'waitingForSync',
      version: '0.2.0',
      unsynced: 1,
    });
    expect(r.updater.installed).toEqual([]);

    // The connection returns; the outbox empties; only then does the installer run.
    r.server = await startServerWithFeed(r.updatesDir, r.sqliteFile, Number(port));
    const synced = await r.app.handlers['sync.now']({});
    expect(synced.pendingCount).toBe(0);
    expect(await outcome).toBe('installing');
    expect(r.updater.installed).toHaveLength(1);
    expect(r.app.updates.status().state).toEqual({
      kind: 'installing',
      version: '0.2.0',
    });
  });

  it('lets the user install anyway while changes wait, or drop the wait', async () => {
    const r = await rig();
    publish(r, '0.2.0');
    await signIn(r.app, 'agency.mlspp');
    const serviceId = await ownPublishedService(r.app);
    await r.app.updates.check();
    await r.app.handlers['updates.installOnQuit']({ install: true });
    await r.server.close();
    await editDraft(r.app, serviceId, { description: 'Göndərilməmiş dəyişiklik.' });

    const waiting = r.app.updates.installAfterSync();
    await waitFor(
      'the wait',
      () => r.app.updates.status().state.kind === 'waitingForSync',
    );
    await r.app.handlers['updates.installOnQuit']({ install: false });
    expect(await waiting).toBe('cancelled');
    expect(r.app.updates.status().state).toMatchObject({
      kind: 'ready',
      installOnQuit: false,
    });
    expect(r.updater.installed).toEqual([]);

    expect(r.app.updates.installIgnoringUnsynced()).toBe(true);
    expect(r.updater.installed).toHaveLength(1);
    // The unsynced edit is still in the local store for the new version to send.
    expect((await r.app.handlers['sync.status']({})).pendingCount).toBe(1);
  });

  it('on close asks to install, then to wait for sync, stays open, and quits once the installer started', async () => {
    const r = await rig();
    publish(r, '0.2.0');
    await signIn(r.app, 'agency.mlspp');
    const serviceId = await ownPublishedService(r.app);
    await r.app.updates.check();
    const port = new URL(r.server.url).port;
    await r.server.close();
    await editDraft(r.app, serviceId, {
      description: 'Bağlanarkən göndərilməmiş dəyişiklik.',
    });

    const questions: QuitQuestion[] = [];
    const answers: QuitAnswer[] = ['install', 'wait'];
    let quits = 0;
    const decision = await decideUpdateOnQuit({
      updates: r.app.updates,
      ask: (question) => {
        questions.push(question);
        return Promise.resolve(answers.shift() ?? 'skip');
      },
      quitNow: () => (quits += 1),
    });
    expect(questions).toEqual([
      { kind: 'install', version: '0.2.0' },
      { kind: 'unsynced', version: '0.2.0', unsynced: 1 },
    ]);
    expect(decision).toBe('stay');
    expect(quits).toBe(0);
    expect(r.updater.installed).toEqual([]);

    r.server = await startServerWithFeed(r.updatesDir, r.sqliteFile, Number(port));
    await r.app.handlers['sync.now']({});
    await waitFor('the app to quit', () => quits === 1);
    expect(r.updater.installed).toHaveLength(1);
  });

  it('closes without installing when the user declines, keeping the download for next time', async () => {
    const r = await rig();
    publish(r, '0.2.0');
    await r.app.updates.check();
    const decision = await decideUpdateOnQuit({
      updates: r.app.updates,
      ask: () => Promise.resolve('skip'),
      quitNow: () => undefined,
    });
    expect(decision).toBe('quit');
    expect(r.updater.installed).toEqual([]);
    expect(r.app.updates.status().state).toMatchObject({
      kind: 'ready',
      installOnQuit: false,
    });
    expect(pendingFiles(r)).toContain('DXER-Desktop-0.2.0-amd64.deb');
  });

  it('words the quit questions in Azerbaijani, English and Russian, the safe choice first', () => {
    const unsynced = { kind: 'unsynced', version: '0.2.0', unsynced: 3 } as const;
    for (const language of ['az', 'en', 'ru'] as const) {
      const dialog = quitDialog(unsynced, language);
      expect(dialog.message).toContain('3');
      expect(dialog.detail).toContain('0.2.0');
      expect(dialog.buttons.map((button) => button.answer)).toEqual([
        'wait',
        'installAnyway',
        'skip',
      ]);
    }
    expect(quitDialog(unsynced, 'az').buttons[0]?.label).toBe('Göndərilməsini gözlə');
    expect(
      quitDialog({ kind: 'install', version: '0.2.0' }, 'en').buttons[0]?.answer,
    ).toBe('install');
  });
});
