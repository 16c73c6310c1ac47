import { DomainError } from '../../shared/errors';
import type { DuplicateCandidate } from '../../shared/duplicates/duplicate-candidate';
import type { MutationArgs } from '../../shared/sync/mutations';
import { authorize } from '../authorization/policy';
import { toNumber } from '../db/rows';
import type { ApplyContext, ApplyOutcome } from '../registry/context';
import {
  candidateFeed,
  candidateFromRow,
  candidateToRow,
  lockCandidates,
} from './candidate-rows';

/**
 * A reviewer marks a duplicate candidate: a duplicate, not one, or a
 * proposal to the two agencies to merge their services, with a note. The
 * mark names the revision the reviewer saw: another reviewer's mark or a
 * rescored pair since makes it a stale-decision conflict, never an
 * overwrite, like a decision on a submission.
 */
export async function markDuplicate(
  ctx: ApplyContext,
  args: MutationArgs<'duplicate.mark'>,
): Promise<ApplyOutcome> {
  authorize(ctx.user, 'duplicate.mark');
  const row = (await lockCandidates(ctx.trx, [args.candidateId])).get(args.candidateId);
  if (!row) {
    throw new DomainError('NOT_FOUND', 'No such duplicate candidate', [
      { path: 'args.candidateId', message: 'not found' },
    ]);
  }
  const revision = toNumber(row.revision);
  if (revision !== args.baseRevision) {
    return {
      status: 'conflict',
      code: 'STALE_DECISION',
      entityId: row.id,
      message: `The pair was marked or rescored since you looked at it (now revision ${revision}); look at it again`,
      conflicts: [],
      appliedFields: [],
      revision,
    };
  }
  const previous = candidateFromRow(row);
  const candidate: DuplicateCandidate = {
    ...previous,
    revision: revision + 1,
    mark: {
      kind: args.kind,
      note: args.note,
      markedBy: ctx.user.id,
      markedByName: ctx.user.displayName,
      markedAt: ctx.now,
    },
  };
  await ctx
    .trx('duplicate_candidates')
    .where('id', row.id)
    .update(candidateToRow(candidate, ctx.now));
  ctx.feed.push(candidateFeed(row.id, row.a_agency_id));
  ctx.audit.push({
    actorId: ctx.user.id,
    action: 'duplicate.mark',
    entityType: 'duplicateCandidate',
    entityId: row.id,
    mutationId: ctx.mutationId,
    details: {
      aServiceId: candidate.aServiceId,
      bServiceId: candidate.bServiceId,
      kind: args.kind,
      note: args.note,
      previousKind: previous.mark?.kind ?? null,
      revision: candidate.revision,
    },
  });
  return { status: 'applied', entityId: row.id, revision: candidate.revision };
}
