import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, RouteOptions } from 'fastify';
import type { Knex } from 'knex';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../shared/sync/protocol';
import { registerAdminRoutes } from './admin/routes';
import { registerAuditRoutes } from './audit/routes';
import { DEFAULT_THROTTLE } from './auth/login-throttle';
import type { ThrottleSettings } from './auth/login-throttle';
import { registerAuthRoutes } from './auth/routes';
import { DEFAULT_SESSION_TTL_MS } from './auth/sessions';
import { openDatabase } from './db/connection';
import { DuplicateDetector } from './duplicates/detector';
import { migrateToLatest } from './db/migrations';
import { whileStartLocked } from './db/start-lock';
import { registerEvaluationAdminRoutes } from './evaluation/admin-routes';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './http/errors';
import { installNulGuard } from './http/nul-guard';
import { createLogger } from './logger';
import type { Logger } from './logger';
import { DEFAULT_OPEN_DATA_BASE_IRI, registerOpenDataRoutes } from './opendata/routes';
import { registerSnapshotRoutes } from './snapshots/routes';
import { SnapshotKeeper } from './snapshots/snapshot-keeper';
import { seedDemoDuplicates } from './seed/demo-duplicates';
import { seedDemoRegistry } from './seed/demo-registry';
import { seedDemoUsers } from './seed/demo-users';
import { seedEvaluationDemo } from './seed/evaluation-demo';
import type { EvaluationDemoData } from './seed/evaluation-demo';
import { seedReference } from './seed/reference';
import { startTombstonePruning } from './sync/prune';
import type { PushHooks } from './sync/push';
import { registerSyncRoutes } from './sync/routes';
import { defaultUpdatesDir } from './updates/updates-dir';
import { registerUpdateFeedRoutes } from './updates/routes';

/** Bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export interface AppDeps {
  db: Knex;
  logger: Logger;
  hooks?: PushHooks;
  sessionTtlMs?: number;
  loginThrottle?: ThrottleSettings;
  /** The IRI base of the nodes the open-data export mints. */
  openDataBaseIri?: string;
  /** Told of committed submissions and approvals, to look for duplicates of them. */
  duplicates?: DuplicateDetector;
  /** The update feed's folder (a subfolder per channel); absent, .data/updates. */
  updatesDir?: string;
  /** First-sync snapshots; absent, the snapshot route answers "not ready". */
  snapshots?: SnapshotKeeper;
  /**
   * Told of every route as it is added, scoped plugins included, so tests
   * that must cover every endpoint enumerate the real table instead of a
   * copy that a new endpoint could be missing from.
   */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the HTTP application over a migrated database (no listening). */
export function buildApp(deps: AppDeps): FastifyInstance {
  const loggerInstance: FastifyBaseLogger = deps.logger.child({ module: 'http' });
  const app = Fastify({
    loggerInstance,
    bodyLimit: BODY_LIMIT_BYTES,
    // Several instances may run behind one proxy; it supplies the client address.
    trustProxy: false,
    frameworkErrors,
    clientErrorHandler,
  });
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  installErrorHandling(app);
  installNulGuard(app);

  app.get('/api/v1/health', () =>
    Promise.resolve({
      ok: true,
      protocol: { min: MIN_PROTOCOL_VERSION, max: PROTOCOL_VERSION },
    }),
  );
  registerAuthRoutes(app, {
    db: deps.db,
    sessionTtlMs: deps.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    loginThrottle: deps.loginThrottle ?? DEFAULT_THROTTLE,
  });
  registerSyncRoutes(app, {
    db: deps.db,
    logger: deps.logger.child({ module: 'sync' }),
    hooks: deps.hooks,
    afterCommit: deps.duplicates
      ? (applied) => deps.duplicates?.noticeApplied(applied)
      : undefined,
  });
  registerSnapshotRoutes(app, { db: deps.db, snapshots: deps.snapshots ?? null });
  registerAdminRoutes(app, deps.db);
  registerEvaluationAdminRoutes(app, deps.db);
  registerAuditRoutes(app, deps.db);
  registerOpenDataRoutes(app, {
    db: deps.db,
    baseIri: deps.openDataBaseIri ?? DEFAULT_OPEN_DATA_BASE_IRI,
  });
  registerUpdateFeedRoutes(app, {
    updatesDir: deps.updatesDir ?? defaultUpdatesDir(),
    logger: deps.logger.child({ module: 'updates' }),
  });
  return app;
}

