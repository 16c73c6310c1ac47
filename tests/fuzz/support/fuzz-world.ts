import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import knex from 'knex';
import type { Knex } from 'knex';
import type { Campaign } from '../../../shared/index/campaign';
import type { Methodology } from '../../../shared/index/methodology';
import type { TestDatabase } from '../../server/support/databases';
import {
  campaignBody,
  createCampaign,
  createMethodology,
} from '../../server/support/evaluation';
import {
  approvedName,
  completeRecord,
  draftService,
} from '../../server/support/registry';
import type { Session } from '../../server/support/server';
import { writeFakeRelease } from '../../support/update-feed';
import { startInjectServer } from './inject-server';
import type { InjectServer } from './inject-server';

/** Who sends a fuzzed request. */
export const actorNames = [
  'anonymous',
  'forged',
  'staff',
  'otherStaff',
  'reviewer',
  'evaluator',
  'auditor',
  'admin',
] as const;
export type ActorName = (typeof actorNames)[number];

/**
 * Text only the Ministry of Justice's own staff may ever read: it sits in a
 * draft never submitted and in a name nobody has decided yet. Any response
 * to anybody else that carries it leaked another agency's data.
 */
export const FOREIGN_DRAFT_MARKER = 'ƏDLİYYƏ-QARALAMA-SİRRİ-5c1e';
/** In files beside the update feed and hidden inside it, which the feed must never serve. */
export const FEED_NEIGHBOUR_MARKER = 'YENİLƏMƏ-QONŞU-FAYL-SİRRİ-9a7d';
/** What the fuzz world's update feed publishes. */
export const FEED_INSTALLER = 'DXER-Desktop-9.9.9-amd64.deb';
export const FOREIGN_NAME_MARKER = 'Ədliyyə təklif adı sirri 9d4b';

/** The records a fuzz run aims at: its own, another agency's, and throwaways. */
export interface FuzzTargets {
  ownAgencyId: string;
  otherAgencyId: string;
  ownServiceId: string;
  ownNameId: string;
  otherServiceId: string;
  otherNameId: string;
  otherUserId: string;
  /** A user administrators' fuzzed PATCHes may change without breaking a session in use. */
  victimUserId: string;
  /** An agency the fuzzed PUTs may rewrite. */
  victimAgencyId: string;
  methodology: Methodology;
  campaign: Campaign;
  /** A client id that belongs to the reviewer, for pushes that claim it as someone else. */
  reviewerClientId: string;
}

export interface FuzzWorld {
  server: InjectServer;
  sessions: Record<Exclude<ActorName, 'anonymous' | 'forged'>, Session>;
  targets: FuzzTargets;
  tokenOf(actor: ActorName): string | undefined;
  /** Actors who must never read the Ministry of Justice's unpublished records. */
  outsiders: ReadonlySet<ActorName>;
  snapshot(): Promise<Snapshot>;
  /**
   * A value that moves whenever anything commits a write, much cheaper than
   * the snapshot: the run takes the snapshot only after a request that
   * moved it, since an unmoved mark means the summary is unchanged.
   */
  writeMark(): Promise<string>;
  close(): Promise<void>;
}

/** A cheap summary of every table a request could write: counts and a few maxima. */
export type Snapshot = Record<string, string>;

/** Tables whose row count a write changes, and columns an update in place moves. */
const countedTables = [
  'agencies',
  'categories',
  'users',
  'sessions',
  'login_attempts',
  'service_names',
  'services',
  'service_versions',
  'clients',
  'mutations',
  'methodologies',
  'campaigns',
  'evaluation_answers',
  'evaluation_answer_revisions',
  'published_results',
];
/** Append-only tables (and the feed, whose positions only grow): their largest key is as good as a count and cheaper. */
const maxima: ReadonlyArray<[string, string]> = [
  ['changes', 'position'],
  ['audit_events', 'id'],
  ['users', 'updated_at'],
  ['agencies', 'updated_at'],
  ['service_versions', 'updated_at'],
  ['services', 'revision'],
  ['service_names', 'revision'],
  ['feed_counter', 'value'],
  ['audit_chain_head', 'last_seq'],
  ['clients', 'last_seq'],
  ['sessions', 'revoked_at'],
];

