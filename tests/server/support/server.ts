import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { LoginResponse } from '../../../shared/api/auth';
import type { User } from '../../../shared/domain/user';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../shared/sync/protocol';
import type { PullResponse, PushResponse } from '../../../shared/sync/protocol';
import { startServer } from '../../../src-server/server';
import type { StartOptions } from '../../../src-server/server';
import type { DatabaseTarget, TestDatabase } from './databases';

export interface HttpReply<T = unknown> {
  status: number;
  body: T;
  text: string;
}

/** A running server on 127.0.0.1 over a fresh database, with small HTTP helpers. */
export interface TestServer {
  url: string;
  db: Knex;
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<HttpReply<T>>;
  login(username: string, password?: string): Promise<Session>;
  /** Waits until the background duplicate detection has done what is queued. */
  duplicatesIdle(): Promise<void>;
  /** Queues another full duplicate scan. */
  rescan(): void;
  /** Has the duplicate detector read the change feed now (what other instances changed). */
  followFeed(): void;
  /** Waits until the first-sync snapshots asked for so far are built. */
  snapshotsIdle(): Promise<void>;
  close(): Promise<void>;
}

/** A signed-in user with a client id, able to push and pull. */
export interface Session {
  token: string;
  user: User;
  clientId: string;
  nextSeq: number;
  push(
    mutations: ReadonlyArray<{
      name: string;
      args: unknown;
      mutationId?: string;
      clientSeq?: number;
    }>,
  ): Promise<HttpReply<PushResponse>>;
  pull(cursor: string | null, limit?: number): Promise<HttpReply<PullResponse>>;
}

export async function startTestServer(
  database: TestDatabase,
  options: Omit<StartOptions, 'databaseUrl' | 'sqliteFile' | 'searchPath'> = {},
): Promise<TestServer> {
  const target = await database.create();
  const server = await startTestServerOn(target, options);
  return {
    ...server,
    async close() {
      await server.close();
      await target.drop();
    },
  };
}

/**
 * A server on a database made already, which it leaves in place when it
 * closes: several instances of one deployment share it.
 */
export async function startTestServerOn(
  target: DatabaseTarget,
  options: Omit<StartOptions, 'databaseUrl' | 'sqliteFile' | 'searchPath'> = {},
): Promise<TestServer> {
  const running = await startServer({
    seedDemo: true,
    logLevel: 'silent',
    ...options,
    ...target.options,
  });

  const request = async <T>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(running.url + path, {
      method,
      headers,
      body:
        body === undefined
          ? undefined
          : typeof body === 'string'
            ? body
            : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, text };
  };

  const server: TestServer = {
    url: running.url,
    db: running.db,
    request,
    duplicatesIdle: () => running.duplicates?.idle() ?? Promise.resolve(),
    rescan: () => running.duplicates?.start(),
    followFeed: () => running.duplicates?.followNow(),
    snapshotsIdle: () => running.snapshots?.idle() ?? Promise.resolve(),
    async login(username, password = `${username}-demo`) {
      const reply = await request<LoginResponse>('POST', '/api/v1/auth/login', {
        username,
        password,
      });
      if (reply.status !== 200) throw new Error(`login ${username}: ${reply.text}`);
      return sessionOver(request, reply.body);
    },
    async close() {
      await running.close();
    },
  };
  return server;
}

/**
 * A signed-in session over any way of sending requests: real HTTP here,
 * fastify's inject in the fuzz suite.
 */
export function sessionOver(
  request: <T>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ) => Promise<HttpReply<T>>,
  login: LoginResponse,
): Session {
  const session: Session = {
    token: login.token,
    user: login.user,
    clientId: randomUUID(),
    nextSeq: 1,
    push(mutations) {
      return request<PushResponse>(
        'POST',
        '/api/v1/sync/push',
        {
          protocolVersion: PROTOCOL_VERSION,
          schemaVersion: SCHEMA_VERSION,
          clientId: session.clientId,
          mutations: mutations.map((m) => ({
            mutationId: m.mutationId ?? randomUUID(),
            clientSeq: m.clientSeq ?? session.nextSeq++,
            name: m.name,
            args: m.args,
          })),
        },
        session.token,
      );
    },
    pull(cursor, limit) {
      return request<PullResponse>(
        'POST',
        '/api/v1/sync/pull',
        {
          protocolVersion: PROTOCOL_VERSION,
          schemaVersion: SCHEMA_VERSION,
          clientId: session.clientId,
          cursor,
          ...(limit ? { limit } : {}),
        },
        session.token,
      );
    },
  };
  return session;
}

/** Pulls from `cursor` until the feed is exhausted; returns every change and the final cursor. */
export async function pullAll(
  session: Session,
  cursor: string | null = null,
  limit = 1000,
) {
  const changes: PullResponse['changes'] = [];
  let current = cursor;
  for (;;) {
    const reply = await session.pull(current, limit);
    if (reply.status !== 200) throw new Error(`pull failed: ${reply.text}`);
    changes.push(...reply.body.changes);
    current = reply.body.cursor;
    if (!reply.body.hasMore) return { changes, cursor: current, last: reply.body };
  }
}
