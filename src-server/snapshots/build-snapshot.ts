import knex from 'knex';
import type { Knex } from 'knex';
import type { User } from '../../shared/domain/user';
import {
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  pullResponseSchema,
} from '../../shared/sync/protocol';
import type { EntityChange } from '../../shared/sync/protocol';
import {
  SNAPSHOT_INFO_SQL,
  SNAPSHOT_LAYOUT,
  SNAPSHOT_LAYOUT_VERSION,
} from '../../shared/sync/snapshot-layout';
import {
  agencyRow,
  answerRow,
  campaignRow,
  candidateRow,
  categoryRow,
  methodologyRow,
  publishedResultRow,
  serviceDocumentRow,
  serviceNameRow,
  serviceNameColumns,
  serviceRow,
} from '../../shared/sync/synced-rows';
import { pullChanges, pullPageJson } from '../sync/pull';

/** The builder pulls as a client of its own; the id only keys read-ahead pages. */
const BUILDER_CLIENT_ID = '00000000-0000-4000-8000-00000000b11d';

/** Feed entries per page the builder reads. */
const BUILD_PAGE_SIZE = 2000;

export interface BuiltSnapshot {
  /** The feed cursor the snapshot holds everything up to. */
  cursor: string;
  /** Feed entries applied. */
  changes: number;
}

/** Opens a snapshot file for writing: one connection, no journal worth keeping. */
function openSnapshotFile(file: string): Knex {
  return knex({
    client: 'sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (
        connection: { exec(sql: string, done: (error: Error | null) => void): void },
        done: (error: Error | null, connection: unknown) => void,
      ) => {
        // A file that fails half-written is thrown away, never read: the
        // journal protects nothing here, and writing it doubles the I/O.
        connection.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF', (error) =>
          done(error, connection),
        );
      },
    },
  });
}

/**
 * Fills `file` with what this user's pull of the whole feed would leave in
 * a new desktop's synced tables, from the feed itself: every page is read
 * as a pull reads it (same scope, same projection, same schemas) and
 * written through the desktop's row functions. With `resumeFrom`, `file`
 * is a copy of an older snapshot and only the feed after that cursor is
 * applied.
 */
export async function buildSnapshot(options: {
  db: Knex;
  user: User;
  scope: string;
  file: string;
  resumeFrom?: string;
  /** Checked between pages: a build for a server shutting down stops early. */
  isCancelled?: () => boolean;
}): Promise<BuiltSnapshot> {
  const target = openSnapshotFile(options.file);
  try {
    const isFresh = options.resumeFrom === undefined;
    if (isFresh) {
      // The desktop adopts this file as its store, pages and all. A national
      // registry's documents (about 3 KB each) fill a 4 KB page to 70 %; in
      // 16 KB pages five fit, which makes the download a sixth smaller.
      await target.raw('PRAGMA page_size = 16384');
      for (const object of SNAPSHOT_LAYOUT) {
        if (object.type !== 'index') await target.raw(object.sql);
      }
      await target.raw(SNAPSHOT_INFO_SQL);
    }
    let cursor: string | null = options.resumeFrom ?? null;
    let changes = 0;
    for (;;) {
      if (options.isCancelled?.()) throw new Error('snapshot build cancelled');
      const page = await pullChanges(options.db, options.user, {
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        clientId: BUILDER_CLIENT_ID,
        cursor,
        limit: BUILD_PAGE_SIZE,
        countRemaining: false,
      });
      if (page.resyncRequired)
        throw new Error('snapshot base is older than the feed keeps');
      const parsed = pullResponseSchema.parse(JSON.parse(pullPageJson(page).toString()));
      await target.transaction((trx) => applyChanges(trx, parsed.changes));
      changes += parsed.changes.length;
      cursor = parsed.cursor;
      if (!parsed.hasMore) break;
    }
    if (isFresh) {
      // Built over the loaded rows, an index is one sorted pass and packed
      // pages, where one kept up row by row ends a third empty.
      for (const object of SNAPSHOT_LAYOUT) {
        if (object.type === 'index') await target.raw(object.sql);
      }
    }
    await target.transaction(async (trx) => {
      await trx('snapshot_info').delete();
      await trx('snapshot_info').insert({
        layout_version: SNAPSHOT_LAYOUT_VERSION,
        schema_version: SCHEMA_VERSION,
        cursor: cursor ?? '',
        scope: options.scope,
        built_at: new Date().toISOString(),
      });
    });
    return { cursor: cursor ?? '', changes };
  } finally {
    await target.destroy();
  }
}

/** Rows per statement: under SQLite's 500-term compound SELECT and its 32,766 bound values. */
function chunkSize(row: object): number {
  return Math.max(1, Math.min(400, Math.floor(30_000 / Object.keys(row).length)));
}

