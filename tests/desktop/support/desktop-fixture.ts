import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Logger } from 'pino';
import { exportsFolderOpenPath } from '../../../src-main/app/open-path';
import { exportsFolderSavePath } from '../../../src-main/app/save-path';
import { createDesktopApp } from '../../../src-main/app/desktop-app';
import type { DesktopApp } from '../../../src-main/app/desktop-app';
import type { ServiceRecord } from '../../../shared/domain/service-record';
import { createFileTokenVault } from '../../../src-main/session/file-token-vault';
import { startServer } from '../../../src-server/server';
import type { RunningServer } from '../../../src-server/server';

/** The record of a service's working draft version as the server stores it. */
export async function serverDraftRecord(
  server: RunningServer,
  serviceId: string,
): Promise<ServiceRecord> {
  const row = await server
    .db('service_versions')
    .where({ service_id: serviceId, status: 'draft' })
    .first<{ record: string } | undefined>('record');
  if (!row) throw new Error('the server has no draft version of the service');
  return JSON.parse(row.record) as ServiceRecord;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/** A real server on 127.0.0.1 over a temporary SQLite file with the demo data. */
export async function startTestServer(
  sqliteFile?: string,
  port = 0,
): Promise<RunningServer> {
  return startServer({
    port,
    sqliteFile: sqliteFile ?? path.join(tempDir('dxer-server'), 'server.sqlite'),
    seedDemo: true,
    logLevel: 'silent',
  });
}

/** Opens a desktop app on dataDir; syncs only when a test asks (timer set to an hour). */
/**
 * What the next save or open dialog answers, as though the user picked that
 * file; null, the host's exports folder as without a desktop dialog.
 */
export const dialogs: { save: string | null; open: string | null } = {
  save: null,
  open: null,
};

function takePick(kind: 'save' | 'open'): Promise<string> | null {
  const picked = dialogs[kind];
  dialogs[kind] = null;
  return picked === null ? null : Promise.resolve(picked);
}

export async function openDesktop(
  dataDir: string,
  /** The server address given for the run; undefined keeps the stored setting. */
  serverUrl: string | undefined,
  options: { syncIntervalMs?: number; logger?: Logger } = {},
): Promise<DesktopApp> {
  const saveFallback = exportsFolderSavePath(dataDir);
  const openFallback = exportsFolderOpenPath(dataDir);
  const app = await createDesktopApp({
    dataDir,
    serverUrl,
    tokenVault: createFileTokenVault(dataDir),
    logger: options.logger ?? pino({ level: process.env.DXER_TEST_LOG ?? 'silent' }),
    syncIntervalMs: options.syncIntervalMs ?? 3_600_000,
    chooseSavePath: (suggested) => takePick('save') ?? saveFallback(suggested),
    chooseOpenPath: (request) => takePick('open') ?? openFallback(request),
  });
  await app.start();
  return app;
}

/** Signs a demo user in (password = username + "-demo") and completes a first sync. */
export async function signIn(app: DesktopApp, username: string, serverUrl?: string) {
  const state = await app.handlers['session.login']({
    username,
    password: `${username}-demo`,
    serverUrl,
  });
  const status = await app.handlers['sync.now']({});
  if (status.connection.kind !== 'idle') {
    throw new Error(`first sync failed: ${JSON.stringify(status.connection)}`);
  }
  return state;
}

/** The first published service of the signed-in user's agency. */
export async function ownPublishedService(app: DesktopApp): Promise<string> {
  const session = await app.handlers['session.get']({});
  if (session.kind !== 'loggedIn' || !session.user.agencyId)
    throw new Error('not agency staff');
  const list = await app.handlers['services.list']({
    query: '',
    agencyId: session.user.agencyId,
    category: null,
    type: null,
    status: 'approved',
    offset: 0,
    limit: 1,
  });
  const row = list.rows[0];
  if (!row) throw new Error('no published service of the agency');
  return row.id;
}

/** services.list with defaults for every filter. */
export function listQuery(
  overrides: Partial<Parameters<DesktopApp['handlers']['services.list']>[0]> = {},
) {
  return {
    query: '',
    agencyId: null,
    category: null,
    type: null,
    status: null,
    offset: 0,
    limit: 100,
    ...overrides,
  };
}
