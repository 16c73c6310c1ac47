import { DomainError } from '../../shared/errors';
import type { Remark } from '../../shared/domain/remark';
import type { ReviewAction, ReviewEvent } from '../../shared/domain/review-event';
import type { ServiceVersion } from '../../shared/domain/service';
import { submissionProblems } from '../../shared/domain/submission-rules';
import type { MutationArgs } from '../../shared/sync/mutations';
import { transition } from '../../shared/workflow/state-machine';
import { authorize } from '../authorization/policy';
import type { ApplyContext, ApplyOutcome } from './context';
import {
  findPublishedVersion,
  findWorkingVersion,
  loadServiceForUpdate,
  markServiceChanged,
} from './service-state';
import type { ServiceState } from './service-state';

/** Sends the working version to VXSİDA once it holds everything a submission needs. */
export async function submitService(
  ctx: ApplyContext,
  args: MutationArgs<'service.submit'>,
): Promise<ApplyOutcome> {
  const state = await loadServiceForUpdate(ctx.trx, args.serviceId);
  authorize(ctx.user, 'service.submit', { agencyId: state.row.agency_id });
  const working = requireWorking(state);
  const status = transition('serviceVersion', working.status, 'submit');

  const categories = await ctx.trx('categories').pluck('code');
  const problems = submissionProblems(working.record, new Set(categories.map(String)));
  if (problems.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The record is not complete enough to submit',
      problems.map((problem) => ({ ...problem, path: `record.${problem.path}` })),
    );
  }

  const submissionNo = working.submissionNo + 1;
  await ctx
    .trx('service_versions')
    .where('id', working.id)
    .update({
      status,
      submission_no: submissionNo,
      submitted_at: ctx.now,
      submitted_by: ctx.user.id,
      updated_at: ctx.now,
      history: withEvent(ctx, working, 'submitted', submissionNo),
    });
  const revision = await markServiceChanged(
    ctx,
    state,
    findPublishedVersion(state) !== undefined,
  );
  ctx.audit.push({
    actorId: ctx.user.id,
    action: 'service.submit',
    entityType: 'service',
    entityId: state.row.id,
    mutationId: ctx.mutationId,
    details: { versionId: working.id, submissionNo },
  });
  return { status: 'applied', entityId: state.row.id, revision };
}

/** Takes a submission back to draft before VXSİDA decides on it. */
export async function withdrawService(
  ctx: ApplyContext,
  args: MutationArgs<'service.withdraw'>,
): Promise<ApplyOutcome> {
  const state = await loadServiceForUpdate(ctx.trx, args.serviceId);
  authorize(ctx.user, 'service.withdraw', { agencyId: state.row.agency_id });
  const working = requireWorking(state);
  const status = transition('serviceVersion', working.status, 'withdraw');

  await ctx
    .trx('service_versions')
    .where('id', working.id)
    .update({
      status,
      updated_at: ctx.now,
      history: withEvent(ctx, working, 'withdrawn', working.submissionNo),
    });
  const revision = await markServiceChanged(
    ctx,
    state,
    findPublishedVersion(state) !== undefined,
  );
  ctx.audit.push({
    actorId: ctx.user.id,
    action: 'service.withdraw',
    entityType: 'service',
    entityId: state.row.id,
    mutationId: ctx.mutationId,
    details: { versionId: working.id, submissionNo: working.submissionNo },
  });
  return { status: 'applied', entityId: state.row.id, revision };
}

/**
 * A reviewer approves or returns exactly the submission they looked at. Any
 * other state of the service makes the decision stale; it is never applied
 * to a different revision.
 */
export async function decideService(
  ctx: ApplyContext,
  args: MutationArgs<'service.decide'>,
): Promise<ApplyOutcome> {
  const state = await loadServiceForUpdate(ctx.trx, args.serviceId);
  authorize(ctx.user, 'service.decide', { agencyId: state.row.agency_id });
  const working = findWorkingVersion(state);
  if (
    !working ||
    working.id !== args.versionId ||
    working.status !== 'submitted' ||
    working.submissionNo !== args.submissionNo
  ) {
    return {
      status: 'conflict',
      code: 'STALE_DECISION',
      entityId: state.row.id,
      message: 'The service changed since this submission was reviewed; review it again',
      conflicts: [],
      appliedFields: [],
      revision: state.revision,
    };
  }

  const status = transition('serviceVersion', 'submitted', args.decision);
  await ctx
    .trx('service_versions')
    .where('id', working.id)
    .update({
      status,
      remarks: JSON.stringify(args.remarks),
      decided_at: ctx.now,
      decided_by: ctx.user.id,
      updated_at: ctx.now,
      history: withEvent(
        ctx,
        working,
        args.decision === 'approve' ? 'approved' : 'returned',
        args.submissionNo,
        args.remarks,
      ),
    });
  const isPublished = status === 'approved' || findPublishedVersion(state) !== undefined;
  const revision = await markServiceChanged(ctx, state, isPublished);
  ctx.audit.push({
    actorId: ctx.user.id,
    action: args.decision === 'approve' ? 'service.approve' : 'service.return',
    entityType: 'service',
    entityId: state.row.id,
    mutationId: ctx.mutationId,
    details: {
      versionId: working.id,
      submissionNo: args.submissionNo,
      remarks: args.remarks.length,
    },
  });
  return { status: 'applied', entityId: state.row.id, revision };
}

/** The version's history with one more step, as the column stores it. */
function withEvent(
  ctx: ApplyContext,
  version: ServiceVersion,
  action: ReviewAction,
  submissionNo: number,
  remarks: Remark[] = [],
): string {
  const event: ReviewEvent = {
    action,
    submissionNo,
    actorId: ctx.user.id,
    actorName: ctx.user.displayName,
    at: ctx.now,
    remarks,
  };
  return JSON.stringify([...version.history, event]);
}

function requireWorking(state: ServiceState) {
  const working = findWorkingVersion(state);
  if (!working) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      'The service has no version being worked on; save a draft first',
      [{ path: 'status', message: 'no working version' }],
    );
  }
  return working;
}
