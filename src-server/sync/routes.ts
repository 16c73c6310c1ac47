import type { FastifyInstance } from 'fastify';
import { parseOrThrow } from '../../shared/errors';
import { pullRequestSchema } from '../../shared/sync/protocol';
import type { PushResponse } from '../../shared/sync/protocol';
import { authenticate, currentUser } from '../auth/authenticate';
import { checkProtocol } from '../http/protocol';
import { pullChanges, pullPageJson } from './pull';
import { pushEnvelopeSchema, pushMutations } from './push';
import type { PushDeps } from './push';

/** POST /sync/push and /sync/pull. */
export function registerSyncRoutes(app: FastifyInstance, deps: PushDeps): void {
  const guarded = { preValidation: checkProtocol, preHandler: authenticate(deps.db) };

  app.post('/api/v1/sync/push', guarded, async (request): Promise<PushResponse> => {
    const user = currentUser(request);
    const body = parseOrThrow(pushEnvelopeSchema, request.body, 'push request');
    return pushMutations(deps, user, body);
  });

  app.post('/api/v1/sync/pull', guarded, async (request, reply) => {
    const user = currentUser(request);
    const body = parseOrThrow(pullRequestSchema, request.body, 'pull request');
    const page = await pullChanges(deps.db, user, body);
    return reply.type('application/json; charset=utf-8').send(pullPageJson(page));
  });
}
