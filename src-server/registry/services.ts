import { DomainError } from '../../shared/errors';
import type { FieldError } from '../../shared/errors';
import type { ServiceVersion } from '../../shared/domain/service';
import {
  emptyServiceRecord,
  serviceRecordSchema,
} from '../../shared/domain/service-record';
import type { ServiceField, ServiceRecord } from '../../shared/domain/service-record';
import { mergeFieldChanges } from '../../shared/sync/merge';
import type { MutationArgs } from '../../shared/sync/mutations';
import { transition } from '../../shared/workflow/state-machine';
import { authorize } from '../authorization/policy';
import { rawRows } from '../db/rows';
import type { AuditInput } from '../audit/record';
import { insertOrRefuse } from './insert-or-refuse';
import { provisionalRegistryCode } from './registry-codes';
import type { ApplyContext, ApplyOutcome } from './context';
import { versionToRow } from './rows';
import {
  findPublishedVersion,
  findWorkingVersion,
  loadServiceForUpdate,
  markServiceChanged,
} from './service-state';

/** Creates a service under an approved name, with version 1 as a draft. */
export async function createService(
  ctx: ApplyContext,
  args: MutationArgs<'service.create'>,
): Promise<ApplyOutcome> {
  authorize(ctx.user, 'service.create', { agencyId: args.agencyId });
  // One statement checks the name and inserts the service: the row is
  // written only under an approved name of the agency, and the primary key
  // refuses a used id. The real registry code is assigned when the batch
  // ends (registry-codes.ts).
  const inserted = await insertOrRefuse(
    ctx.trx.raw(
      'INSERT INTO services (id, agency_id, service_name_id, registry_code, revision, created_at) ' +
        "SELECT ?, agency_id, id, ?, 1, ? FROM service_names WHERE id = ? AND status = 'approved' AND agency_id = ? " +
        'RETURNING id',
      [
        args.serviceId,
        provisionalRegistryCode(args.serviceId),
        ctx.now,
        args.serviceNameId,
        args.agencyId,
      ],
    ),
    'args.serviceId',
    'This service id is already used',
  );
  if (rawRows(inserted).length === 0) {
    throw new DomainError(
      'NAME_NOT_APPROVED',
      'A service can only be created under an approved name of its own agency',
      [{ path: 'args.serviceNameId', message: 'not an approved name of this agency' }],
    );
  }
  await insertOrRefuse(
    ctx
      .trx('service_versions')
      .insert(
        versionToRow(newVersion(ctx, args.versionId, args.serviceId, 1, args.record)),
      ),
    'args.versionId',
    'This version id is already used',
  );
  ctx.feed.push({
    entityType: 'service',
    entityId: args.serviceId,
    agencyId: args.agencyId,
    isPublic: false,
  });
  const audit: AuditInput = {
    actorId: ctx.user.id,
    action: 'service.create',
    entityType: 'service',
    entityId: args.serviceId,
    mutationId: ctx.mutationId,
    details: { serviceNameId: args.serviceNameId },
  };
  ctx.audit.push(audit);
  ctx.registryCodes.push({ serviceId: args.serviceId, audit });
  return { status: 'applied', entityId: args.serviceId, revision: 1 };
}

/**
 * Saves field changes to the working version, merging three-way against the
 * stored record: fields only the client changed are written, fields both
 * sides changed differently come back as a conflict for the user.
 */
export async function saveServiceDraft(
  ctx: ApplyContext,
  args: MutationArgs<'service.saveDraft'>,
): Promise<ApplyOutcome> {
  const state = await loadServiceForUpdate(ctx.trx, args.serviceId);
  authorize(ctx.user, 'service.edit', { agencyId: state.row.agency_id });
  const published = findPublishedVersion(state);

  let working = findWorkingVersion(state);
  let isOpened = false;
  if (!working) {
    const number = Math.max(0, ...state.versions.map((version) => version.number)) + 1;
    const record = published ? published.record : emptyServiceRecord();
    working = newVersion(ctx, args.newVersionId, state.row.id, number, record);
    isOpened = true;
  }
  transition('serviceVersion', working.status, 'edit');

  const merge = mergeFieldChanges<ServiceField>(working.record, args.changes);
  const merged: Record<string, unknown> = { ...working.record };
  for (const change of merge.apply) merged[change.field] = change.value;
  const record = parseRecord(merged);

  const appliedFields = merge.apply.map((change) => change.field);
  let revision = state.revision;
  if (isOpened || appliedFields.length > 0) {
    if (isOpened) {
      await insertOrRefuse(
        ctx.trx('service_versions').insert(versionToRow({ ...working, record })),
        'args.newVersionId',
        'The new version id is already used',
      );
    } else {
      await ctx
        .trx('service_versions')
        .where('id', working.id)
        .update({ record: JSON.stringify(record), updated_at: ctx.now });
    }
    revision = await markServiceChanged(ctx, state, published !== undefined);
    ctx.audit.push({
      actorId: ctx.user.id,
      action: 'service.edit',
      entityType: 'service',
      entityId: state.row.id,
      mutationId: ctx.mutationId,
      details: { versionId: working.id, fields: appliedFields, opened: isOpened },
    });
  }

  if (merge.conflicts.length > 0) {
    return {
      status: 'conflict',
      code: 'FIELD_CONFLICT',
      entityId: state.row.id,
      message: `Someone else changed ${merge.conflicts.map((c) => c.field).join(', ')} since your copy`,
      conflicts: merge.conflicts,
      appliedFields,
      revision,
    };
  }
  return { status: 'applied', entityId: state.row.id, revision };
}

/** Validates a merged record; invalid values refuse the whole save, naming each field. */
function parseRecord(value: Record<string, unknown>): ServiceRecord {
  const result = serviceRecordSchema.safeParse(value);
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => ({
    path: ['record', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new DomainError(
    'VALIDATION_FAILED',
    'The saved record has invalid values',
    fields,
  );
}

function newVersion(
  ctx: ApplyContext,
  id: string,
  serviceId: string,
  number: number,
  record: ServiceRecord,
): ServiceVersion {
  return {
    id,
    serviceId,
    number,
    status: 'draft',
    record,
    submissionNo: 0,
    remarks: [],
    createdAt: ctx.now,
    createdBy: ctx.user.id,
    updatedAt: ctx.now,
    submittedAt: null,
    submittedBy: null,
    decidedAt: null,
    decidedBy: null,
    history: [],
  };
}