/** One statement for the whole summary, so taking it after every input stays cheap. */
function snapshotSql(): string {
  const parts = [
    ...countedTables.map((table) => `(SELECT COUNT(*) FROM ${table}) AS "n_${table}"`),
    ...maxima.map(
      ([table, column]) =>
        `(SELECT MAX(${column}) FROM ${table}) AS "max_${table}_${column}"`,
    ),
    // Revisions of campaigns and methodologies' bodies change in place.
    `(SELECT SUM(revision) FROM campaigns) AS "sum_campaigns_revision"`,
    `(SELECT SUM(LENGTH(body)) FROM methodologies) AS "len_methodologies_body"`,
  ];
  return `SELECT ${parts.join(', ')}`;
}

interface PgConnection {
  query(config: { name: string; text: string }): Promise<{ rows: unknown[] }>;
}

/**
 * Takes the summary. On PostgreSQL planning thirty subqueries costs more
 * than running them, so it is one named prepared statement on a connection
 * held for the run; SQLite's single connection cannot be held, and plans
 * cheaply anyway.
 */
function snapshotTaker(
  db: Knex,
  dialect: TestDatabase['name'],
): {
  take: () => Promise<Snapshot>;
  release: () => Promise<void>;
} {
  const sql = snapshotSql();
  if (dialect === 'sqlite') {
    return {
      take: async () => rowToSnapshot(((await db.raw(sql)) as unknown[])[0]),
      release: () => Promise.resolve(),
    };
  }
  const client = db.client as {
    acquireConnection(): Promise<PgConnection>;
    releaseConnection(connection: PgConnection): void;
  };
  const connection = client.acquireConnection();
  return {
    take: async () => {
      const result = await (await connection).query({ name: 'fuzz_snapshot', text: sql });
      return rowToSnapshot(result.rows[0]);
    },
    release: async () => {
      client.releaseConnection(await connection);
    },
  };
}

interface WriteMarker {
  mark: () => Promise<string>;
  release: () => Promise<void>;
}

/**
 * SQLite: PRAGMA data_version on a connection of its own changes whenever
 * another connection commits. PostgreSQL: a statement trigger on every
 * table of the test's own schema counts writing statements in a row of
 * its own; a rolled-back write takes its count back with it, so the count
 * moves exactly when a write committed.
 */
async function writeMarker(server: InjectServer): Promise<WriteMarker> {
  const { db, location } = server;
  if (server.dialect === 'sqlite') {
    const reader = knex({
      client: 'sqlite3',
      connection: { filename: location.sqliteFile ?? '' },
      useNullAsDefault: true,
      pool: { min: 1, max: 1 },
    });
    return {
      mark: async () => {
        const rows =
          await reader.raw<Array<{ data_version: number }>>('PRAGMA data_version');
        return String(rows[0]?.data_version);
      },
      release: () => reader.destroy(),
    };
  }
  await db.raw('CREATE TABLE fuzz_write_count (n bigint NOT NULL)');
  await db.raw('INSERT INTO fuzz_write_count VALUES (0)');
  await db.raw(
    `CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN UPDATE fuzz_write_count SET n = n + 1; RETURN NULL; END $$`,
  );
  const tables = await db('information_schema.tables')
    .where({ table_schema: location.searchPath, table_type: 'BASE TABLE' })
    .whereNot('table_name', 'fuzz_write_count')
    .pluck<string[]>('table_name');
  for (const table of tables) {
    await db.raw(
      'CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON ?? ' +
        'FOR EACH STATEMENT EXECUTE FUNCTION fuzz_count_write()',
      [table],
    );
  }
  return {
    mark: async () => {
      const row = await db('fuzz_write_count').first<{ n: unknown }>('n');
      return String(row.n);
    },
    release: () => Promise.resolve(),
  };
}

function rowToSnapshot(row: unknown): Snapshot {
  return Object.fromEntries(
    Object.entries(row as Record<string, unknown>).map(([key, value]) => [
      key,
      value === null ? '' : JSON.stringify(value),
    ]),
  );
}

/** The keys of a snapshot that differ between two. */
export function changedKeys(before: Snapshot, after: Snapshot): string[] {
  return Object.keys(after).filter((key) => before[key] !== after[key]);
}

/**
 * A server with the demo data, every role signed in, and records of two
 * agencies to aim at: the signed-in staff's own (Labour) and another's
 * (Justice), whose unpublished texts carry the markers above.
 */
