import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_DB_FILE } from '../../src-main/local-store/database';
import { SYNCED_TABLES } from '../../shared/sync/snapshot-layout';
import { bundledEvaluationDemo } from '../../src-server/seed/evaluation-demo';
import { sqliteDatabase } from '../server/support/databases';
import { publishedService, submittedService } from '../server/support/registry';
import { startTestServer } from '../server/support/server';
import type { TestServer } from '../server/support/server';
import { startCorruptingProxy } from './support/corrupting-proxy';
import { listQuery, openDesktop, signIn, tempDir } from './support/desktop-fixture';
import { dumpTables } from './support/sqlite-dump';

const here = path.dirname(fileURLToPath(import.meta.url));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(sqliteDatabase, {
    evaluationDemo: bundledEvaluationDemo(),
    demoDuplicates: true,
  });
});
afterAll(async () => {
  await server.close();
});

/** A desktop whose log lines the test reads. */
async function watchedDesktop(
  dataDir = tempDir('dxer-first-sync'),
  serverUrl = server.url,
) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const app = await openDesktop(dataDir, serverUrl, {
    logger: pino({ level: 'info' }, sink),
  });
  const snapshotOutcomes = () =>
    lines
      .filter((line) => line.msg === 'first-sync snapshot handled')
      .map((line) => (line.outcome as { kind: string }).kind);
  return { app, dataDir, lines, snapshotOutcomes };
}

/** The synced tables of a desktop's store, rows in a stable order (rowids aside). */
async function syncedTables(dataDir: string) {
  const dump = await dumpTables(path.join(dataDir, LOCAL_DB_FILE));
  return new Map(
    SYNCED_TABLES.map((table) => [
      table,
      (dump.get(table) ?? [])
        .map((row) => {
          const { rowid: _rowid, ...rest } = JSON.parse(row) as Record<string, unknown>;
          return JSON.stringify(rest);
        })
        .sort(),
    ]),
  );
}

/** Changes after the snapshot: an approved service every role sees, a submission some see. */
async function changeTheRegistry() {
  const staff = await server.login('agency.justice');
  const reviewer = await server.login('reviewer');
  await publishedService(staff, reviewer);
  await submittedService(staff, reviewer);
}

describe.each(['reviewer', 'agency.mlspp', 'evaluator'])(
  'a first sync of %s',
  (username) => {
    let viaFeed: Awaited<ReturnType<typeof watchedDesktop>>;
    let viaSnapshot: Awaited<ReturnType<typeof watchedDesktop>>;
    afterAll(async () => {
      await viaFeed.app.stop();
      await viaSnapshot.app.stop();
    });

    it('pulls the feed while the server has no snapshot of the scope ready', async () => {
      viaFeed = await watchedDesktop();
      await signIn(viaFeed.app, username);
      expect(viaFeed.snapshotOutcomes()).toEqual([]);
      expect(viaFeed.lines.some((line) => line.msg === 'snapshot downloaded')).toBe(
        false,
      );
    });

    it('adopts the snapshot built meanwhile, pulls what changed since, and holds what the feed gave', async () => {
      await server.snapshotsIdle();
      await changeTheRegistry();
      viaSnapshot = await watchedDesktop();
      await signIn(viaSnapshot.app, username);
      expect(viaSnapshot.snapshotOutcomes()).toEqual(['adopted']);

      await viaFeed.app.handlers['sync.now']({});
      const fromFeed = await syncedTables(viaFeed.dataDir);
      const fromSnapshot = await syncedTables(viaSnapshot.dataDir);
      expect(fromFeed.get('services')?.length).toBeGreaterThan(0);
      expect(fromSnapshot).toEqual(fromFeed);
    });

    it('works on the adopted store as on any other: the session, settings and search hold', async () => {
      const session = await viaSnapshot.app.handlers['session.get']({});
      expect(session.kind).toBe('loggedIn');
      const status = await viaSnapshot.app.handlers['sync.status']({});
      expect(status.connection.kind).toBe('idle');
      const list = await viaSnapshot.app.handlers['services.list'](
        listQuery({ query: 'xidmət', limit: 5 }),
      );
      const feedList = await viaFeed.app.handlers['services.list'](
        listQuery({ query: 'xidmət', limit: 5 }),
      );
      expect(list.rows.map((row) => row.id)).toEqual(feedList.rows.map((row) => row.id));
      expect(list.total).toBe(feedList.total);
    });
  },
);

