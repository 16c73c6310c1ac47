import { DomainError } from '../../shared/errors';
import type { MutationArgs } from '../../shared/sync/mutations';
import { transition } from '../../shared/workflow/state-machine';
import { authorize } from '../authorization/policy';
import { lockRow, toNumber } from '../db/rows';
import { insertOrRefuse } from './insert-or-refuse';
import type { ApplyContext, ApplyOutcome } from './context';
import type { ServiceNameRow } from './rows';

/** An agency proposes a service name; it goes straight to VXSİDA for review. */
export async function proposeServiceName(
  ctx: ApplyContext,
  args: MutationArgs<'serviceName.propose'>,
): Promise<ApplyOutcome> {
  authorize(ctx.user, 'serviceName.propose', { agencyId: args.agencyId });
  // The primary key refuses a used id; no read ahead of the insert.
  await insertOrRefuse(
    ctx.trx('service_names').insert({
      id: args.serviceNameId,
      agency_id: args.agencyId,
      name: args.name,
      aliases: JSON.stringify(args.aliases),
      status: transition('serviceName', 'draft', 'submit'),
      submission_no: 1,
      reason: '',
      revision: 1,
      proposed_by: ctx.user.id,
      proposed_at: ctx.now,
      decided_by: null,
      decided_at: null,
    } satisfies ServiceNameRow),
    'args.serviceNameId',
    'A service name with this id already exists',
  );
  ctx.feed.push({
    entityType: 'serviceName',
    entityId: args.serviceNameId,
    agencyId: args.agencyId,
    isPublic: false,
  });
  ctx.audit.push({
    actorId: ctx.user.id,
    action: 'serviceName.propose',
    entityType: 'serviceName',
    entityId: args.serviceNameId,
    mutationId: ctx.mutationId,
    details: { name: args.name, agencyId: args.agencyId },
  });
  return { status: 'applied', entityId: args.serviceNameId, revision: 1 };
}

/** A reviewer approves or rejects the exact submission they looked at. */
export async function decideServiceName(
  ctx: ApplyContext,
  args: MutationArgs<'serviceName.decide'>,
): Promise<ApplyOutcome> {
  await lockRow(ctx.trx, 'service_names', 'id', args.serviceNameId);
  const row = await ctx
    .trx<ServiceNameRow>('service_names')
    .where('id', args.serviceNameId)
    .first();
  if (!row) {
    throw new DomainError('NOT_FOUND', 'No such service name', [
      { path: 'args.serviceNameId', message: 'not found' },
    ]);
  }
  authorize(ctx.user, 'serviceName.decide', { agencyId: row.agency_id });

  const revision = toNumber(row.revision);
  if (row.status !== 'submitted' || toNumber(row.submission_no) !== args.submissionNo) {
    return {
      status: 'conflict',
      code: 'STALE_DECISION',
      entityId: row.id,
      message: `The name is now ${row.status} (submission ${toNumber(row.submission_no)}); the decision was made on submission ${args.submissionNo}`,
      conflicts: [],
      appliedFields: [],
      revision,
    };
  }

  const status = transition('serviceName', 'submitted', args.decision);
  await ctx
    .trx('service_names')
    .where('id', row.id)
    .update({
      status,
      reason: args.reason,
      revision: revision + 1,
      decided_by: ctx.user.id,
      decided_at: ctx.now,
    });
  ctx.feed.push({
    entityType: 'serviceName',
    entityId: row.id,
    agencyId: row.agency_id,
    isPublic: status === 'approved',
  });
  ctx.audit.push({
    actorId: ctx.user.id,
    action: args.decision === 'approve' ? 'serviceName.approve' : 'serviceName.reject',
    entityType: 'serviceName',
    entityId: row.id,
    mutationId: ctx.mutationId,
    details: { submissionNo: args.submissionNo, reason: args.reason },
  });
  return { status: 'applied', entityId: row.id, revision: revision + 1 };
}
