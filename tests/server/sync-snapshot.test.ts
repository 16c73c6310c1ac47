import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { SNAPSHOT_LAYOUT_VERSION } from '../../shared/sync/snapshot-layout';
import { all, close, openDatabase } from '../../src-main/backup/sqlite-backup';
import { createLogger } from '../../src-server/logger';
import { SnapshotKeeper } from '../../src-server/snapshots/snapshot-keeper';
import { databases } from './support/databases';
import { publishedService, submittedService } from './support/registry';
import { pullAll, startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

describe.each(databases)('first-sync snapshots on $name', (database) => {
  let server: TestServer;
  let staff: Session;
  let otherStaff: Session;
  let reviewer: Session;
  let submitted: { serviceId: string };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-snapshot-test-'));

  beforeAll(async () => {
    server = await startTestServer(database);
    staff = await server.login('agency.mlspp');
    otherStaff = await server.login('agency.justice');
    reviewer = await server.login('reviewer');
    submitted = await submittedService(staff, reviewer);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const ask = (token: string | undefined, query = `?layout=${SNAPSHOT_LAYOUT_VERSION}`) =>
    fetch(`${server.url}/api/v1/sync/snapshot${query}`, {
      headers: {
        'x-dxer-protocol-version': String(PROTOCOL_VERSION),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });

  /** The snapshot of a session's scope, asked for until it is ready, saved to a file. */
  async function snapshotOf(session: Session) {
    let response = await ask(session.token);
    if (response.status === 404) {
      await server.snapshotsIdle();
      response = await ask(session.token);
    }
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    const file = path.join(work, `${session.user.username}-${Date.now()}.sqlite`);
    fs.writeFileSync(file, body);
    return { response, body, file };
  }

  async function serviceIdsIn(file: string): Promise<string[]> {
    const db = await openDatabase(file, sqlite3.OPEN_READONLY);
    try {
      const rows = await all<{ id: string }>(db, 'SELECT id FROM services ORDER BY id');
      return rows.map((row) => row.id);
    } finally {
      await close(db);
    }
  }

  it('is refused without a session, and a malformed ask is a 400 that says why', async () => {
    expect((await ask(undefined)).status).toBe(401);
    const bad = await ask(reviewer.token, '?layout=abc&x=1');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; fields: unknown[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields.length).toBeGreaterThan(0);
  });

  it('answers "not ready" for a layout this server does not write', async () => {
    const response = await ask(reviewer.token, `?layout=${SNAPSHOT_LAYOUT_VERSION + 1}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'SNAPSHOT_NOT_READY',
    );
  });

  it('is built when first asked for, then sent whole with its checksum and cursor', async () => {
    const { response, body } = await snapshotOf(reviewer);
    expect(body.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(response.headers.get('x-dxer-snapshot-sha256')).toBe(
      createHash('sha256').update(body).digest('hex'),
    );
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect(response.headers.get('x-dxer-snapshot-cursor')).toMatch(/^v1:\d+$/u);
  });

  it.each([
    ['agency staff', () => staff],
    ['another agency', () => otherStaff],
    ['a reviewer', () => reviewer],
  ])('holds exactly the services a full pull shows %s', async (_who, session) => {
    const { file } = await snapshotOf(session());
    const { changes } = await pullAll(session());
    const pulled = changes
      .filter((change) => change.entity === 'service' && change.op === 'put')
      .map((change) => (change.op === 'put' && 'id' in change.data ? change.data.id : ''))
      .sort();
    expect(await serviceIdsIn(file)).toEqual(pulled);
  });

  it("never holds another agency's submission", async () => {
    const { file } = await snapshotOf(otherStaff);
    expect(await serviceIdsIn(file)).not.toContain(submitted.serviceId);
    const own = await snapshotOf(staff);
    expect(await serviceIdsIn(own.file)).toContain(submitted.serviceId);
  });

  it('is brought up to date from itself once the feed has moved on, and dropped once the feed no longer reaches back to it', async () => {
    const keeper = new SnapshotKeeper({
      db: server.db,
      dir: path.join(work, 'keeper'),
      logger: createLogger('silent'),
      refreshAfter: 1,
    });
    try {
      expect(await keeper.current(reviewer.user)).toBeNull();
      await keeper.idle();
      const first = await keeper.current(reviewer.user);
      expect(first).not.toBeNull();

      const added = await publishedService(staff, reviewer);
      // Behind the feed: still served (the desktop pulls what follows) and refreshed.
      expect((await keeper.current(reviewer.user))?.cursor).toBe(first?.cursor);
      await keeper.idle();
      const second = await keeper.current(reviewer.user);
      expect(second?.cursor).not.toBe(first?.cursor);
      expect(await serviceIdsIn(second?.file ?? '')).toContain(added.serviceId);
      expect(fs.existsSync(first?.file ?? '')).toBe(false);

      // Removals below the snapshot pruned away: it can no longer be a base.
      await server
        .db('feed_meta')
        .where('id', 1)
        .update({ horizon: Number((second?.cursor ?? 'v1:0').slice(3)) + 1 });
      expect(await keeper.current(reviewer.user)).toBeNull();
      await server.db('feed_meta').where('id', 1).update({ horizon: 0 });
      await keeper.idle();
      expect(await keeper.current(reviewer.user)).not.toBeNull();
    } finally {
      await keeper.close();
    }
  });
});
