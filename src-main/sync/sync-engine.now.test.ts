import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mutation } from '../../shared/sync/mutations';
import type { PullResponse, PushRequest, PushResponse } from '../../shared/sync/protocol';
import { openLocalStore } from '../local-store/database';
import { enqueue, listOutbox } from '../local-store/outbox-table';
import type { ServerApi } from './server-api';
import { SyncEngine } from './sync-engine';

const CLIENT_ID = '5a1d4f3b-2c6e-4d7f-9a8b-0c1d2e3f4a51';
const SERVICE_ID = '6b2e5a4c-3d7f-4e8a-8b9c-1d2e3f4a5b62';

/**
 * A server whose first pull is held until the test lets it go, so a cycle
 * is still running when the user asks to sync; pushes are applied in order.
 */
function heldServer(sent: Mutation[][]) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let pulls = 0;
  let lastSeq = 0;
  const api: ServerApi = {
    push(request: PushRequest): Promise<PushResponse> {
      sent.push(request.mutations);
      const results = request.mutations.map((mutation) => {
        lastSeq = mutation.clientSeq;
        return {
          status: 'applied' as const,
          mutationId: mutation.mutationId,
          clientSeq: mutation.clientSeq,
          entityId: SERVICE_ID,
          revision: 2,
        };
      });
      return Promise.resolve({ results, lastProcessedSeq: lastSeq });
    },
    async pull(): Promise<PullResponse> {
      pulls += 1;
      if (pulls === 1) await held;
      return {
        resyncRequired: false,
        changes: [],
        cursor: 'v1:0',
        hasMore: false,
        remaining: 0,
        lastProcessedSeq: lastSeq,
      };
    },
    login: () => Promise.reject(new Error('not used')),
    me: () => Promise.reject(new Error('not used')),
    logout: () => Promise.resolve(),
    health: () => Promise.resolve(),
    snapshot: () => Promise.resolve(null),
  };
  return { api, release, pullCount: () => pulls };
}

describe('syncing now while a cycle runs', () => {
  let dir: string;
  let db: Knex;
  let engine: SyncEngine | null = null;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-sync-now-'));
    db = await openLocalStore(dir);
  });
  afterEach(async () => {
    await engine?.stop();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers only after a cycle that began after the request, so an edit queued meanwhile is sent', async () => {
    const sent: Mutation[][] = [];
    const server = heldServer(sent);
    engine = new SyncEngine({
      db,
      log: pino({ level: 'silent' }),
      syncIntervalMs: 3_600_000,
      session: () => ({
        api: server.api,
        clientId: () => CLIENT_ID,
        renumber: () => Promise.resolve(CLIENT_ID),
      }),
      onStatus: () => undefined,
      onDataChanged: () => undefined,
      onAuthenticationFailed: () => Promise.resolve(),
    });
    engine.start();
    // The first cycle has pushed nothing and waits in its pull.
    while (server.pullCount() === 0) await new Promise((r) => setTimeout(r, 5));

    await enqueue(db, {
      clientId: CLIENT_ID,
      name: 'service.submit',
      entityId: SERVICE_ID,
      entityLabel: 'Xidmət',
      args: { serviceId: SERVICE_ID },
    });
    const first = engine.syncNow();
    const second = engine.syncNow();
    server.release();
    const [status] = await Promise.all([first, second]);

    expect(sent.flat().map((mutation) => mutation.name)).toEqual(['service.submit']);
    expect(status.pendingCount).toBe(0);
    expect((await listOutbox(db)).map((entry) => entry.state)).toEqual(['applied']);
    expect(server.pullCount()).toBe(2);
  });
});