/** A feed folder with one release, and secrets beside it and hidden in it. */
function publishedFeed(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-fuzz-feed-'));
  const updatesDir = path.join(root, 'updates');
  writeFakeRelease(path.join(updatesDir, 'stable'), {
    version: '9.9.9',
    installerName: FEED_INSTALLER,
    feedFile: 'latest-linux.yml',
  });
  fs.writeFileSync(path.join(root, 'secret.txt'), FEED_NEIGHBOUR_MARKER);
  fs.writeFileSync(path.join(updatesDir, 'stable', '.secret'), FEED_NEIGHBOUR_MARKER);
  return updatesDir;
}

export async function openFuzzWorld(database: TestDatabase): Promise<FuzzWorld> {
  const updatesDir = publishedFeed();
  const server = await startInjectServer(
    database,
    {
      updatesDir,
      // Low limits, so fuzzed logins stop costing a password hash each almost at once.
      loginThrottle: { maxFailures: 3, windowMs: 60 * 60 * 1000, maxFailuresPerIp: 6 },
    },
    { snapshots: true },
  );
  const sessions = {
    staff: await server.login('agency.mlspp'),
    otherStaff: await server.login('agency.justice'),
    reviewer: await server.login('reviewer'),
    evaluator: await server.login('evaluator'),
    auditor: await server.login('auditor'),
    admin: await server.login('admin'),
  };
  const { staff, otherStaff, reviewer, evaluator, admin } = sessions;
  const own = await draftService(staff, reviewer);
  const ownNameId = await approvedName(staff, reviewer, 'Fuzz öz adı');
  const other = await draftService(
    otherStaff,
    reviewer,
    completeRecord({ description: `Qaralama: ${FOREIGN_DRAFT_MARKER}` }),
  );
  const otherNameId = randomUUID();
  await otherStaff.push([
    {
      name: 'serviceName.propose',
      args: {
        serviceNameId: otherNameId,
        agencyId: otherStaff.user.agencyId,
        name: FOREIGN_NAME_MARKER,
      },
    },
  ]);
  const victim = await server.request<{ user: { id: string } }>(
    'POST',
    '/api/v1/admin/users',
    {
      username: 'fuzz.victim',
      displayName: 'Fuzz',
      password: 'fuzz-victim-1',
      role: 'auditor',
    },
    admin.token,
  );
  const victimAgencyId = randomUUID();
  await server.request(
    'PUT',
    `/api/v1/admin/agencies/${victimAgencyId}`,
    {
      id: victimAgencyId,
      code: 'fuzz-victim',
      group: 'other',
      nameAz: 'Fuzz qurumu',
      nameEn: 'Fuzz agency',
      isActive: true,
    },
    admin.token,
  );
  const methodology = await createMethodology(server, admin, { year: 2031 });
  const campaign = await createCampaign(server, admin, {
    ...(await campaignBody(server, methodology.id, [evaluator.user.id])),
    year: 2031,
  });
  await reviewer.push([
    {
      name: 'serviceName.decide',
      args: { serviceNameId: randomUUID(), submissionNo: 1, decision: 'approve' },
    },
  ]);

  const snapshots = snapshotTaker(server.db, database.name);
  const marker = await writeMarker(server);
  const tokens: Partial<Record<ActorName, string>> = {
    forged: 'A'.repeat(43),
    ...Object.fromEntries(Object.entries(sessions).map(([name, s]) => [name, s.token])),
  };
  return {
    server,
    sessions,
    targets: {
      ownAgencyId: staff.user.agencyId ?? '',
      otherAgencyId: otherStaff.user.agencyId ?? '',
      ownServiceId: own.serviceId,
      ownNameId,
      otherServiceId: other.serviceId,
      otherNameId,
      otherUserId: otherStaff.user.id,
      victimUserId: victim.body.user.id,
      victimAgencyId,
      methodology,
      campaign,
      reviewerClientId: reviewer.clientId,
    },
    tokenOf: (actor) => tokens[actor],
    outsiders: new Set<ActorName>([
      'anonymous',
      'forged',
      'staff',
      'reviewer',
      'evaluator',
      'auditor',
      'admin',
    ]),
    snapshot: snapshots.take,
    writeMark: marker.mark,
    async close() {
      await marker.release();
      await snapshots.release();
      await server.close();
    },
  };
}
