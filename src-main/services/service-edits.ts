import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Service } from '../../shared/domain/service';
import { submissionProblems } from '../../shared/domain/submission-rules';
import {
  emptyServiceRecord,
  serviceRecordSchema,
} from '../../shared/domain/service-record';
import type { ServiceRecord } from '../../shared/domain/service-record';
import { DomainError, parseOrThrow } from '../../shared/errors';
import { transition } from '../../shared/workflow/state-machine';
import {
  dropUnsentEntry,
  enqueue,
  newestEntryFor,
  updateOutboxEntry,
} from '../local-store/outbox-table';
import { clearHeldInputs } from '../local-store/held-inputs-table';
import { listCategories } from '../local-store/reference-tables';
import { getServiceDraft } from '../local-store/service-drafts-table';
import { getServiceName } from '../local-store/service-names-table';
import { getService } from '../local-store/services-table';
import { requireAgencyStaff } from './actor';
import type { Actor } from './actor';
import { coalesceChanges, diffRecords } from './field-changes';
import type { ServiceFieldChange } from './field-changes';
import { freshOverlay, writeServiceOverlay } from './service-overlay';

/**
 * Local edits of services. Each commits the changed overlay and its outbox
 * entry in one SQLite transaction, so a crash leaves both or neither.
 */

async function loadService(trx: Knex, serviceId: string): Promise<Service> {
  const service = await getService(trx, serviceId);
  if (!service) {
    throw new DomainError('NOT_FOUND', 'No such service on this computer', [
      { path: 'serviceId', message: 'not found' },
    ]);
  }
  return service;
}

async function labelOf(trx: Knex, service: Service): Promise<string> {
  const name = await getServiceName(trx, service.serviceNameId);
  return name?.name ?? service.registryCode;
}

/** Creates a service under an approved name of the user's agency, offline if need be. */
export async function createService(
  db: Knex,
  actor: Actor,
  serviceNameId: string,
): Promise<string> {
  return db.transaction(async (trx) => {
    const name = await getServiceName(trx, serviceNameId);
    if (!name) {
      throw new DomainError('NOT_FOUND', 'No such service name', [
        { path: 'serviceNameId', message: 'not found' },
      ]);
    }
    requireAgencyStaff(actor, name.agencyId);
    if (name.status !== 'approved') {
      throw new DomainError('NAME_NOT_APPROVED', 'The service name is not approved yet', [
        { path: 'serviceNameId', message: `the name is ${name.status}` },
      ]);
    }

    const now = new Date().toISOString();
    const serviceId = randomUUID();
    const versionId = randomUUID();
    const record = emptyServiceRecord();
    // Revision 0 marks a service the server has not confirmed yet.
    const service: Service = {
      id: serviceId,
      agencyId: name.agencyId,
      serviceNameId,
      registryCode: '',
      revision: 0,
      createdAt: now,
      versions: [
        {
          id: versionId,
          serviceId,
          number: 1,
          status: 'draft',
          record,
          submissionNo: 0,
          remarks: [],
          createdAt: now,
          createdBy: actor.user.id,
          updatedAt: now,
          submittedAt: null,
          submittedBy: null,
          decidedAt: null,
          decidedBy: null,
          history: [],
        },
      ],
    };
    await writeServiceOverlay(trx, service, freshOverlay(service));
    await enqueue(trx, {
      clientId: actor.clientId,
      name: 'service.create',
      entityId: serviceId,
      entityLabel: name.name,
      args: { serviceId, versionId, agencyId: name.agencyId, serviceNameId, record },
    });
    return serviceId;
  });
}

/**
 * Saves the editor's values as the local draft and queues the fields that
 * changed, each with the value it had before (the base the server merges
 * against). An unsent entry for the same service absorbs the new changes.
 * Held-back raw input of the saved fields is cleared in the same transaction.
 */
