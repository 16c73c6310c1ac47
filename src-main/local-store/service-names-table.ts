import type { Knex } from 'knex';
import type { ServiceName } from '../../shared/domain/service-name';
import { serviceNameRow } from '../../shared/sync/synced-rows';
import type { ServiceNameRow } from '../../shared/sync/synced-rows';
import { upsertInChunks } from './chunked-upsert';
import { workflowStatusSchema } from '../../shared/workflow/state-machine';

function fromRow(row: ServiceNameRow): ServiceName {
  return {
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    status: workflowStatusSchema.parse(row.status),
    submissionNo: row.submission_no,
    reason: row.reason,
    revision: row.revision,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

/** Stores service names (from the server, or proposed here with revision 0). */
export async function putServiceNames(
  db: Knex,
  names: readonly ServiceName[],
): Promise<void> {
  await upsertInChunks(db, 'service_names', 'id', names.map(serviceNameRow));
}

/** One service name, or undefined. */
export async function getServiceName(
  db: Knex,
  id: string,
): Promise<ServiceName | undefined> {
  const row = await db<ServiceNameRow>('service_names').where({ id }).first();
  return row ? fromRow(row) : undefined;
}

/** The names of the given ids, as a map from id to name text. */
export async function serviceNameTexts(
  db: Knex,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db<ServiceNameRow>('service_names')
      .whereIn('id', ids.slice(start, start + 500))
      .select('id', 'name');
    for (const row of rows) texts.set(row.id, row.name);
  }
  return texts;
}

/** Every service name this user can see. */
export async function listServiceNames(db: Knex): Promise<ServiceName[]> {
  const rows = await db<ServiceNameRow>('service_names').select('*');
  return rows.map(fromRow);
}

/** Removes a service name the server no longer shows. */
export async function removeServiceName(db: Knex, id: string): Promise<void> {
  await db('service_names').where({ id }).delete();
}

/** Drops the synced names, keeping those proposed here and not yet accepted. */
export async function clearSyncedServiceNames(db: Knex): Promise<void> {
  await db('service_names').where('revision', '>', 0).delete();
}
