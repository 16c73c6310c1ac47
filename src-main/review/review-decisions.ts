import type { Knex } from 'knex';
import type { z } from 'zod';
import type {
  decideServiceInputSchema,
  decideServiceNameInputSchema,
} from '../../shared/contract/review-views';
import { workingVersion } from '../../shared/domain/service';
import type { User } from '../../shared/domain/user';
import { DomainError } from '../../shared/errors';
import { enqueue } from '../local-store/outbox-table';
import { decisionEntries } from '../local-store/review-queue-queries';
import { getServiceName } from '../local-store/service-names-table';
import { getService } from '../local-store/services-table';
import type { Actor } from '../services/actor';

type DecideServiceInput = z.output<typeof decideServiceInputSchema>;
type DecideServiceNameInput = z.output<typeof decideServiceNameInputSchema>;

/**
 * A reviewer's decisions, queued in the outbox like every other change so
 * they work offline. Main refuses what the server would refuse from what it
 * knows locally; the server still decides, and answers a decision that was
 * overtaken meanwhile with a stale-decision conflict.
 */

/** Why this user may not decide a submission of `agencyId`, or null. */
export function decisionRefusal(
  user: Pick<User, 'role' | 'agencyId'> | null,
  agencyId: string,
): DomainError | null {
  if (user?.role !== 'reviewer') {
    return new DomainError('FORBIDDEN', 'Only VXSİDA reviewers decide submissions');
  }
  if (user.agencyId !== null && user.agencyId === agencyId) {
    return new DomainError(
      'OWN_AGENCY_DECISION',
      'Nobody may decide a submission of their own agency',
    );
  }
  return null;
}

async function refuseRepeat(trx: Knex, entityId: string, submissionNo: number) {
  const entries = await decisionEntries(trx, [entityId]);
  const open = entries.find(
    (entry) =>
      entry.submissionNo === submissionNo &&
      ['pending', 'sending', 'applied'].includes(entry.state),
  );
  if (open) {
    throw new DomainError(
      'DECISION_PENDING',
      'This submission already has your decision; it is waiting to reach the server',
      [{ path: 'submissionNo', message: 'already decided on this computer' }],
    );
  }
}

function stale(path: string): DomainError {
  return new DomainError(
    'STALE_DECISION',
    'The submission changed since it was opened; review it again',
    [{ path, message: 'not the submission now in review' }],
  );
}

/** Queues approval or return of exactly the submission the reviewer looked at. */
export async function decideService(
  db: Knex,
  actor: Actor,
  input: DecideServiceInput,
): Promise<void> {
  await db.transaction(async (trx) => {
    const service = await getService(trx, input.serviceId);
    if (!service) {
      throw new DomainError('NOT_FOUND', 'No such service on this computer', [
        { path: 'serviceId', message: 'not found' },
      ]);
    }
    const refusal = decisionRefusal(actor.user, service.agencyId);
    if (refusal) throw refusal;
    const working = workingVersion(service);
    if (
      working?.id !== input.versionId ||
      working.status !== 'submitted' ||
      working.submissionNo !== input.submissionNo
    ) {
      throw stale('submissionNo');
    }
    await refuseRepeat(trx, service.id, input.submissionNo);

    const name = await getServiceName(trx, service.serviceNameId);
    await enqueue(trx, {
      clientId: actor.clientId,
      name: 'service.decide',
      entityId: service.id,
      entityLabel: name?.name ?? service.registryCode,
      args: { ...input },
    });
  });
}

/** Queues approval or rejection of a proposed service name. */
export async function decideServiceName(
  db: Knex,
  actor: Actor,
  input: DecideServiceNameInput,
): Promise<void> {
  await db.transaction(async (trx) => {
    const name = await getServiceName(trx, input.serviceNameId);
    if (!name) {
      throw new DomainError('NOT_FOUND', 'No such service name on this computer', [
        { path: 'serviceNameId', message: 'not found' },
      ]);
    }
    const refusal = decisionRefusal(actor.user, name.agencyId);
    if (refusal) throw refusal;
    if (name.status !== 'submitted' || name.submissionNo !== input.submissionNo) {
      throw stale('submissionNo');
    }
    await refuseRepeat(trx, name.id, input.submissionNo);

    await enqueue(trx, {
      clientId: actor.clientId,
      name: 'serviceName.decide',
      entityId: name.id,
      entityLabel: name.name,
      args: { ...input },
    });
  });
}
