import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import {
  SNAPSHOT_INFO_SQL,
  SNAPSHOT_LAYOUT,
  SNAPSHOT_LAYOUT_VERSION,
  SYNCED_TABLES,
} from '../../shared/sync/snapshot-layout';
import { all, close, exec, openDatabase } from '../backup/sqlite-backup';
import { openLocalStore } from '../local-store/database';
import { readMeta, writeMeta } from '../local-store/meta-table';
import { enqueue, listOutbox } from '../local-store/outbox-table';
import { databaseFile } from '../settings/data-location';
import { adoptSnapshot } from './adopt-snapshot';

const SERVICE_ID = '9d2e7b3f-8c5a-4f9b-8d6e-1b2c3d4e5f60';

/** A snapshot file as the server writes one, with one agency in it. */
async function writeSnapshot(
  file: string,
  options: { layoutVersion?: number; extraSql?: string } = {},
) {
  const db = await openDatabase(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  try {
    for (const object of SNAPSHOT_LAYOUT) await exec(db, object.sql);
    await exec(db, SNAPSHOT_INFO_SQL);
    await exec(
      db,
      `INSERT INTO snapshot_info VALUES (${options.layoutVersion ?? SNAPSHOT_LAYOUT_VERSION}, ${SCHEMA_VERSION}, 'v1:42', 'reviewer', '2026-12-04T00:00:00Z');
       INSERT INTO agencies VALUES ('a1', 'ASAN', 'central', 'Agentlik', 'Agency', 1);`,
    );
    if (options.extraSql) await exec(db, options.extraSql);
  } finally {
    await close(db);
  }
}

describe('adopting a first-sync snapshot', () => {
  let dir: string;
  let snapshot: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-adopt-'));
    snapshot = path.join(dir, 'first-sync.sqlite');
    const db = await openLocalStore(dir);
    await writeMeta(db, 'server_url', 'http://127.0.0.1:9');
    await db.destroy();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('describes the synced tables exactly as a freshly migrated store holds them', async () => {
    const db = await openDatabase(databaseFile(dir), sqlite3.OPEN_READONLY);
    try {
      const objects = await all<{
        type: string;
        name: string;
        table: string;
        sql: string;
      }>(
        db,
        `SELECT type, name, tbl_name AS "table", sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN (${SYNCED_TABLES.map((t) => `'${t}'`).join(', ')})`,
      );
      const key = (o: { name: string }) => o.name;
      expect([...objects].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        [...SNAPSHOT_LAYOUT].sort((a, b) => key(a).localeCompare(key(b))),
      );
    } finally {
      await close(db);
    }
  });

  it("takes the store's place with its cursor, keeping the store's own tables and rows", async () => {
    await writeSnapshot(snapshot);
    expect(await adoptSnapshot(dir, snapshot)).toEqual({
      kind: 'adopted',
      cursor: 'v1:42',
    });
    expect(fs.existsSync(snapshot)).toBe(false);
    const db = await openLocalStore(dir);
    try {
      expect(await readMeta(db, 'cursor')).toBe('v1:42');
      expect(await readMeta(db, 'server_url')).toBe('http://127.0.0.1:9');
      expect(await db('agencies').pluck('id')).toEqual(['a1']);
      expect(await listOutbox(db)).toEqual([]);
      const tables = await db('sqlite_master').where({ type: 'table' }).pluck('name');
      expect(tables).not.toContain('snapshot_info');
      expect(tables).toContain('knex_migrations');
    } finally {
      await db.destroy();
    }
  });

  it('is refused when work appeared in the store meanwhile, which stays as it was', async () => {
    const db = await openLocalStore(dir);
    await enqueue(db, {
      clientId: '3c1f6a2e-7b4d-4e8a-9c5f-0a1b2c3d4e5f',
      name: 'service.saveDraft',
      entityId: SERVICE_ID,
      entityLabel: 'Xidmət',
      args: { serviceId: SERVICE_ID, changes: [{ field: 'description', value: 'Bir' }] },
    });
    await db.destroy();
    await writeSnapshot(snapshot);
    expect(await adoptSnapshot(dir, snapshot)).toEqual({ kind: 'storeNotEmpty' });
    const reopened = await openLocalStore(dir);
    try {
      expect(await listOutbox(reopened)).toHaveLength(1);
      expect(await reopened('agencies').count({ n: '*' })).toEqual([{ n: 0 }]);
      expect(await readMeta(reopened, 'cursor')).toBeNull();
    } finally {
      await reopened.destroy();
    }
  });

  it.each([
    [
      'a trigger of its own',
      { extraSql: 'CREATE TRIGGER t AFTER INSERT ON agencies BEGIN SELECT 1; END' },
    ],
    [
      'a table the store keeps its own rows in',
      {
        extraSql:
          "CREATE TABLE meta (key text, value text); INSERT INTO meta VALUES ('user', 'x')",
      },
    ],
    ['another layout version', { layoutVersion: SNAPSHOT_LAYOUT_VERSION + 1 }],
    ['a synced table that differs', { extraSql: 'DROP INDEX services_status_name' }],
  ])(
    'is refused when it holds %s, and the store is untouched',
    async (_what, options) => {
      await writeSnapshot(snapshot, options);
      const before = fs.readFileSync(databaseFile(dir));
      const outcome = await adoptSnapshot(dir, snapshot);
      expect(outcome.kind).toBe('layoutMismatch');
      expect(fs.readFileSync(databaseFile(dir)).equals(before)).toBe(true);
    },
  );
});
