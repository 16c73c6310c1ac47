import type { Knex } from 'knex';
import { serviceRecordSchema } from '../../shared/domain/service-record';
import type { ServiceField } from '../../shared/domain/service-record';
import { DomainError, parseOrThrow } from '../../shared/errors';
import { deepEqual } from '../../shared/sync/merge';
import {
  deleteOutboxEntry,
  enqueue,
  getOutboxEntry,
  updateOutboxEntry,
} from '../local-store/outbox-table';
import type { OutboxRecord } from '../local-store/outbox-table';
import { deleteServiceDraft, getServiceDraft } from '../local-store/service-drafts-table';
import { removeServiceName } from '../local-store/service-names-table';
import { getService, removeService } from '../local-store/services-table';
import { requireAgencyStaff } from './actor';
import type { Actor } from './actor';
import { queueChanges } from './service-edits';
import {
  freshOverlay,
  rebaseServiceOverlay,
  serverCopy,
  unsettledFields,
  withFieldsFrom,
  writeServiceOverlay,
} from './service-overlay';

async function entryIn(
  trx: Knex,
  entryId: number,
  state: OutboxRecord['state'],
): Promise<OutboxRecord> {
  const entry = await getOutboxEntry(trx, entryId);
  if (!entry) {
    throw new DomainError('NOT_FOUND', 'No such outbox entry', [
      { path: 'entryId', message: 'not found' },
    ]);
  }
  if (entry.state !== state) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `The entry is ${entry.state}, not ${state}`,
      [{ path: 'entryId', message: `entry is ${entry.state}` }],
    );
  }
  return entry;
}

/**
 * Settles one conflicting field: keep mine (sent again against theirs),
 * take theirs (local value replaced, nothing sent) or an edited value (sent
 * against theirs). When no conflicting field is left the entry is resolved.
 */
export async function resolveConflict(
  db: Knex,
  actor: Actor,
  request: {
    entryId: number;
    field: ServiceField;
    resolution: 'mine' | 'theirs' | 'edit';
    value?: unknown;
  },
): Promise<void> {
  await db.transaction(async (trx) => {
    const entry = await entryIn(trx, request.entryId, 'conflict');
    const result = entry.result;
    const conflict =
      result?.status === 'conflict'
        ? result.conflicts.find((candidate) => candidate.field === request.field)
        : undefined;
    if (
      result?.status !== 'conflict' ||
      !conflict ||
      !unsettledFields(entry).includes(request.field)
    ) {
      throw new DomainError(
        'NOT_FOUND',
        'That field has no open conflict in this entry',
        [{ path: 'field', message: 'no open conflict' }],
      );
    }
    const service = await getService(trx, entry.entityId);
    if (!service)
      throw new DomainError('NOT_FOUND', 'The service is no longer on this computer');
    requireAgencyStaff(actor, service.agencyId);

    const overlay = (await getServiceDraft(trx, service.id)) ?? freshOverlay(service);
    let value: unknown;
    if (request.resolution === 'mine') value = conflict.mine;
    else if (request.resolution === 'theirs') value = conflict.theirs;
    else {
      if (request.value === undefined) {
        throw new DomainError('VALIDATION_FAILED', 'An edited resolution needs a value', [
          { path: 'value', message: 'required for "edit"' },
        ]);
      }
      value = request.value;
    }
    const record = parseOrThrow(
      serviceRecordSchema,
      { ...overlay.record, [request.field]: value },
      'service record',
    );
    const baseRecord = parseOrThrow(
      serviceRecordSchema,
      { ...overlay.baseRecord, [request.field]: conflict.theirs },
      'service record',
    );
    await writeServiceOverlay(trx, service, {
      ...overlay,
      record,
      baseRecord,
      updatedAt: new Date().toISOString(),
    });
    if (!deepEqual(record[request.field], conflict.theirs)) {
      await queueChanges(trx, actor, service, [
        { field: request.field, base: conflict.theirs, value: record[request.field] },
      ]);
    }

    const resolvedFields = [...(result.resolvedFields ?? []), request.field];
    const isSettled = result.conflicts.every((c) => resolvedFields.includes(c.field));
    await updateOutboxEntry(trx, entry.id, {
      state: isSettled ? 'resolved' : 'conflict',
      result: { ...result, resolvedFields },
    });
  });
}

/**
 * Drops an entry the user has dealt with: a rejection (its local change is
 * reverted to the server's), or a decision the server found stale, which
 * changed nothing locally; the reviewer decides the current submission anew.
 */
export async function dismissEntry(db: Knex, entryId: number): Promise<void> {
  const entry = await getOutboxEntry(db, entryId);
  if (entry?.state === 'conflict' && entry.result?.status === 'conflict') {
    if (entry.result.code !== 'STALE_DECISION') {
      throw new DomainError(
        'ILLEGAL_TRANSITION',
        'A field conflict is settled field by field, not dismissed',
        [{ path: 'entryId', message: 'entry has field conflicts' }],
      );
    }
    await deleteOutboxEntry(db, entry.id);
    return;
  }
  await dismissRejected(db, entryId);
}

/** Drops a rejected entry after the user has read it; its local change is reverted to the server's. */
async function dismissRejected(db: Knex, entryId: number): Promise<void> {
  await db.transaction(async (trx) => {
    const entry = await entryIn(trx, entryId, 'rejected');
    await deleteOutboxEntry(trx, entry.id);

    if (entry.name === 'serviceName.propose') {
      const stillLocal = await trx('service_names')
        .where({ id: entry.entityId, revision: 0 })
        .first<{ id: string } | undefined>('id');
      if (stillLocal) await removeServiceName(trx, entry.entityId);
      return;
    }
    const service = await getService(trx, entry.entityId);
    if (!service) return;
    if (service.revision === 0 && entry.name === 'service.create') {
      await removeService(trx, service.id);
      await deleteServiceDraft(trx, service.id);
      return;
    }
    const draft = await rebaseServiceOverlay(
      trx,
      service,
      await getServiceDraft(trx, service.id),
    );
    await writeServiceOverlay(trx, service, draft);
  });
}

/**
 * Sends a rejected entry again as a new intent (new mutation id, next
 * sequence number). A draft save is rebuilt against the server's current
 * values, so what the user sees locally is what is sent.
 */
export async function retryRejected(
  db: Knex,
  actor: Actor,
  entryId: number,
): Promise<void> {
  await db.transaction(async (trx) => {
    const entry = await entryIn(trx, entryId, 'rejected');
    await deleteOutboxEntry(trx, entry.id);
    if (entry.name !== 'service.saveDraft') {
      await enqueue(trx, {
        clientId: actor.clientId,
        name: entry.name,
        entityId: entry.entityId,
        entityLabel: entry.entityLabel,
        args: entry.args,
      });
      return;
    }
    const service = await getService(trx, entry.entityId);
    const draft = service ? await getServiceDraft(trx, service.id) : undefined;
    if (!service || !draft) return;
    const server = serverCopy(service).record;
    const fields = unsettledFields(entry);
    const changes = fields
      .map((field) => ({ field, base: server[field], value: draft.record[field] }))
      .filter((change) => !deepEqual(change.base, change.value));
    await writeServiceOverlay(trx, service, {
      ...draft,
      baseRecord: withFieldsFrom(draft.baseRecord, server, fields),
    });
    if (changes.length > 0) await queueChanges(trx, actor, service, changes);
  });
}