export interface StartOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  sqliteFile?: string;
  /** PostgreSQL schema to use instead of the default search path. */
  searchPath?: string;
  seedDemo?: boolean;
  /** With seedDemo: the ASAN index demo (methodology, published results, a campaign). */
  evaluationDemo?: EvaluationDemoData;
  logLevel?: string;
  hooks?: PushHooks;
  sessionTtlMs?: number;
  loginThrottle?: ThrottleSettings;
  openDataBaseIri?: string;
  /** With seedDemo: pairs of near-identical services across two demo agencies. */
  demoDuplicates?: boolean;
  /** Look for duplicate services in the background; on unless false. */
  duplicateScan?: boolean;
  updatesDir?: string;
  /**
   * First-sync snapshots: the folder they are kept in (emptied at start and
   * at close), a fresh temporary folder when absent, or false for none.
   */
  snapshotDir?: string | false;
  /** Build the whole-registry snapshot right after start rather than when first asked. */
  prepareSnapshot?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Knex;
  /** The background duplicate detection; idle() waits for its queued work. */
  duplicates: DuplicateDetector | null;
  /** First-sync snapshots; idle() waits for the builds asked for. */
  snapshots: SnapshotKeeper | null;
  close(): Promise<void>;
}

/** Opens and migrates the database, seeds it, and listens. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const logger = createLogger(options.logLevel ?? 'info');
  const db = openDatabase(options, logger.child({ module: 'db' }));
  try {
    await prepareDatabase(db, logger, options.seedDemo ?? false, options.evaluationDemo);
    if (options.seedDemo && options.demoDuplicates) await seedDemoDuplicates(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const duplicates =
    options.duplicateScan === false
      ? null
      : new DuplicateDetector(db, logger.child({ module: 'duplicates' }));
  const snapshots =
    options.snapshotDir === false
      ? null
      : new SnapshotKeeper({
          db,
          dir:
            options.snapshotDir ??
            fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-snapshots-')),
          logger: logger.child({ module: 'snapshots' }),
        });
  const app = buildApp({
    ...options,
    db,
    logger,
    duplicates: duplicates ?? undefined,
    snapshots: snapshots ?? undefined,
  });
  const stopPruning = startTombstonePruning(db, logger.child({ module: 'prune' }));
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port =
    typeof address === 'object' && address ? address.port : (options.port ?? 0);
  logger.info({ host, port }, 'DXER server listening');
  // After listening: the scan runs in slices between requests (detector.ts).
  duplicates?.start();
  if (options.prepareSnapshot) snapshots?.prepare();
  return {
    url: `http://${host}:${port}`,
    port,
    db,
    duplicates,
    snapshots,
    async close() {
      stopPruning();
      await app.close();
      await duplicates?.stop();
      await snapshots?.close();
      await db.destroy();
    },
  };
}

/** Migrations, reference data, then the demo data when asked for. */
export async function prepareDatabase(
  db: Knex,
  logger: Logger,
  seedDemo: boolean,
  evaluationDemo?: EvaluationDemoData,
): Promise<void> {
  await whileStartLocked(db, async () => {
    await migrateToLatest(db);
    await seedReference(db);
    if (seedDemo) {
      await seedDemoUsers(db, logger.child({ module: 'seed' }));
      await seedDemoRegistry(db);
      // Only when given: there is no bundled methodology yet (see main.ts).
      if (evaluationDemo) await seedEvaluationDemo(db, evaluationDemo);
    }
  });
}
