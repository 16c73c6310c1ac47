import type { User } from '../../shared/domain/user';
import { DomainError } from '../../shared/errors';

/** Who makes a local change, and under which client id their intents are numbered. */
export interface Actor {
  user: User;
  clientId: string;
}

/** Refuses a change unless the user is agency staff of the given agency. */
export function requireAgencyStaff(actor: Actor, agencyId: string): void {
  if (actor.user.role !== 'agencyStaff' || actor.user.agencyId !== agencyId) {
    throw new DomainError(
      'FORBIDDEN',
      'Only staff of the owning agency can change this',
      [{ path: 'agencyId', message: 'not your agency' }],
    );
  }
}
