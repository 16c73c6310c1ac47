import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { TestDatabase } from './databases';
import type { Session, TestServer } from './server';

/** One stored audit entry's place in the chain. */
export interface ChainRow {
  id: number;
  chainSeq: number;
  hash: string;
}

/** Every audit entry in chain order. */
export async function chainRows(db: Knex): Promise<ChainRow[]> {
  const rows = await db('audit_events')
    .orderBy('chain_seq')
    .select<Array<{ id: unknown; chain_seq: unknown; hash: string }>>(
      'id',
      'chain_seq',
      'hash',
    );
  return rows.map((row) => ({
    id: Number(row.id),
    chainSeq: Number(row.chain_seq),
    hash: row.hash,
  }));
}

/** A push of `count` name proposals of the session's agency, every one applied. */
export async function proposeNames(session: Session, count: number): Promise<void> {
  const reply = await session.push(
    Array.from({ length: count }, (_, index) => ({
      name: 'serviceName.propose',
      args: {
        serviceNameId: randomUUID(),
        agencyId: session.user.agencyId,
        name: `Zəncir adı ${randomUUID().slice(0, 8)} ${index}`,
      },
    })),
  );
  if (reply.status !== 200) throw new Error(`push failed: ${reply.text}`);
  const refused = reply.body.results.filter((result) => result.status !== 'applied');
  if (refused.length > 0) throw new Error(`push not applied: ${reply.text}`);
}

/**
 * Switches the append-only guard off the way someone with direct database
 * rights would: PostgreSQL disables the table's triggers, SQLite drops them.
 */
export async function bypassAppendOnlyGuard(
  server: TestServer,
  database: TestDatabase,
): Promise<void> {
  if (database.name === 'postgres') {
    await server.db.raw('ALTER TABLE audit_events DISABLE TRIGGER USER');
    return;
  }
  await server.db.raw('DROP TRIGGER audit_events_no_update');
  await server.db.raw('DROP TRIGGER audit_events_no_delete');
}
