import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash } from '../../src-server/audit/chain';
import type { ChainedFields } from '../../src-server/audit/chain';
import { verifyAuditChain } from '../../src-server/audit/verify-chain';
import { bypassAppendOnlyGuard, chainRows, proposeNames } from './support/audit-chain';
import type { ChainRow } from './support/audit-chain';
import { databases } from './support/databases';
import { startTestServer } from './support/server';
import type { TestServer } from './support/server';

/** Small pages, so every walk crosses page boundaries. */
const PAGE = 4;

describe.each(databases)('audit chain on $name', (database) => {
  let server: TestServer;
  let rows: ChainRow[];

  beforeEach(async () => {
    server = await startTestServer(database);
    const staff = await server.login('agency.mlspp');
    const justice = await server.login('agency.justice');
    await proposeNames(staff, 3);
    await proposeNames(justice, 2);
    await proposeNames(staff, 4);
    const logout = await server.request(
      'POST',
      '/api/v1/auth/logout',
      undefined,
      justice.token,
    );
    expect(logout.status).toBe(200);
    rows = await chainRows(server.db);
  });
  afterEach(() => server.close());

  /** The entry at a chain position (1-based). */
  function entryAt(chainSeq: number): ChainRow {
    const row = rows[chainSeq - 1];
    if (!row) throw new Error(`no entry at chain_seq ${chainSeq}`);
    return row;
  }

  it('verifies the chain built by sign-ins, pushes and a sign-out as intact', async () => {
    // Two sign-ins, nine proposals, one sign-out.
    expect(rows.map((row) => row.chainSeq)).toEqual(
      Array.from({ length: 12 }, (_, index) => index + 1),
    );
    expect(await verifyAuditChain(server.db, { pageSize: PAGE })).toEqual({
      ok: true,
      entries: 12,
      headHash: entryAt(12).hash,
    });
  });

  it('refuses to update, delete or truncate stored entries, or to store one outside the chain', async () => {
    const { id } = entryAt(5);
    await expect(
      server.db('audit_events').where('id', id).update({ details: '{}' }),
    ).rejects.toThrow(/append-only/);
    await expect(server.db('audit_events').where('id', id).delete()).rejects.toThrow(
      /append-only/,
    );
    await expect(server.db('audit_events').delete()).rejects.toThrow(/append-only/);
    if (database.name === 'postgres') {
      await expect(server.db.raw('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    }
    await expect(
      server.db('audit_events').insert({
        at: new Date().toISOString(),
        actor_id: null,
        action: 'auth.login',
        entity_type: 'user',
        entity_id: 'someone',
        mutation_id: null,
        details: '{}',
      }),
    ).rejects.toThrow(/chain|null/);

    expect(await chainRows(server.db)).toEqual(rows);
    expect(await verifyAuditChain(server.db, { pageSize: PAGE })).toMatchObject({
      ok: true,
      entries: 12,
    });
  });

  it('names the altered entry when a stored row is changed past the guard', async () => {
    const altered = entryAt(6);
    await bypassAppendOnlyGuard(server, database);
    await server
      .db('audit_events')
      .where('id', altered.id)
      .update({ details: JSON.stringify({ username: 'başqa' }) });

    expect(await verifyAuditChain(server.db, { pageSize: PAGE })).toMatchObject({
      ok: false,
      entriesChecked: 5,
      firstBroken: { reason: 'HASH_MISMATCH', id: altered.id, chainSeq: 6 },
    });
  });

  it('names the entry after an altered one whose hash was recomputed to match', async () => {
    const altered = entryAt(7);
    await bypassAppendOnlyGuard(server, database);
    const stored = await server
      .db('audit_events')
      .where('id', altered.id)
      .first<Omit<ChainedFields, 'chain_seq'>>();
    const forged = { ...stored, chain_seq: 7, actor_id: null };
    await server
      .db('audit_events')
      .where('id', altered.id)
      .update({ actor_id: null, hash: entryHash(forged) });

    expect(await verifyAuditChain(server.db, { pageSize: PAGE })).toMatchObject({
      ok: false,
      entriesChecked: 7,
      firstBroken: { reason: 'LINK_BROKEN', id: entryAt(8).id, chainSeq: 8 },
    });
  });

  it('names the entry after the gap when a middle entry is deleted', async () => {
    await bypassAppendOnlyGuard(server, database);
    await server.db('audit_events').where('id', entryAt(4).id).delete();

    expect(await verifyAuditChain(server.db, { pageSize: PAGE })).toMatchObject({
      ok: false,
      entriesChecked: 3,
      firstBroken: { reason: 'MISSING_ENTRY', id: entryAt(5).id, chainSeq: 5 },
    });
  });

  it('reports a head mismatch naming the position of a deleted newest entry', async () => {
    await bypassAppendOnlyGuard(server, database);
    await server.db('audit_events').where('id', entryAt(12).id).delete();

    expect(await verifyAuditChain(server.db, { pageSize: PAGE })).toMatchObject({
      ok: false,
      entriesChecked: 11,
      firstBroken: { reason: 'HEAD_MISMATCH', id: null, chainSeq: 12 },
    });
  });

  it('keeps one unbroken chain while several clients push at the same time', async () => {
    const sessions = await Promise.all(
      ['agency.mlspp', 'agency.justice', 'agency.mlspp', 'agency.justice'].flatMap(
        (username) => [server.login(username), server.login(username)],
      ),
    );
    await Promise.all(
      sessions.map(async (session) => {
        for (let round = 0; round < 4; round += 1) await proposeNames(session, 10);
      }),
    );

    const proposals = 9 + sessions.length * 4 * 10;
    const entries = 12 + sessions.length + sessions.length * 4 * 10;
    const counted = await server
      .db('audit_events')
      .where('action', 'serviceName.propose')
      .count({ n: '*' })
      .first();
    expect(Number(counted?.n)).toBe(proposals);
    expect(await verifyAuditChain(server.db, { pageSize: 50 })).toMatchObject({
      ok: true,
      entries,
    });
  });
});