describe('a snapshot that arrives damaged, or not at all', () => {
  it('fills from the feed when the server fails to send the snapshot', async () => {
    const proxy = await startCorruptingProxy(server.url, /\/sync\/snapshot$/u, {
      failWith: 500,
    });
    try {
      const desktop = await watchedDesktop();
      await signIn(desktop.app, 'reviewer', proxy.url);
      expect(proxy.corrupted).toEqual(['/api/v1/sync/snapshot']);
      expect(desktop.snapshotOutcomes()).toEqual([]);
      const list = await desktop.app.handlers['services.list'](listQuery({ limit: 1 }));
      expect(list.total).toBeGreaterThan(0);
      await desktop.app.stop();
    } finally {
      await proxy.close();
    }
  });

  it('is dropped and the feed fills the store instead', async () => {
    await server.snapshotsIdle();
    const proxy = await startCorruptingProxy(server.url, /\/sync\/snapshot$/u);
    try {
      const desktop = await watchedDesktop();
      await signIn(desktop.app, 'reviewer', proxy.url);
      expect(proxy.corrupted).toEqual(['/api/v1/sync/snapshot']);
      expect(desktop.lines.some((line) => String(line.msg).includes('damaged'))).toBe(
        true,
      );
      expect(desktop.snapshotOutcomes()).toEqual([]);
      const list = await desktop.app.handlers['services.list'](listQuery({ limit: 1 }));
      expect(list.total).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(desktop.dataDir, 'first-sync.sqlite'))).toBe(false);
      await desktop.app.stop();
    } finally {
      await proxy.close();
    }
  });
});

describe('a desktop killed while it downloads the snapshot', () => {
  it('keeps its session and fills from the snapshot when it starts again', async () => {
    await server.snapshotsIdle();
    const proxy = await startCorruptingProxy(server.url, /\/sync\/snapshot$/u, {
      trickle: true,
    });
    const dataDir = tempDir('dxer-first-sync-killed');
    const download = path.join(dataDir, 'first-sync.sqlite');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(here, 'support/first-sync-child.ts'),
          dataDir,
          proxy.url,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.stdout.on('data', () =>
        reject(new Error('the first sync finished unkilled')),
      );
      // Killed once part of the snapshot is on disk, well before all of it.
      const watch = setInterval(() => {
        if (fs.existsSync(download) && fs.statSync(download).size > 64 * 1024) {
          clearInterval(watch);
          child.kill('SIGKILL');
        }
      }, 10);
      child.on('exit', (_code, signal) => {
        clearInterval(watch);
        if (signal === 'SIGKILL') resolve();
        else reject(new Error(`the child ended by itself: ${errors}`));
      });
    });
    expect(proxy.corrupted).toEqual(['/api/v1/sync/snapshot']);

    // Started again as the user would, on the same server address.
    const restarted = await watchedDesktop(dataDir, proxy.url);
    const session = await restarted.app.handlers['session.get']({});
    expect(session.kind).toBe('loggedIn');
    await restarted.app.handlers['sync.now']({});
    expect(restarted.snapshotOutcomes()).toEqual(['adopted']);
    expect(fs.existsSync(download)).toBe(false);

    const reference = await watchedDesktop();
    await signIn(reference.app, 'reviewer');
    expect(await syncedTables(dataDir)).toEqual(await syncedTables(reference.dataDir));
    await restarted.app.stop();
    await reference.app.stop();
    await proxy.close();
  });
});
