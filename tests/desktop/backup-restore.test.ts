import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopApp } from '../../src-main/app/desktop-app';
import { backupDatabaseFile } from '../../src-main/backup/sqlite-backup';
import { LOCAL_DB_FILE } from '../../src-main/local-store/database';
import { bundledEvaluationDemo } from '../../src-server/seed/evaluation-demo';
import { startServer } from '../../src-server/server';
import type { RunningServer } from '../../src-server/server';
import {
  dialogs,
  openDesktop,
  ownPublishedService,
  signIn,
  tempDir,
} from './support/desktop-fixture';
import { dumpTables, queryFile } from './support/sqlite-dump';

let server: RunningServer;

/** A backup through the save dialog, the user picking target. */
function exportBackup(app: DesktopApp, target: string) {
  dialogs.save = target;
  return app.handlers['backup.export']({ overwrite: false });
}

/** A backup chosen in the open dialog and shown before restoring. */
function inspectBackup(app: DesktopApp, file: string) {
  dialogs.open = file;
  return app.handlers['backup.inspect']({});
}

/** A server with the demo registry and the ASAN index demo, so every local table has rows. */
function startTestServer(): Promise<RunningServer> {
  return startServer({
    port: 0,
    sqliteFile: path.join(tempDir('dxer-server'), 'server.sqlite'),
    seedDemo: true,
    evaluationDemo: bundledEvaluationDemo(),
    logLevel: 'silent',
  });
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A signed-in agency desktop with a synced registry, a local draft and its outbox entry. */
async function agencyDesktop(serverUrl = server.url) {
  const dataDir = tempDir('dxer-backup');
  const app = await openDesktop(dataDir, serverUrl);
  await signIn(app, 'agency.mlspp', serverUrl);
  const serviceId = await ownPublishedService(app);
  await saveDescription(app, serviceId, 'Ehtiyat nüsxədən əvvəl yazılmış təsvir.');
  return { app, dataDir, serviceId };
}

async function saveDescription(app: DesktopApp, serviceId: string, description: string) {
  const before = await app.handlers['services.get']({ serviceId });
  return app.handlers['services.saveDraft']({
    serviceId,
    record: { ...before.draft, description },
  });
}

function liveFile(dataDir: string) {
  return path.join(dataDir, LOCAL_DB_FILE);
}

/** Tables compared after a round trip: all of them; meta without its sequence counters. */
function withoutSequenceCounters(dump: Map<string, string[]>) {
  const meta = (dump.get('meta') ?? []).filter((row) => !row.includes('"last_seq.'));
  return new Map([...dump, ['meta', meta]]);
}

/** The outbox's queued intents, without the delivery bookkeeping a retry updates. */
function outboxIntents(dump: Map<string, string[]>) {
  return (dump.get('outbox') ?? [])
    .map((row) => JSON.parse(row) as { mutation_id: string; name: string; args: string })
    .map((row) => `${row.mutation_id} ${row.name} ${row.args}`)
    .sort();
}

describe('local backup', () => {
  it('writes a copy of the running store that holds every table row for row', async () => {
    const { app, dataDir } = await agencyDesktop();
    try {
      const progress: Array<{ done: number; total: number }> = [];
      app.subscribe((event, payload) => {
        if (event === 'backup.progress') progress.push(payload as (typeof progress)[0]);
      });
      const target = path.join(tempDir('dxer-backup-out'), 'ehtiyat.sqlite');
      const result = await exportBackup(app, target);
      expect(result).toMatchObject({ kind: 'saved', filePath: target });

      const copy = await dumpTables(target);
      const live = await dumpTables(liveFile(dataDir));
      const filled = [
        'services',
        'service_drafts',
        'outbox',
        'methodologies',
        'campaigns',
      ];
      for (const table of [...filled, 'published_results', 'service_names', 'agencies']) {
        expect(copy.get(table)?.length, table).toBeGreaterThan(0);
      }
      expect(copy).toEqual(live);
      expect(progress.at(-1)).toEqual(
        expect.objectContaining({ done: progress.at(-1)?.total }),
      );
      // One self-contained file: no write-ahead log for the user to forget to copy.
      expect(fs.existsSync(`${target}-wal`)).toBe(false);
      expect(await queryFile(target, 'PRAGMA journal_mode')).toEqual([
        { journal_mode: 'delete' },
      ]);
    } finally {
      await app.stop();
    }
  });

  it('never replaces an existing file unless asked, and leaves it untouched', async () => {
    const { app } = await agencyDesktop();
    try {
      const target = path.join(tempDir('dxer-backup-out'), 'ehtiyat.sqlite');
      fs.writeFileSync(target, 'the user’s own file');
      const result = await exportBackup(app, target);
      expect(result).toEqual({ kind: 'exists', filePath: target });
      expect(fs.readFileSync(target, 'utf8')).toBe('the user’s own file');
      expect(fs.readdirSync(path.dirname(target))).toEqual(['ehtiyat.sqlite']);

      const replaced = await app.handlers['backup.export']({
        filePath: target,
        overwrite: true,
      });
      expect(replaced.kind).toBe('saved');
      expect(await queryFile(target, 'PRAGMA integrity_check')).toEqual([
        { integrity_check: 'ok' },
      ]);
    } finally {
      await app.stop();
    }
  });

  it('taken while edits are being saved, is one consistent moment of the store', async () => {
    const own = await startTestServer();
    const { app, dataDir, serviceId } = await agencyDesktop(own.url);
    // Down, so every save's outbox entry stays for the check below.
    await own.close();
    try {
      let isWriting = true;
      let saved = 0;
      const writer = (async () => {
        while (isWriting) {
          await saveDescription(app, serviceId, `Eyni vaxtda yazılan təsvir №${saved}.`);
          saved += 1;
        }
      })();
      while (saved < 3) await new Promise((resolve) => setTimeout(resolve, 5));

      // One page per step: the copy takes many steps, and saves commit between
      // them. Copies are taken until one overlapped a save (the first almost
      // always does; a loaded machine may need a few), and each must be whole.
      const targets: string[] = [];
      let isOverlapped = false;
      while (!isOverlapped && targets.length < 30) {
        const target = path.join(tempDir('dxer-backup-out'), 'busy.sqlite');
        let savedAtFirstStep: number | null = null;
        let savedAtLastStep = 0;
        let steps = 0;
        await backupDatabaseFile(
          liveFile(dataDir),
          target,
          () => {
            steps += 1;
            savedAtFirstStep ??= saved;
            savedAtLastStep = saved;
          },
          1,
        );
        expect(steps).toBeGreaterThan(50);
        isOverlapped = savedAtLastStep > (savedAtFirstStep ?? saved);
        targets.push(target);
      }
      isWriting = false;
      await writer;
      expect(isOverlapped).toBe(true);

      for (const target of targets) await expectWholeSnapshot(target);
    } finally {
      await app.stop();
    }
  });
});

async function expectWholeSnapshot(target: string) {
  expect(await queryFile(target, 'PRAGMA integrity_check')).toEqual([
    { integrity_check: 'ok' },
  ]);
  const migrations = await queryFile<{ name: string }>(
    target,
    'SELECT name FROM knex_migrations',
  );
  expect(migrations.map((row) => row.name)).toContain('202612031900_local_schema');
  // Each save writes its outbox entry and the sequence counter in one
  // transaction: a torn copy would show them out of step.
  const [row] = await queryFile<{
    counter: string;
    highest: number;
    entries: number;
  }>(
    target,
    `SELECT (SELECT value FROM meta WHERE key LIKE 'last_seq.%') AS counter,
                (SELECT max(client_seq) FROM outbox) AS highest,
                (SELECT count(*) FROM outbox) AS entries`,
  );
  expect(Number(row?.counter)).toBe(row?.highest);
  expect(row?.entries).toBeGreaterThan(0);
}

describe('restoring a backup', () => {
  it('brings back every table as it was in the backup and reopens the stores on it', async () => {
    const own = await startTestServer();
    const { app, dataDir, serviceId } = await agencyDesktop(own.url);
    try {
      await app.handlers['sync.now']({});
      const target = path.join(tempDir('dxer-backup-out'), 'round-trip.sqlite');
      await exportBackup(app, target);
      const backedUp = await dumpTables(target);

      await saveDescription(
        app,
        serviceId,
        'Ehtiyat nüsxədən sonra dəyişdirilmiş təsvir.',
      );
      await app.handlers['sync.now']({});
      await app.handlers['settings.setLanguage']({ language: 'ru' });
      // Down, so no sync after the reopen changes the store before it is compared.
      await own.close();
      const events: string[] = [];
      app.subscribe((event) => events.push(event));

      const inspection = await inspectBackup(app, target);
      expect(inspection).toMatchObject({
        kind: 'ready',
        backup: { filePath: target, userName: 'agency.mlspp', serverUrl: own.url },
        warnings: {
          unsyncedChangesReplaced: 0,
          isOtherServer: false,
          isOtherUser: false,
        },
      });
      const restored = await app.handlers['backup.restore']({
        filePath: target,
        isConfirmed: false,
      });
      expect(fs.existsSync(restored.safetyCopyPath)).toBe(true);
      expect(events).toContain('store.reopened');

      const detail = await app.handlers['services.get']({ serviceId });
      expect(detail.draft.description).toBe('Ehtiyat nüsxədən əvvəl yazılmış təsvir.');
      expect((await app.handlers['settings.get']({})).language).toBe('az');
      expect(await app.handlers['session.get']({})).toMatchObject({ kind: 'loggedIn' });

      expect(withoutSequenceCounters(await dumpTables(liveFile(dataDir)))).toEqual(
        withoutSequenceCounters(backedUp),
      );
      // The safety copy holds the store as it was just before: the later, synced text.
      const safety = await dumpTables(restored.safetyCopyPath);
      expect(safety.get('service_documents')?.join()).toContain('sonra dəyişdirilmiş');
    } finally {
      await app.stop();
    }
  });

  it('moves changes restored from another computer’s backup under a fresh client id, so neither computer’s changes are refused', async () => {
    const { app: first, serviceId } = await agencyDesktop();
    const second = await openDesktop(tempDir('dxer-backup-second'), server.url);
    const saveField = async (app: DesktopApp, values: Record<string, string>) => {
      const before = await app.handlers['services.get']({ serviceId });
      await app.handlers['services.saveDraft']({
        serviceId,
        record: { ...before.draft, ...values },
      });
    };
    const unsettled = async (app: DesktopApp) =>
      (await app.handlers['outbox.list']({})).map((entry) => [
        entry.name,
        entry.state,
        entry.error?.code,
      ]);
    try {
      await first.handlers['sync.now']({});
      await signIn(second, 'agency.mlspp');
      // A backup holding an edit the first computer then sends itself.
      await saveField(first, { description: 'Birinci kompüterin təsviri.' });
      const target = path.join(tempDir('dxer-backup-out'), 'other-computer.sqlite');
      await exportBackup(first, target);
      await first.handlers['sync.now']({});
      await saveField(first, { description: 'Birinci kompüterin sonrakı təsviri.' });
      await first.handlers['sync.now']({});

      await inspectBackup(second, target);
      await second.handlers['backup.restore']({ filePath: target, isConfirmed: true });
      await saveField(second, {
        complaintProcedure: 'İkinci kompüterdə yazılmış qayda.',
      });
      await second.handlers['sync.now']({});
      await second.handlers['sync.now']({});
      expect(await unsettled(second)).toEqual([]);

      // The first computer goes on under its own id, unhindered.
      await saveField(first, { description: 'Birinci kompüterin üçüncü təsviri.' });
      await first.handlers['sync.now']({});
      expect(await unsettled(first)).toEqual([]);
      const stored = await server
        .db('service_versions')
        .where({ service_id: serviceId, status: 'draft' })
        .first<{ record: string }>('record');
      expect(JSON.parse(stored?.record ?? '{}')).toMatchObject({
        description: 'Birinci kompüterin üçüncü təsviri.',
        complaintProcedure: 'İkinci kompüterdə yazılmış qayda.',
      });
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('keeps numbering changes after the highest number used, so the server takes new edits', async () => {
    const { app, serviceId } = await agencyDesktop();
    try {
      await app.handlers['sync.now']({});
      const target = path.join(tempDir('dxer-backup-out'), 'old.sqlite');
      await exportBackup(app, target);
      await saveDescription(app, serviceId, 'Göndərilmiş sonrakı təsvir.');
      await app.handlers['sync.now']({});

      await inspectBackup(app, target);
      await app.handlers['backup.restore']({ filePath: target, isConfirmed: true });
      // The restored store is older than the server: pull first, as the app
      // does on its own, so the edit below is made on the current version.
      await app.handlers['sync.now']({});
      await saveDescription(app, serviceId, 'Bərpadan sonra yazılmış təsvir.');
      await app.handlers['sync.now']({});
      const outbox = await app.handlers['outbox.list']({});
      expect(outbox.map((entry) => [entry.state, entry.name, entry.error?.code])).toEqual(
        [],
      );
    } finally {
      await app.stop();
    }
  });

  it('asks before replacing unsynced changes, and keeps them in a safety copy it names', async () => {
    const own = await startTestServer();
    const { app, dataDir } = await agencyDesktop(own.url);
    try {
      const target = path.join(tempDir('dxer-backup-out'), 'before.sqlite');
      await exportBackup(app, target);
      const serviceId = await ownPublishedService(app);
      await own.close();
      await saveDescription(app, serviceId, 'Serverə çatmamış təsvir.');
      const live = await dumpTables(liveFile(dataDir));

      const inspection = await inspectBackup(app, target);
      expect(inspection).toMatchObject({ warnings: { unsyncedChangesReplaced: 2 } });
      await expect(
        app.handlers['backup.restore']({ filePath: target, isConfirmed: false }),
      ).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
      // The sync engine keeps retrying the unreachable server (attempts,
      // states); what the user typed and its queued intents must be as they were.
      const after = await dumpTables(liveFile(dataDir));
      expect(after.get('service_drafts')).toEqual(live.get('service_drafts'));
      expect(outboxIntents(after)).toEqual(outboxIntents(live));
      expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);

      const restored = await app.handlers['backup.restore']({
        filePath: target,
        isConfirmed: true,
      });
      expect(restored.safetyCopyPath.startsWith(path.join(dataDir, 'backups'))).toBe(
        true,
      );
      const safety = await dumpTables(restored.safetyCopyPath);
      expect(outboxIntents(safety)).toEqual(outboxIntents(live));
      expect(safety.get('service_drafts')?.join()).toContain('Serverə çatmamış');
    } finally {
      await app.stop();
    }
  });
});

describe('a file that is not a restorable backup', () => {
  let app: DesktopApp;
  let dataDir: string;
  let before: Map<string, string[]>;

  beforeAll(async () => {
    ({ app, dataDir } = await agencyDesktop());
    before = await dumpTables(liveFile(dataDir));
  });
  afterAll(async () => {
    await app.stop();
  });

  async function expectRefused(file: string, code: string, field = 'filePath') {
    await app.handlers['sync.now']({});
    before = await dumpTables(liveFile(dataDir));
    await expect(inspectBackup(app, file)).rejects.toMatchObject({
      code,
      fields: [expect.objectContaining({ path: field })],
    });
    await expect(
      app.handlers['backup.restore']({ filePath: file, isConfirmed: true }),
    ).rejects.toMatchObject({ code });
    expect(await dumpTables(liveFile(dataDir))).toEqual(before);
    expect(
      fs.readdirSync(dataDir).filter((name) => name.startsWith('.restore-')),
    ).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  }

  it('refuses a file that is not SQLite', async () => {
    const file = path.join(tempDir('dxer-foreign'), 'notes.sqlite');
    fs.writeFileSync(file, 'Bu, verilənlər bazası deyil.\n'.repeat(100));
    await expectRefused(file, 'BACKUP_INVALID');
  });

  it('refuses a damaged backup', async () => {
    const file = path.join(tempDir('dxer-corrupt'), 'damaged.sqlite');
    await exportBackup(app, file);
    const bytes = fs.readFileSync(file);
    // Keep the header, scribble over the pages behind it.
    for (let offset = 4096 * 2; offset < bytes.length; offset += 97) bytes[offset] = 0x5a;
    fs.writeFileSync(file, bytes);
    await expectRefused(file, 'BACKUP_INVALID');
  });

  it('refuses another program’s SQLite database', async () => {
    const file = path.join(tempDir('dxer-foreign'), 'other.sqlite');
    const { openDatabase, exec, close } =
      await import('../../src-main/backup/sqlite-backup');
    const sqlite3 = (await import('sqlite3')).default;
    const db = await openDatabase(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
    await exec(db, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('salam');");
    await close(db);
    await expectRefused(file, 'BACKUP_INVALID');
  });

  it('refuses a backup written by a newer version of the app', async () => {
    const file = path.join(tempDir('dxer-newer'), 'newer.sqlite');
    await exportBackup(app, file);
    const { openDatabase, exec, close } =
      await import('../../src-main/backup/sqlite-backup');
    const sqlite3 = (await import('sqlite3')).default;
    const db = await openDatabase(file, sqlite3.OPEN_READWRITE);
    await exec(
      db,
      "INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('209901010000_from_the_future', 2, 0)",
    );
    await close(db);
    await expectRefused(file, 'BACKUP_TOO_NEW');
  });

  it('reads and writes only files the user picked in a dialog this run', async () => {
    const picked = path.join(tempDir('dxer-picked'), 'picked.sqlite');
    await exportBackup(app, picked);
    const elsewhere = path.join(tempDir('dxer-elsewhere'), 'chosen-by-the-page.sqlite');
    fs.copyFileSync(picked, elsewhere);
    before = await dumpTables(liveFile(dataDir));
    const forbidden = {
      code: 'FORBIDDEN',
      fields: [expect.objectContaining({ path: 'filePath' })],
    };
    const written = path.join(tempDir('dxer-elsewhere'), 'written.sqlite');
    await expect(
      app.handlers['backup.export']({ filePath: written, overwrite: true }),
    ).rejects.toMatchObject(forbidden);
    expect(fs.existsSync(written)).toBe(false);
    await expect(
      app.handlers['backup.inspect']({ filePath: elsewhere }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      app.handlers['backup.restore']({ filePath: elsewhere, isConfirmed: true }),
    ).rejects.toMatchObject(forbidden);
    expect(await dumpTables(liveFile(dataDir))).toEqual(before);
  });

  it('refuses a file that does not exist', async () => {
    await expectRefused(
      path.join(tempDir('dxer-missing'), 'nowhere.sqlite'),
      'NOT_FOUND',
    );
  });
});
