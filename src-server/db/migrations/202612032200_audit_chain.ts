import type { Knex } from 'knex';
import { CHAIN_HEAD_ID, entryHash, GENESIS_HASH } from '../../audit/chain';
import type { ChainedFields } from '../../audit/chain';
import { isPostgres } from '../rows';

const PG_GUARD = `
  create or replace function audit_events_append_only() returns trigger as $$
  begin
    raise exception 'audit_events is append-only';
  end;
  $$ language plpgsql`;

/** Existing entries read and chained per page; one UPDATE writes a page. */
const PAGE = 250;

type UnchainedRow = Omit<ChainedFields, 'chain_seq' | 'prev_hash'> & { id: number };

/**
 * Makes the audit log tamper-evident: each entry holds its position in the
 * chain, the hash of the entry before and its own hash (chain.ts), and the
 * head row remembers the last, so writers extend one chain in turn. Existing
 * entries are chained in id order. Triggers refuse UPDATE and DELETE (and
 * TRUNCATE on PostgreSQL), and an entry without its chain columns, so the
 * application cannot rewrite history; whoever bypasses them with direct
 * database rights breaks the chain, which `npm run audit:verify` finds.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('audit_events', (t) => {
    t.bigInteger('chain_seq').nullable().unique();
    t.string('prev_hash', 64).nullable();
    t.string('hash', 64).nullable();
  });
  await db.schema.createTable('audit_chain_head', (t) => {
    t.integer('id').primary();
    t.bigInteger('last_seq').notNullable();
    t.string('last_hash', 64).notNullable();
  });

  const head = await chainExistingEntries(db);
  await db('audit_chain_head').insert({
    id: CHAIN_HEAD_ID,
    last_seq: head.seq,
    last_hash: head.hash,
  });

  if (isPostgres(db)) await guardPostgres(db);
  else await guardSqlite(db);
}

async function chainExistingEntries(db: Knex): Promise<{ seq: number; hash: string }> {
  let seq = 0;
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  for (;;) {
    const rows = await db('audit_events')
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(PAGE)
      .select<UnchainedRow[]>(
        'id',
        'at',
        'actor_id',
        'action',
        'entity_type',
        'entity_id',
        'mutation_id',
        'details',
      );
    if (rows.length === 0) return { seq, hash: prevHash };

    const bindings: Array<number | string> = [];
    for (const { id, ...row } of rows) {
      seq += 1;
      const hash = entryHash({ ...row, chain_seq: seq, prev_hash: prevHash });
      bindings.push(id, seq, prevHash, hash);
      prevHash = hash;
      afterId = id;
    }
    // Both databases name a VALUES list's columns column1, column2, … and
    // accept UPDATE … FROM; the casts keep PostgreSQL from comparing text.
    const values = rows
      .map(() => '(CAST(? AS integer), CAST(? AS bigint), ?, ?)')
      .join(', ');
    await db.raw(
      `UPDATE audit_events SET chain_seq = v.column2, prev_hash = v.column3, ` +
        `hash = v.column4 FROM (VALUES ${values}) AS v ` +
        `WHERE audit_events.id = v.column1`,
      bindings,
    );
  }
}

async function guardPostgres(db: Knex): Promise<void> {
  for (const column of ['chain_seq', 'prev_hash', 'hash']) {
    await db.raw('alter table audit_events alter column ?? set not null', [column]);
  }
  await db.raw(PG_GUARD);
  await db.raw(
    'create trigger audit_events_append_only before update or delete on audit_events ' +
      'for each row execute function audit_events_append_only()',
  );
  // TRUNCATE fires no row trigger, so it needs a statement trigger of its own.
  await db.raw(
    'create trigger audit_events_no_truncate before truncate on audit_events ' +
      'for each statement execute function audit_events_append_only()',
  );
}

async function guardSqlite(db: Knex): Promise<void> {
  for (const event of ['update', 'delete']) {
    await db.raw(
      `create trigger audit_events_no_${event} before ${event} on audit_events ` +
        "begin select raise(abort, 'audit_events is append-only'); end",
    );
  }
  // SQLite cannot make an added column NOT NULL without rebuilding the table.
  await db.raw(
    'create trigger audit_events_chained before insert on audit_events ' +
      'when new.chain_seq is null or new.prev_hash is null or new.hash is null ' +
      "begin select raise(abort, 'an audit entry must carry its chain columns'); end",
  );
}

export async function down(db: Knex): Promise<void> {
  if (isPostgres(db)) {
    await db.raw('drop trigger if exists audit_events_append_only on audit_events');
    await db.raw('drop trigger if exists audit_events_no_truncate on audit_events');
    await db.raw('drop function if exists audit_events_append_only()');
  } else {
    await db.raw('drop trigger if exists audit_events_no_update');
    await db.raw('drop trigger if exists audit_events_no_delete');
    await db.raw('drop trigger if exists audit_events_chained');
  }
  await db.schema.dropTable('audit_chain_head');
  await db.schema.alterTable('audit_events', (t) => {
    t.dropUnique(['chain_seq']);
    t.dropColumn('chain_seq');
    t.dropColumn('prev_hash');
    t.dropColumn('hash');
  });
}
