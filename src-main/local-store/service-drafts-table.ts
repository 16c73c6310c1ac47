import type { Knex } from 'knex';
import type { ServiceRecord } from '../../shared/domain/service-record';
import { workflowStatusSchema } from '../../shared/workflow/state-machine';
import type { WorkflowStatus } from '../../shared/workflow/state-machine';
import { readJsonColumn } from './json-column';

/**
 * A service's local overlay: the record as the user is editing it, the
 * server record those edits started from, and the status the user's own
 * submit or withdraw led to. It outlives pulls and resyncs until every
 * outbox entry about the service is settled.
 */
export interface ServiceDraft {
  serviceId: string;
  baseRecord: ServiceRecord;
  record: ServiceRecord;
  status: WorkflowStatus;
  updatedAt: string;
}

interface ServiceDraftRow {
  service_id: string;
  base_record: string;
  record: string;
  status: string;
  updated_at: string;
}

function fromRow(row: ServiceDraftRow): ServiceDraft {
  return {
    serviceId: row.service_id,
    baseRecord: readJsonColumn<ServiceRecord>(row.base_record),
    record: readJsonColumn<ServiceRecord>(row.record),
    status: workflowStatusSchema.parse(row.status),
    updatedAt: row.updated_at,
  };
}

/** The overlay of one service, or undefined when it shows the server's record. */
export async function getServiceDraft(
  db: Knex,
  serviceId: string,
): Promise<ServiceDraft | undefined> {
  const row = await db<ServiceDraftRow>('service_drafts')
    .where({ service_id: serviceId })
    .first();
  return row ? fromRow(row) : undefined;
}

/** The overlays among the given services. */
export async function serviceDraftsOf(
  db: Knex,
  serviceIds: readonly string[],
): Promise<Map<string, ServiceDraft>> {
  const drafts = new Map<string, ServiceDraft>();
  for (let start = 0; start < serviceIds.length; start += 500) {
    const rows = await db<ServiceDraftRow>('service_drafts')
      .whereIn('service_id', serviceIds.slice(start, start + 500))
      .select('*');
    for (const row of rows) drafts.set(row.service_id, fromRow(row));
  }
  return drafts;
}

/** Writes a service's overlay. */
export async function putServiceDraft(db: Knex, draft: ServiceDraft): Promise<void> {
  const row: ServiceDraftRow = {
    service_id: draft.serviceId,
    base_record: JSON.stringify(draft.baseRecord),
    record: JSON.stringify(draft.record),
    status: draft.status,
    updated_at: draft.updatedAt,
  };
  await db('service_drafts').insert(row).onConflict('service_id').merge();
}

/** Drops a service's overlay: it shows the server's record again. */
export async function deleteServiceDraft(db: Knex, serviceId: string): Promise<void> {
  await db('service_drafts').where({ service_id: serviceId }).delete();
}