export async function saveServiceDraft(
  db: Knex,
  actor: Actor,
  serviceId: string,
  values: Partial<ServiceRecord>,
): Promise<void> {
  await db.transaction(async (trx) => {
    const service = await loadService(trx, serviceId);
    requireAgencyStaff(actor, service.agencyId);
    const overlay = (await getServiceDraft(trx, serviceId)) ?? freshOverlay(service);
    transition('serviceVersion', overlay.status, 'edit');

    const record = parseOrThrow(
      serviceRecordSchema,
      { ...overlay.record, ...values },
      'service record',
    );
    // A field that saves no longer needs what was held back for it, even
    // when the user typed it back to the value it already had.
    await clearHeldInputs(trx, serviceId, Object.keys(values));
    const changes = diffRecords(overlay.record, record);
    if (changes.length === 0) return;

    const now = new Date().toISOString();
    await writeServiceOverlay(trx, service, { ...overlay, record, updatedAt: now });
    await queueChanges(trx, actor, service, changes);
  });
}

/** Queues field changes for a service, folding them into its unsent entry when there is one. */
export async function queueChanges(
  trx: Knex,
  actor: Actor,
  service: Service,
  changes: ServiceFieldChange[],
): Promise<void> {
  const newest = await newestEntryFor(trx, service.id);
  if (
    newest &&
    newest.name === 'service.saveDraft' &&
    newest.state === 'pending' &&
    newest.attempts === 0 &&
    newest.clientId === actor.clientId
  ) {
    const merged = coalesceChanges(newest.args.changes as ServiceFieldChange[], changes);
    if (merged.length === 0) await dropUnsentEntry(trx, newest);
    else
      await updateOutboxEntry(trx, newest.id, {
        args: { ...newest.args, changes: merged },
      });
    return;
  }
  await enqueue(trx, {
    clientId: actor.clientId,
    name: 'service.saveDraft',
    entityId: service.id,
    entityLabel: await labelOf(trx, service),
    args: { serviceId: service.id, newVersionId: randomUUID(), changes },
  });
}

/** Submits the local draft for review; refused locally by the same rules the server applies. */
export async function submitService(
  db: Knex,
  actor: Actor,
  serviceId: string,
): Promise<void> {
  await db.transaction(async (trx) => {
    const service = await loadService(trx, serviceId);
    requireAgencyStaff(actor, service.agencyId);
    const overlay = (await getServiceDraft(trx, serviceId)) ?? freshOverlay(service);
    const status = transition('serviceVersion', overlay.status, 'submit');

    const categories = await listCategories(trx);
    const problems = submissionProblems(
      overlay.record,
      new Set(categories.map((category) => category.code)),
    );
    if (problems.length > 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'The record is not complete enough to submit',
        problems,
      );
    }

    await writeServiceOverlay(trx, service, {
      ...overlay,
      status,
      updatedAt: new Date().toISOString(),
    });
    await enqueue(trx, {
      clientId: actor.clientId,
      name: 'service.submit',
      entityId: serviceId,
      entityLabel: await labelOf(trx, service),
      args: { serviceId },
    });
  });
}

/** Takes a submission back to draft. */
export async function withdrawService(
  db: Knex,
  actor: Actor,
  serviceId: string,
): Promise<void> {
  await db.transaction(async (trx) => {
    const service = await loadService(trx, serviceId);
    requireAgencyStaff(actor, service.agencyId);
    const overlay = (await getServiceDraft(trx, serviceId)) ?? freshOverlay(service);
    const status = transition('serviceVersion', overlay.status, 'withdraw');

    await writeServiceOverlay(trx, service, {
      ...overlay,
      status,
      updatedAt: new Date().toISOString(),
    });
    await enqueue(trx, {
      clientId: actor.clientId,
      name: 'service.withdraw',
      entityId: serviceId,
      entityLabel: await labelOf(trx, service),
      args: { serviceId },
    });
  });
}
