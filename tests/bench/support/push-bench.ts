// Push throughput: service.create intents over HTTP against a real server,
// beside plain INSERTs of the same services and service_versions rows into
// the same database through knex.
import { randomUUID } from 'node:crypto';
import type { ServiceRecord } from '../../../shared/domain/service-record';
import { insertRegistryRows, SYSTEM_ACTOR_ID } from '../../../src-server/seed/bulk';
import {
  completeRecord,
  seededRandom,
  serviceNameText,
} from '../../../src-server/seed/record-builder';
import { countRows } from '../../../src-server/db/rows';
import { versionToRow } from '../../../src-server/registry/rows';
import type { TestDatabase } from '../../server/support/databases';
import { startTestServer } from '../../server/support/server';
import type { Session, TestServer } from '../../server/support/server';

export interface PushOptions {
  intents: number;
  warmup: number;
  batch: number;
  logLevel: string;
}

export interface PushFigures {
  intents: number;
  batch: number;
  pushSeconds: number;
  pushPerSecond: number;
  insertSeconds: number;
  insertPerSecond: number;
  /** push rate / plain INSERT rate. */
  ratio: number;
  /** SQL statements knex sent per intent / per baseline service, BEGIN, SAVEPOINT, RELEASE and COMMIT included. */
  statementsPerIntent: number;
  statementsPerInsert: number;
}

/** Measures push and its plain-INSERT baseline on one fresh database. */
export async function measurePush(
  database: TestDatabase,
  options: PushOptions,
): Promise<PushFigures> {
  const server = await startTestServer(database, { logLevel: options.logLevel });
  try {
    const staff = await server.login('agency.mlspp');
    const agencyId = staff.user.agencyId;
    if (!agencyId) throw new Error('agency.mlspp has no agency');
    const serviceNameId = await seedApprovedName(server, agencyId);
    const random = seededRandom(4242);
    const records = Array.from({ length: options.warmup + options.intents }, (_, i) =>
      completeRecord(random, serviceNameText(random, i)),
    );
    const create = { agencyId, serviceNameId };

    await pushCreates(staff, create, records.slice(0, options.warmup), options.batch);
    const before = await serviceCount(server);
    let statements = countStatements(server);
    let started = performance.now();
    await pushCreates(staff, create, records.slice(options.warmup), options.batch);
    const pushSeconds = (performance.now() - started) / 1000;
    const statementsPerIntent = statements.stop() / options.intents;
    const applied = (await serviceCount(server)) - before;
    if (applied !== options.intents) {
      throw new Error(`push applied ${applied} services, expected ${options.intents}`);
    }

    const rows = { ...create, userId: staff.user.id };
    await insertPlain(server, rows, records.slice(0, options.warmup), options.batch);
    statements = countStatements(server);
    started = performance.now();
    await insertPlain(server, rows, records.slice(options.warmup), options.batch);
    const insertSeconds = (performance.now() - started) / 1000;
    const statementsPerInsert = statements.stop() / options.intents;

    const pushPerSecond = options.intents / pushSeconds;
    const insertPerSecond = options.intents / insertSeconds;
    return {
      intents: options.intents,
      batch: options.batch,
      pushSeconds,
      pushPerSecond,
      insertSeconds,
      insertPerSecond,
      ratio: pushPerSecond / insertPerSecond,
      statementsPerIntent,
      statementsPerInsert,
    };
  } finally {
    await server.close();
  }
}

/** One approved name of the staff's agency; every benchmarked service is created under it. */
async function seedApprovedName(server: TestServer, agencyId: string): Promise<string> {
  const id = randomUUID();
  await server.db.transaction((trx) =>
    insertRegistryRows(
      trx,
      [
        {
          id,
          agencyId,
          name: 'Sınaq xidməti',
          status: 'approved',
          actorId: SYSTEM_ACTOR_ID,
        },
      ],
      [],
    ),
  );
  return id;
}

/** Counts the statements knex sends until stopped: the round trips each write costs. */
function countStatements(server: TestServer): { stop(): number } {
  let count = 0;
  const listener = () => {
    count += 1;
  };
  server.db.on('query', listener);
  return {
    stop() {
      server.db.removeListener('query', listener);
      return count;
    },
  };
}

async function serviceCount(server: TestServer): Promise<number> {
  return countRows(server.db('services'));
}

/** Pushes one service.create per record in batches; fails on anything not applied. */
async function pushCreates(
  staff: Session,
  create: { agencyId: string; serviceNameId: string },
  records: readonly ServiceRecord[],
  batch: number,
): Promise<void> {
  for (let start = 0; start < records.length; start += batch) {
    const mutations = records.slice(start, start + batch).map((record) => ({
      name: 'service.create',
      args: { ...create, serviceId: randomUUID(), versionId: randomUUID(), record },
    }));
    const reply = await staff.push(mutations);
    const refused = reply.body.results?.find((result) => result.status !== 'applied');
    if (
      reply.status !== 200 ||
      refused ||
      reply.body.results.length !== mutations.length
    ) {
      throw new Error(`push failed (${reply.status}): ${reply.text.slice(0, 500)}`);
    }
  }
}

/**
 * The physical floor: the same two rows per service that service.create
 * writes, one INSERT statement each, `batch` services per transaction.
 */
async function insertPlain(
  server: TestServer,
  ids: { agencyId: string; serviceNameId: string; userId: string },
  records: readonly ServiceRecord[],
  batch: number,
): Promise<void> {
  for (let start = 0; start < records.length; start += batch) {
    await server.db.transaction(async (trx) => {
      for (const record of records.slice(start, start + batch)) {
        const now = new Date().toISOString();
        const serviceId = randomUUID();
        await trx('services').insert({
          id: serviceId,
          agency_id: ids.agencyId,
          service_name_id: ids.serviceNameId,
          registry_code: `BENCH-${serviceId}`.slice(0, 32),
          revision: 1,
          created_at: now,
        });
        await trx('service_versions').insert(
          versionToRow({
            id: randomUUID(),
            serviceId,
            number: 1,
            status: 'draft',
            record,
            submissionNo: 0,
            remarks: [],
            createdAt: now,
            createdBy: ids.userId,
            updatedAt: now,
            submittedAt: null,
            submittedBy: null,
            decidedAt: null,
            decidedBy: null,
            history: [],
          }),
        );
      }
    });
  }
}
