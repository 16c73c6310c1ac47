import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { DomainError } from '../../shared/errors';
import type { User } from '../../shared/domain/user';
import { findSession } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authenticate pre-handler. */
    user?: User;
    sessionTokenHash?: string;
  }
}

/** A pre-handler that admits only requests with a live bearer session. */
export function authenticate(db: Knex) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match?.[1]) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    const session = await findSession(db, match[1]);
    if (!session.ok) throw new DomainError(session.code, session.message);
    request.user = session.user;
    request.sessionTokenHash = session.tokenHash;
  };
}

/** The signed-in user of a request that passed authenticate. */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
  return request.user;
}