async function upsert(trx: Knex, table: string, key: string, rows: readonly object[]) {
  const first = rows[0];
  if (!first) return;
  const size = chunkSize(first);
  for (let start = 0; start < rows.length; start += size) {
    await trx(table)
      .insert(rows.slice(start, start + size))
      .onConflict(key)
      .merge();
  }
}

/** Where each entity's rows live, and the column that keys them. */
const tableOf: Record<EntityChange['entity'], [table: string, key: string]> = {
  service: ['services', 'id'],
  serviceName: ['service_names', 'id'],
  agency: ['agencies', 'id'],
  category: ['categories', 'code'],
  duplicateCandidate: ['duplicate_candidates', 'id'],
  methodology: ['methodologies', 'id'],
  campaign: ['campaigns', 'id'],
  answer: ['evaluation_answers', 'id'],
  publishedResult: ['published_results', 'id'],
};

type Put = Exclude<EntityChange, { op: 'remove' }>;

/** The one row of an entity stored as it came; names and services need more (below). */
function plainRow(change: Exclude<Put, { entity: 'service' | 'serviceName' }>): object {
  switch (change.entity) {
    case 'agency':
      return agencyRow(change.data);
    case 'category':
      return categoryRow(change.data);
    case 'methodology':
      return methodologyRow(change.data);
    case 'campaign':
      return campaignRow(change.data);
    case 'answer':
      return answerRow(change.data);
    case 'publishedResult':
      return publishedResultRow(change.data);
    case 'duplicateCandidate':
      return candidateRow(change.data);
  }
}

/**
 * One page, as a desktop with no work of its own applies it (see the
 * desktop's pull): the latest change per entity; names first, renaming the
 * services under a name whose text changed, then services, which take
 * their name's text; every other entity is one row of its table.
 */
async function applyChanges(trx: Knex, changes: readonly EntityChange[]): Promise<void> {
  const latest = new Map<string, EntityChange>();
  for (const change of changes) {
    const id =
      change.op === 'remove'
        ? change.id
        : change.entity === 'category'
          ? change.data.code
          : change.data.id;
    latest.set(`${change.entity}:${id}`, change);
  }
  const names: Extract<Put, { entity: 'serviceName' }>['data'][] = [];
  const services: Extract<Put, { entity: 'service' }>['data'][] = [];
  const plain = new Map<EntityChange['entity'], object[]>();
  const removals: Extract<EntityChange, { op: 'remove' }>[] = [];
  for (const change of latest.values()) {
    if (change.op === 'remove') removals.push(change);
    else if (change.entity === 'serviceName') names.push(change.data);
    else if (change.entity === 'service') services.push(change.data);
    else {
      const rows = plain.get(change.entity) ?? [];
      rows.push(plainRow(change));
      plain.set(change.entity, rows);
    }
  }

  if (names.length > 0) {
    const before = await nameTexts(
      trx,
      names.map((name) => name.id),
    );
    await upsert(trx, 'service_names', 'id', names.map(serviceNameRow));
    for (const name of names) {
      const previous = before.get(name.id);
      if (previous !== undefined && previous !== name.name) {
        await renameServices(trx, name.id, name.name);
      }
    }
  }
  if (services.length > 0) {
    const texts = await nameTexts(trx, [
      ...new Set(services.map((service) => service.serviceNameId)),
    ]);
    await upsert(
      trx,
      'services',
      'id',
      services.map((service) =>
        serviceRow(service, texts.get(service.serviceNameId) ?? '', null),
      ),
    );
    await upsert(
      trx,
      'service_documents',
      'service_id',
      services.map(serviceDocumentRow),
    );
  }
  for (const [entity, rows] of plain) {
    const [table, key] = tableOf[entity];
    await upsert(trx, table, key, rows);
  }
  for (const removal of removals) {
    const [table, key] = tableOf[removal.entity];
    await trx(table).where(key, removal.id).delete();
  }
}

async function nameTexts(
  trx: Knex,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await trx('service_names')
      .whereIn('id', ids.slice(start, start + 500))
      .select<Array<{ id: string; name: string }>>('id', 'name');
    for (const row of rows) texts.set(row.id, row.name);
  }
  return texts;
}

async function renameServices(trx: Knex, serviceNameId: string, name: string) {
  const rows = await trx('services')
    .where({ service_name_id: serviceNameId })
    .whereNot({ name })
    .select<Array<{ id: string; registry_code: string }>>('id', 'registry_code');
  for (const row of rows) {
    await trx('services')
      .where({ id: row.id })
      .update(serviceNameColumns(name, row.registry_code));
  }
}
