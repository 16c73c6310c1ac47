import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import type { Knex } from 'knex';
import type { LoginResponse } from '../../../shared/api/auth';
import { openDatabase } from '../../../src-server/db/connection';
import { createLogger } from '../../../src-server/logger';
import { buildApp, prepareDatabase } from '../../../src-server/server';
import { SnapshotKeeper } from '../../../src-server/snapshots/snapshot-keeper';
import type { AppDeps } from '../../../src-server/server';
import type { DatabaseTarget, TestDatabase } from '../../server/support/databases';
import { sessionOver } from '../../server/support/server';
import type { HttpReply, Session } from '../../server/support/server';

/** One endpoint as Fastify registered it; HEAD twins of GET routes are left out. */
export interface RouteKey {
  method: string;
  url: string;
}

export const routeId = (route: RouteKey): string => `${route.method} ${route.url}`;

/**
 * The real application over a fresh migrated database with the demo data,
 * driven in-process through `fastify.inject` (no sockets: a request costs
 * a fraction of a real HTTP round trip, which is what makes a hundred
 * thousand inputs affordable), plus the table of every route it registered.
 */
export interface InjectServer {
  /** Stands where the HTTP helpers keep the address; requests here never use it. */
  url: string;
  app: FastifyInstance;
  db: Knex;
  dialect: TestDatabase['name'];
  /** Where the data lives: the SQLite file, or the PostgreSQL schema. */
  location: DatabaseTarget['options'];
  routes: RouteKey[];
  inject(options: InjectOptions): Promise<HttpReply>;
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    remoteAddress?: string,
  ): Promise<HttpReply<T>>;
  login(username: string, password?: string): Promise<Session>;
  /** The first-sync snapshots, when asked for (see startInjectServer). */
  snapshots: SnapshotKeeper | null;
  close(): Promise<void>;
}

function parseBody(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return text;
  }
}

export async function startInjectServer(
  database: TestDatabase,
  deps: Omit<AppDeps, 'db' | 'logger' | 'onRoute' | 'snapshots'> = {},
  /** With snapshots: the server builds and serves first-sync snapshots as a started one does. */
  options: { snapshots?: boolean } = {},
): Promise<InjectServer> {
  const target: DatabaseTarget = await database.create();
  const logger = createLogger('silent');
  const db = openDatabase(target.options, logger);
  await prepareDatabase(db, logger, true);
  const routes: RouteKey[] = [];
  const onRoute = (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') routes.push({ method, url: route.url });
    }
  };
  const snapshots = options.snapshots
    ? new SnapshotKeeper({
        db,
        dir: fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-inject-snapshots-')),
        logger,
      })
    : null;
  const app = buildApp({
    ...deps,
    db,
    logger,
    onRoute,
    ...(snapshots ? { snapshots } : {}),
  });
  await app.ready();

  const inject = async (options: InjectOptions): Promise<HttpReply> => {
    const response = await app.inject(options);
    return {
      status: response.statusCode,
      body: parseBody(response.body),
      text: response.body,
    };
  };
  const request = async <T>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    remoteAddress?: string,
  ): Promise<HttpReply<T>> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const reply = await inject({
      method: method,
      url: path,
      headers,
      ...(remoteAddress ? { remoteAddress } : {}),
      payload:
        body === undefined
          ? undefined
          : typeof body === 'string'
            ? body
            : JSON.stringify(body),
    });
    return reply as HttpReply<T>;
  };

  return {
    url: 'inject://dxer',
    app,
    db,
    dialect: database.name,
    location: target.options,
    routes,
    inject,
    request,
    async login(username, password = `${username}-demo`) {
      const reply = await request<LoginResponse>('POST', '/api/v1/auth/login', {
        username,
        password,
      });
      if (reply.status !== 200) throw new Error(`login ${username}: ${reply.text}`);
      return sessionOver(request, reply.body);
    },
    snapshots,
    async close() {
      await app.close();
      await snapshots?.close();
      await db.destroy();
      await target.drop();
    },
  };
}
