import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src-server/audit/record';
import { verifyAuditChain } from '../../src-server/audit/verify-chain';
import { openDatabase } from '../../src-server/db/connection';
import type { Knex } from '../../src-server/db/connection';
import { migrationSource } from '../../src-server/db/migrations';
import { insertRows } from '../../src-server/db/rows';
import { databases } from './support/databases';
import type { DatabaseTarget } from './support/databases';

/** More than one page of the migration's backfill (250 rows). */
const OLD_ENTRIES = 300;

/** Audit rows as the server wrote them before entries were chained. */
function unchainedEntries(count: number): object[] {
  return Array.from({ length: count }, (_, index) => ({
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    actor_id:
      index % 3 === 0
        ? null
        : `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    action: index % 2 === 0 ? 'auth.login' : 'serviceName.propose',
    entity_type: index % 2 === 0 ? 'user' : 'serviceName',
    entity_id: `entity-${index}`,
    mutation_id: null,
    details: JSON.stringify({ name: `Köhnə qeyd ${index}`, ip: '127.0.0.1' }),
  }));
}

async function chainSeqsInIdOrder(db: Knex): Promise<number[]> {
  const rows = await db('audit_events')
    .orderBy('id')
    .select<Array<{ chain_seq: unknown }>>('chain_seq');
  return rows.map((row) => Number(row.chain_seq));
}

describe.each(databases)('audit chain migration on $name', (database) => {
  let target: DatabaseTarget;
  let db: Knex;

  beforeAll(async () => {
    target = await database.create();
    db = openDatabase(target.options);
    await db.migrate.up({ migrationSource });
    await insertRows(db, 'audit_events', unchainedEntries(OLD_ENTRIES));
  });
  afterAll(async () => {
    await db.destroy();
    await target.drop();
  });

  it('chains the entries stored before it in id order, and new entries link on', async () => {
    expect(await db.schema.hasColumn('audit_events', 'hash')).toBe(false);

    await db.migrate.up({ migrationSource });

    expect(await chainSeqsInIdOrder(db)).toEqual(
      Array.from({ length: OLD_ENTRIES }, (_, index) => index + 1),
    );
    expect(await verifyAuditChain(db, { pageSize: 128 })).toMatchObject({
      ok: true,
      entries: OLD_ENTRIES,
    });
    await db.transaction((trx) =>
      recordAudit(trx, [
        { actorId: null, action: 'auth.login', entityType: 'user', entityId: 'after' },
      ]),
    );
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: true,
      entries: OLD_ENTRIES + 1,
    });
  });

  it('rolls back to the unchained log keeping every entry, and chains it again', async () => {
    await db.migrate.down({ migrationSource });

    expect(await db.schema.hasColumn('audit_events', 'hash')).toBe(false);
    expect(await db.schema.hasTable('audit_chain_head')).toBe(false);
    const counted = await db('audit_events').count({ n: '*' }).first();
    expect(Number(counted?.n)).toBe(OLD_ENTRIES + 1);

    await db.migrate.up({ migrationSource });
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: true,
      entries: OLD_ENTRIES + 1,
    });
  });
});
