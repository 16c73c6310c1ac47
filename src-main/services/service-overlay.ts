import type { Knex } from 'knex';
import { publishedVersion, workingVersion } from '../../shared/domain/service';
import type { Service } from '../../shared/domain/service';
import { emptyServiceRecord, serviceFields } from '../../shared/domain/service-record';
import type { ServiceField, ServiceRecord } from '../../shared/domain/service-record';
import { saveServiceDraftArgs } from '../../shared/sync/mutations';
import type { WorkflowStatus } from '../../shared/workflow/state-machine';
import { deleteOutboxEntry, listOutbox } from '../local-store/outbox-table';
import type { OutboxRecord } from '../local-store/outbox-table';
import { deleteServiceDraft, putServiceDraft } from '../local-store/service-drafts-table';
import type { ServiceDraft } from '../local-store/service-drafts-table';
import { getServiceName } from '../local-store/service-names-table';
import { putServices } from '../local-store/services-table';
import type { ServicePut } from '../local-store/services-table';

/** The record and status the server holds for a service's editable copy. */
export function serverCopy(service: Service): {
  record: ServiceRecord;
  status: WorkflowStatus;
} {
  const working = workingVersion(service);
  if (working) return { record: working.record, status: working.status };
  const published = publishedVersion(service);
  // Editing a published service opens a new draft version on the server.
  return { record: published?.record ?? emptyServiceRecord(), status: 'draft' };
}

/** The overlay a first local edit starts from: the server's copy, unchanged. */
export function freshOverlay(service: Service): ServiceDraft {
  const copy = serverCopy(service);
  return {
    serviceId: service.id,
    baseRecord: copy.record,
    record: copy.record,
    status: copy.status,
    updatedAt: new Date().toISOString(),
  };
}

type Hold = 'delivered' | { fields: readonly ServiceField[]; holdsStatus: boolean };

/**
 * What an entry still holds in the overlay: the fields whose local value
 * must survive a pull, and whether it changed the status. An entry the
 * server has applied holds on until a pull delivers that revision.
 */
function heldByEntry(entry: OutboxRecord, serverRevision: number): Hold {
  if (entry.state === 'applied' || entry.state === 'resolved') {
    const result = entry.result;
    const revision = result && result.status !== 'rejected' ? result.revision : Infinity;
    if (revision <= serverRevision) return 'delivered';
    if (entry.state === 'resolved') return { fields: [], holdsStatus: false };
  }
  switch (entry.name) {
    case 'service.create':
      return { fields: serviceFields, holdsStatus: true };
    case 'service.submit':
    case 'service.withdraw':
      return { fields: [], holdsStatus: true };
    case 'service.saveDraft':
      return { fields: unsettledFields(entry), holdsStatus: false };
    default:
      return { fields: [], holdsStatus: false };
  }
}

/** The fields of a draft save still waiting: all of them, or a conflict's unresolved ones. */
export function unsettledFields(entry: OutboxRecord): ServiceField[] {
  if (entry.state === 'conflict' && entry.result?.status === 'conflict') {
    const resolved = new Set(entry.result.resolvedFields ?? []);
    return entry.result.conflicts
      .map((conflict) => conflict.field)
      .filter((field) => !resolved.has(field));
  }
  return saveServiceDraftArgs.shape.changes
    .parse(entry.args.changes)
    .map((change) => change.field);
}

/** A record with the given fields taken from another. */
export function withFieldsFrom(
  target: ServiceRecord,
  source: ServiceRecord,
  fields: Iterable<ServiceField>,
): ServiceRecord {
  const picked = Object.fromEntries([...fields].map((field) => [field, source[field]]));
  return { ...target, ...picked };
}

/**
 * Puts a service's local overlay back on top of the server's current copy:
 * entries the server has delivered are removed, fields still held by
 * unsettled entries keep their local value, every other field takes the
 * server's. With nothing held, the overlay is dropped.
 */
export async function rebaseServiceOverlay(
  trx: Knex,
  service: Service,
  draft: ServiceDraft | undefined,
): Promise<ServiceDraft | null> {
  const entries = await listOutbox(trx, { entityId: service.id });
  const held = new Set<ServiceField>();
  let holdsStatus = false;
  for (const entry of entries) {
    const hold = heldByEntry(entry, service.revision);
    if (hold === 'delivered') {
      await deleteOutboxEntry(trx, entry.id);
      continue;
    }
    for (const field of hold.fields) held.add(field);
    holdsStatus ||= hold.holdsStatus;
  }

  if (!draft) return null;
  if (held.size === 0 && !holdsStatus) {
    await deleteServiceDraft(trx, service.id);
    return null;
  }
  const copy = serverCopy(service);
  const rebased: ServiceDraft = {
    serviceId: service.id,
    baseRecord: copy.record,
    record: withFieldsFrom(copy.record, draft.record, held),
    status: holdsStatus ? draft.status : copy.status,
    updatedAt: draft.updatedAt,
  };
  await putServiceDraft(trx, rebased);
  return rebased;
}

/** Writes an overlay and refreshes the service's list columns to show it. */
export async function writeServiceOverlay(
  trx: Knex,
  service: Service,
  draft: ServiceDraft | null,
): Promise<void> {
  if (draft) await putServiceDraft(trx, draft);
  else await deleteServiceDraft(trx, service.id);
  const name = await getServiceName(trx, service.serviceNameId);
  const put: ServicePut = { service, name: name?.name ?? '', overlay: draft };
  await putServices(trx, [put]);
}
