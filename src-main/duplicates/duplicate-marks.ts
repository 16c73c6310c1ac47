import type { Knex } from 'knex';
import type { z } from 'zod';
import type { markDuplicateInputSchema } from '../../shared/contract/duplicate-views';
import { DomainError } from '../../shared/errors';
import { getCandidate } from '../local-store/duplicate-candidates-table';
import { deleteOutboxEntry, enqueue, listOutbox } from '../local-store/outbox-table';
import type { Actor } from '../services/actor';

type MarkInput = z.output<typeof markDuplicateInputSchema>;

/**
 * Queues a reviewer's mark on a pair in the outbox, so it works offline.
 * Main refuses what the server would refuse from what it knows; the server
 * still decides, and answers a mark overtaken meanwhile (another reviewer's
 * mark, a rescored pair) with a stale-decision conflict. Marking again
 * after a refusal or a stale mark replaces that entry: the reviewer has
 * seen it and decided anew.
 */
export async function markDuplicate(db: Knex, actor: Actor, input: MarkInput) {
  return db.transaction(async (trx) => {
    if (actor.user.role !== 'reviewer') {
      throw new DomainError(
        'FORBIDDEN',
        'Only VXSİDA reviewers mark duplicate candidates',
      );
    }
    const candidate = await getCandidate(trx, input.candidateId);
    if (!candidate) {
      throw new DomainError('NOT_FOUND', 'No such duplicate candidate on this computer', [
        { path: 'candidateId', message: 'not found' },
      ]);
    }
    if (candidate.revision !== input.baseRevision) {
      throw new DomainError(
        'STALE_DECISION',
        'The pair changed since it was opened; look at it again',
        [{ path: 'baseRevision', message: `now revision ${candidate.revision}` }],
      );
    }
    const entries = (await listOutbox(trx, { entityId: candidate.id })).filter(
      (entry) => entry.name === 'duplicate.mark',
    );
    if (
      entries.some((entry) => ['pending', 'sending', 'applied'].includes(entry.state))
    ) {
      throw new DomainError(
        'DECISION_PENDING',
        'This pair already has your mark; it is waiting to reach the server',
        [{ path: 'candidateId', message: 'already marked on this computer' }],
      );
    }
    for (const entry of entries) await deleteOutboxEntry(trx, entry.id);
    const names = (await trx('services')
      .whereIn('id', [candidate.aServiceId, candidate.bServiceId])
      .pluck('name')) as string[];
    await enqueue(trx, {
      clientId: actor.clientId,
      name: 'duplicate.mark',
      entityId: candidate.id,
      entityLabel: names.join(' ⇄ '),
      args: { ...input },
    });
    return candidate;
  });
}
