import knex from 'knex';
import type { Knex } from 'knex';
import type { ServiceRecord } from '../../../shared/domain/service-record';
import type { WorkflowStatus } from '../../../shared/workflow/state-machine';

/** One service as the server holds it, reduced to what the desktop must agree on. */
export interface ServerService {
  revision: number;
  versions: Array<{
    id: string;
    status: WorkflowStatus;
    submissionNo: number;
    record: ServiceRecord;
  }>;
}

/** The driver's own read-only view of the server's database, for the checks. */
export interface ServerView {
  service(serviceId: string): Promise<ServerService>;
  /** The mutation rows stored for these ids: id → result JSON. */
  results(mutationIds: readonly string[]): Promise<Map<string, { status: string }>>;
  /** (mutation id, audit action) pairs recorded more than once, with the extra count. */
  repeatedAudit(mutationIds?: readonly string[]): Promise<number>;
  agencyServices(agencyId: string): Promise<string[]>;
  /** What agency staff see: their agency's services and every approved one. */
  visibleServices(agencyId: string): Promise<string[]>;
  userAgency(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Runs a query again after the database restarted under it: the first use
 * of a pooled connection that PostgreSQL dropped fails once.
 */
async function retried<T>(query: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await query();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A service's revision and versions, oldest first, as the server's tables hold them. */
export async function readServerService(
  db: Knex,
  serviceId: string,
): Promise<ServerService> {
  const row = await db('services')
    .where('id', serviceId)
    .first<{ revision: number | string }>('revision');
  const versions = await db('service_versions')
    .where('service_id', serviceId)
    .orderBy('number')
    .select<
      Array<{ id: string; status: WorkflowStatus; submission_no: number; record: string }>
    >('id', 'status', 'submission_no', 'record');
  return {
    revision: Number(row.revision),
    versions: versions.map((version) => ({
      id: version.id,
      status: version.status,
      submissionNo: Number(version.submission_no),
      record: JSON.parse(version.record) as ServiceRecord,
    })),
  };
}

function ignore(): void {
  // See `quiet` below.
}

export function openServerView(database: {
  databaseUrl?: string;
  sqliteFile?: string;
}): ServerView {
  // Quiet: a connection PostgreSQL dropped on a restart is expected, and retried.
  const quiet = { warn: ignore, error: ignore, debug: ignore, deprecate: ignore };
  const db: Knex = database.databaseUrl
    ? knex({
        client: 'pg',
        connection: database.databaseUrl,
        pool: { min: 0, max: 2 },
        log: quiet,
      })
    : knex({
        client: 'sqlite3',
        connection: { filename: database.sqliteFile ?? '' },
        useNullAsDefault: true,
        pool: { min: 1, max: 1 },
      });
  return {
    service: (serviceId) => retried(() => readServerService(db, serviceId)),
    results: (mutationIds) =>
      retried(async () => {
        const rows = await db('mutations')
          .whereIn('mutation_id', [...mutationIds])
          .select<Array<{ mutation_id: string; result: string }>>(
            'mutation_id',
            'result',
          );
        return new Map(
          rows.map((row) => [
            row.mutation_id,
            JSON.parse(row.result) as { status: string },
          ]),
        );
      }),
    repeatedAudit: (mutationIds) =>
      retried(async () => {
        const rows = await db('audit_events')
          .whereNotNull('mutation_id')
          .modify((query) => {
            if (mutationIds) void query.whereIn('mutation_id', [...mutationIds]);
          })
          .groupBy('mutation_id', 'action')
          .havingRaw('count(*) > 1')
          .select<Array<{ n: number | string }>>(db.raw('count(*) as n'));
        return rows.reduce((sum, row) => sum + Number(row.n) - 1, 0);
      }),
    agencyServices: (agencyId) =>
      retried(() =>
        db('services').where('agency_id', agencyId).orderBy('id').pluck<string[]>('id'),
      ),
    visibleServices: (agencyId) =>
      retried(() =>
        db('services')
          .where('agency_id', agencyId)
          .orWhereExists(
            db('service_versions')
              .whereRaw('service_versions.service_id = services.id')
              .where('status', 'approved'),
          )
          .orderBy('id')
          .pluck<string[]>('id'),
      ),
    userAgency: (username) =>
      retried(async () => {
        const row = await db('users')
          .where('username', username)
          .first<{ agency_id: string }>('agency_id');
        return row.agency_id;
      }),
    close: () => db.destroy(),
  };
}
