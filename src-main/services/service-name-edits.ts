import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { ServiceName } from '../../shared/domain/service-name';
import { DomainError } from '../../shared/errors';
import { transition } from '../../shared/workflow/state-machine';
import { enqueue } from '../local-store/outbox-table';
import { putServiceNames } from '../local-store/service-names-table';
import type { Actor } from './actor';

/** Proposes a service name for the user's agency; it shows at once as submitted. */
export async function proposeServiceName(
  db: Knex,
  actor: Actor,
  proposal: { name: string; aliases: string[] },
): Promise<ServiceName> {
  const agencyId = actor.user.agencyId;
  if (actor.user.role !== 'agencyStaff' || agencyId === null) {
    throw new DomainError('FORBIDDEN', 'Only agency staff propose service names', [
      { path: 'name', message: 'not agency staff' },
    ]);
  }
  return db.transaction(async (trx) => {
    const name: ServiceName = {
      id: randomUUID(),
      agencyId,
      name: proposal.name,
      aliases: proposal.aliases,
      status: transition('serviceName', 'draft', 'submit'),
      submissionNo: 1,
      reason: '',
      // Revision 0 marks a name the server has not accepted yet.
      revision: 0,
      proposedBy: actor.user.id,
      proposedAt: new Date().toISOString(),
      decidedBy: null,
      decidedAt: null,
    };
    await putServiceNames(trx, [name]);
    await enqueue(trx, {
      clientId: actor.clientId,
      name: 'serviceName.propose',
      entityId: name.id,
      entityLabel: name.name,
      args: {
        serviceNameId: name.id,
        agencyId,
        name: name.name,
        aliases: name.aliases,
      },
    });
    return name;
  });
}
