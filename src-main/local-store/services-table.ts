import type { Knex } from 'knex';
import { publishedVersion, workingVersion } from '../../shared/domain/service';
import type { Service } from '../../shared/domain/service';
import type { ServiceRecord } from '../../shared/domain/service-record';
import { foldAz, sortKeyAz } from '../../shared/text/az';
import type { WorkflowStatus } from '../../shared/workflow/state-machine';
import { upsertInChunks } from './chunked-upsert';
import { readJsonColumn } from './json-column';

/** A local overlay's part in what the list shows: the record and status being edited. */
export interface ServiceOverlayView {
  record: ServiceRecord;
  status: WorkflowStatus;
  updatedAt: string;
}

interface ServiceRow {
  id: string;
  agency_id: string;
  service_name_id: string;
  registry_code: string;
  revision: number;
  name: string;
  name_sort: string;
  name_fold: string;
  type: string;
  status: string;
  categories: string;
  is_g2b: number;
  updated_at: string;
  has_published: number;
  published_type: string | null;
  published_is_g2b: number;
  published_categories: string;
  /** When the version now in review was submitted; null unless it is submitted. */
  submitted_at: string | null;
}

/** The record and status a user sees: the local overlay, else the working or published version. */
export function effectiveVersion(
  service: Service,
  overlay: ServiceOverlayView | null,
): { record: ServiceRecord | null; status: WorkflowStatus; updatedAt: string } {
  if (overlay) return overlay;
  const version = workingVersion(service) ?? publishedVersion(service);
  if (!version) return { record: null, status: 'draft', updatedAt: service.createdAt };
  return { record: version.record, status: version.status, updatedAt: version.updatedAt };
}

/**
 * The folded text search runs over: the name by Azerbaijani rules, and the
 * registry code both ways, since "XID" folds to "xıd" by those rules while
 * people type a code's I as i.
 */
function searchText(name: string, registryCode: string): string {
  return `${foldAz(name)} ${foldAz(registryCode)} ${registryCode.toLowerCase()}`;
}

/** The row for one service: the columns lists, filters and search query. */
function toRow(
  service: Service,
  name: string,
  overlay: ServiceOverlayView | null,
): ServiceRow {
  const shown = effectiveVersion(service, overlay);
  const published = publishedVersion(service);
  return {
    id: service.id,
    agency_id: service.agencyId,
    service_name_id: service.serviceNameId,
    registry_code: service.registryCode,
    revision: service.revision,
    name,
    name_sort: sortKeyAz(name),
    name_fold: searchText(name, service.registryCode),
    type: shown.record?.type ?? 'nonElectronic',
    status: shown.status,
    categories: JSON.stringify(shown.record?.categories ?? []),
    is_g2b: shown.record?.audiences.includes('G2B') ? 1 : 0,
    updated_at: shown.updatedAt,
    has_published: published ? 1 : 0,
    published_type: published?.record.type ?? null,
    published_is_g2b: published?.record.audiences.includes('G2B') ? 1 : 0,
    published_categories: JSON.stringify(published?.record.categories ?? []),
    submitted_at:
      shown.status === 'submitted'
        ? (workingVersion(service)?.submittedAt ?? shown.updatedAt)
        : null,
  };
}

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
    puts.map((put) => toRow(put.service, put.name, put.overlay)),
  );
  await upsertInChunks(
    db,
    'service_documents',
    'service_id',
    puts.map((put) => ({
      service_id: put.service.id,
      document: JSON.stringify(put.service),
    })),
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
      .update({
        name,
        name_sort: sortKeyAz(name),
        name_fold: searchText(name, row.registry_code),
      });
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
