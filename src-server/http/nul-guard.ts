import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors';

/**
 * The path of the first string in `value` (keys included) that holds a NUL
 * character, or null. Walked with a stack rather than recursion: a body may
 * nest thousands of levels deep before any schema has looked at it.
 */
export function firstNulPath(value: unknown, root: string): string | null {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [unknown, string];
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return path;
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push([item, `${path}.${index}`]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key.includes('\u0000')) return path;
        stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/** Where the push route keeps each intent's arguments. */
const PUSH_URL = '/api/v1/sync/push';

/**
 * A push body without its intents' arguments. An intent's arguments are
 * refused one by one as a stored rejection (sync/push-envelope.ts), never by
 * failing the batch, which the client would send again forever.
 */
function withoutIntentArgs(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || !('mutations' in body)) return body;
  const { mutations } = body;
  if (!Array.isArray(mutations)) return body;
  return {
    ...body,
    mutations: mutations.map((m: unknown) =>
      m !== null && typeof m === 'object' ? { ...m, args: null } : m,
    ),
  };
}

/**
 * Refuses any request whose body, query or path carries a NUL character.
 * No field of the registry can hold one, and PostgreSQL refuses it in text
 * with an error that would otherwise surface as a 500 (SQLite stores it and
 * cuts the text short in some tools), so it is a 400 before any route runs.
 */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request: FastifyRequest, _reply, done) => {
    const path =
      firstNulPath(
        request.routeOptions.url === PUSH_URL
          ? withoutIntentArgs(request.body)
          : request.body,
        'body',
      ) ??
      firstNulPath(request.query, 'query') ??
      firstNulPath(request.params, 'path');
    if (path === null) {
      done();
      return;
    }
    const field = path.split('.').slice(1).join('.') || path;
    done(
      new DomainError('VALIDATION_FAILED', 'Text may not contain a NUL character', [
        { path: field, message: 'contains a NUL character' },
      ]),
    );
  });
}
