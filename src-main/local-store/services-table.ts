import type { Knex } from 'knex';
import type { Service } from '../../shared/domain/service';
import {
  serviceDocumentRow,
  serviceNameColumns,
  serviceRow,
} from '../../shared/sync/synced-rows';
import type { ServiceOverlayView, ServiceRow } from '../../shared/sync/synced-rows';
import { upsertInChunks } from './chunked-upsert';
import { readJsonColumn } from './json-column';

/** One service to store, with its name text and any local overlay. */
export interface ServicePut {
  service: Service;
  name: string;
  overlay: ServiceOverlayView | null;
}

/** Stores services (server documents, or local ones with revision 0). */
export async function putServices(db: Knex, puts: readonly ServicePut[]): Promise<void> {
  await upsertInChunks(
    db,
    'services',
    'id',
    puts.map((put) => serviceRow(put.service, put.name, put.overlay)),
  );
  await upsertInChunks(
    db,
    'service_documents',
    'service_id',
    puts.map((put) => serviceDocumentRow(put.service)),
  );
}

/** One service's server document, or undefined. */
export async function getService(db: Knex, id: string): Promise<Service | undefined> {
  const row = await db('service_documents')
    .where({ service_id: id })
    .first<{ document: string } | undefined>('document');
  return row ? readJsonColumn<Service>(row.document) : undefined;
}

/** Revisions of the given services, for applying pulls and cleaning the outbox. */
export async function serviceRevisions(
  db: Knex,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const revisions = new Map<string, number>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db<ServiceRow>('services')
      .whereIn('id', ids.slice(start, start + 500))
      .select('id', 'revision');
    for (const row of rows) revisions.set(row.id, row.revision);
  }
  return revisions;
}

/** The names of the given services, by id; services not on this computer are left out. */
export async function serviceLabels(
  db: Knex,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db<ServiceRow>('services')
      .whereIn('id', ids.slice(start, start + 500))
      .select('id', 'name');
    for (const row of rows) labels.set(row.id, row.name);
  }
  return labels;
}

/** Renames every service under a service name whose text changed. */
export async function renameServices(
  db: Knex,
  serviceNameId: string,
  name: string,
): Promise<void> {
  const rows = await db<ServiceRow>('services')
    .where({ service_name_id: serviceNameId })
    .whereNot({ name })
    .select('id', 'registry_code');
  for (const row of rows) {
    await db('services')
      .where({ id: row.id })
      .update(serviceNameColumns(name, row.registry_code));
  }
}

/** Removes a service the server no longer shows this user. */
export async function removeService(db: Knex, id: string): Promise<void> {
  await db('services').where({ id }).delete();
}

/** Drops synced services, keeping those created here that the server has not yet confirmed. */
export async function clearSyncedServices(db: Knex): Promise<void> {
  await db('services').where('revision', '>', 0).delete();
}
