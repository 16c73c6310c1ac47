import type { Knex } from 'knex';
import type { OutboxEntry } from '../../shared/contract/sync-status';
import type { ServiceDetail, ServiceNameRow } from '../../shared/contract/views';
import { workingVersion } from '../../shared/domain/service';
import { emptyServiceRecord } from '../../shared/domain/service-record';
import { submissionProblems } from '../../shared/domain/submission-rules';
import type { User } from '../../shared/domain/user';
import { DomainError } from '../../shared/errors';
import { isEditable } from '../../shared/workflow/state-machine';
import { heldInputsOf } from '../local-store/held-inputs-table';
import { listOutbox } from '../local-store/outbox-table';
import type { OutboxRecord } from '../local-store/outbox-table';
import { listCategories } from '../local-store/reference-tables';
import { getServiceDraft } from '../local-store/service-drafts-table';
import { getServiceName, listServiceNames } from '../local-store/service-names-table';
import { getService } from '../local-store/services-table';
import { effectiveVersion } from '../../shared/sync/synced-rows';
import { unsettledFields } from '../services/service-overlay';

/** An outbox entry as the outbox panel shows it; settled entries are not shown. */
export function outboxEntryView(entry: OutboxRecord): OutboxEntry | null {
  if (entry.state === 'resolved') return null;
  const result = entry.result;
  const open = entry.state === 'conflict' ? new Set(unsettledFields(entry)) : new Set();
  return {
    id: entry.id,
    mutationId: entry.mutationId,
    clientSeq: entry.clientSeq,
    name: entry.name,
    entityId: entry.entityId,
    entityLabel: entry.entityLabel,
    state: entry.state,
    createdAt: entry.createdAt,
    attempts: entry.attempts,
    error: result?.status === 'rejected' ? result.error : null,
    conflicts:
      result?.status === 'conflict'
        ? result.conflicts.filter((conflict) => open.has(conflict.field))
        : [],
    conflictCode: result?.status === 'conflict' ? result.code : null,
  };
}

/** Every unsettled entry, oldest first. */
export async function outboxView(db: Knex, entityId?: string): Promise<OutboxEntry[]> {
  const entries = await listOutbox(db, entityId ? { entityId } : {});
  return entries.flatMap((entry) => outboxEntryView(entry) ?? []);
}

/** Everything the editor needs for one service: the server document and the local draft over it. */
export async function serviceDetail(
  db: Knex,
  user: User | null,
  serviceId: string,
): Promise<ServiceDetail> {
  const service = await getService(db, serviceId);
  if (!service) {
    throw new DomainError('NOT_FOUND', 'No such service on this computer', [
      { path: 'serviceId', message: 'not found' },
    ]);
  }
  const draft = await getServiceDraft(db, serviceId);
  const shown = effectiveVersion(service, draft ?? null);
  const record = shown.record ?? emptyServiceRecord();
  const isOwnAgency = user?.role === 'agencyStaff' && user.agencyId === service.agencyId;
  // A published service with nothing in progress can be edited: that opens a new version.
  const opensNewVersion = !draft && workingVersion(service) === undefined;
  const categories = await listCategories(db);

  return {
    service,
    serviceName: (await getServiceName(db, service.serviceNameId)) ?? null,
    draft: record,
    draftStatus: shown.status,
    canEdit: isOwnAgency && (opensNewVersion || isEditable(shown.status)),
    submissionProblems: submissionProblems(
      record,
      new Set(categories.map((category) => category.code)),
    ),
    outbox: await outboxView(db, serviceId),
    heldInputs: await heldInputsOf(db, serviceId),
  };
}

/** Service names with their local sync state. */
export async function serviceNameRows(db: Knex): Promise<ServiceNameRow[]> {
  const names = await listServiceNames(db);
  const entries = await listOutbox(db, {
    states: ['pending', 'sending', 'applied', 'rejected', 'conflict'],
  });
  const stateOf = (id: string): ServiceNameRow['syncState'] => {
    const own = entries.filter((entry) => entry.entityId === id);
    if (own.some((entry) => entry.state === 'conflict')) return 'conflict';
    if (own.some((entry) => entry.state === 'rejected')) return 'rejected';
    return own.length > 0 ? 'pending' : 'synced';
  };
  return names.map((name) => ({ ...name, syncState: stateOf(name.id) }));
}
