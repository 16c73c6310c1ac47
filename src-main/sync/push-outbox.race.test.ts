import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mutation } from '../../shared/sync/mutations';
import type { PushRequest, PushResponse } from '../../shared/sync/protocol';
import { openLocalStore } from '../local-store/database';
import {
  dropUnsentEntry,
  enqueue,
  listOutbox,
  newestEntryFor,
  updateOutboxEntry,
} from '../local-store/outbox-table';
import { pushOutbox } from './push-outbox';
import type { ServerApi } from './server-api';

const CLIENT_ID = '4f0c3e2a-1b5d-4c6e-8f7a-9b0c1d2e3f40';
const SERVICE_ID = '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const OTHER_SERVICE_ID = '7b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e';

/** Records what each push carried and answers every new mutation as applied. */
function recordingServer(sent: Mutation[][]): ServerApi {
  let lastSeq = 0;
  return {
    push(request: PushRequest): Promise<PushResponse> {
      sent.push(request.mutations);
      const results = [];
      for (const mutation of request.mutations) {
        if (mutation.clientSeq !== lastSeq + 1) break;
        lastSeq = mutation.clientSeq;
        results.push({
          status: 'applied' as const,
          mutationId: mutation.mutationId,
          clientSeq: mutation.clientSeq,
          entityId: SERVICE_ID,
          revision: 2,
        });
      }
      return Promise.resolve({ results, lastProcessedSeq: lastSeq });
    },
    login: () => Promise.reject(new Error('not used')),
    me: () => Promise.reject(new Error('not used')),
    logout: () => Promise.resolve(),
    health: () => Promise.resolve(),
    pull: () => Promise.reject(new Error('not used')),
    snapshot: () => Promise.reject(new Error('not used')),
  };
}

function save(description: string) {
  return {
    serviceId: SERVICE_ID,
    newVersionId: '8c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f',
    changes: [{ field: 'description', base: 'Köhnə təsvir', value: description }],
  };
}

/**
 * An edit typed while the entry it folds into is not yet on its way, as
 * queueChanges does: into the unsent entry, or as a new one.
 */
function typeEdit(db: Knex, description: string): Promise<void> {
  return db.transaction(async (trx) => {
    const newest = await newestEntryFor(trx, SERVICE_ID);
    if (newest && newest.state === 'pending' && newest.attempts === 0) {
      await updateOutboxEntry(trx, newest.id, { args: save(description) });
      return;
    }
    await enqueue(trx, {
      clientId: CLIENT_ID,
      name: 'service.saveDraft',
      entityId: SERVICE_ID,
      entityLabel: 'Xidmət',
      args: save(description),
    });
  });
}

let dir: string;
let db: Knex;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-push-race-'));
  db = await openLocalStore(dir);
});
afterEach(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

function push(api: ServerApi) {
  return pushOutbox({
    db,
    api,
    clientId: CLIENT_ID,
    log: pino({ level: 'silent' }),
    renumber: () => Promise.reject(new Error('no sequence was lost')),
    onProgress: () => Promise.resolve(),
  });
}

describe('an edit typed while a push takes its batch', () => {
  it('is either in the batch that leaves or queued after it, never folded into a sent entry', async () => {
    await typeEdit(db, 'Birinci düzəliş');
    const sent: Mutation[][] = [];
    // The edit's transaction asks for the connection while the push reads its batch.
    const pushing = push(recordingServer(sent));
    const typing = typeEdit(db, 'İkinci düzəliş');
    await Promise.all([pushing, typing]);
    await push(recordingServer(sent));

    const sentValues = sent
      .flat()
      .map((m) => (m.args as ReturnType<typeof save>).changes[0]?.value);
    // The last value typed reached the server.
    expect(sentValues.at(-1)).toBe('İkinci düzəliş');
    // What each entry holds is what was sent under its mutation id.
    for (const entry of await listOutbox(db)) {
      const carried = sent.flat().filter((m) => m.mutationId === entry.mutationId);
      for (const mutation of carried) expect(mutation.args).toEqual(entry.args);
    }
  });
});

describe('dropping an entry that never left', () => {
  it('closes the hole in the sequence, so the next entry is the next number', async () => {
    await typeEdit(db, 'Birinci düzəliş');
    await db.transaction((trx) =>
      enqueue(trx, {
        clientId: CLIENT_ID,
        name: 'service.submit',
        entityId: OTHER_SERVICE_ID,
        entityLabel: 'Digər xidmət',
        args: { serviceId: OTHER_SERVICE_ID },
      }),
    );
    const [first] = await listOutbox(db);
    if (!first) throw new Error('no entry');
    await db.transaction((trx) => dropUnsentEntry(trx, first));
    await typeEdit(db, 'Yeni düzəliş');

    expect((await listOutbox(db)).map((entry) => entry.clientSeq)).toEqual([1, 2]);
    const sent: Mutation[][] = [];
    await push(recordingServer(sent));
    expect((await listOutbox(db)).map((entry) => entry.state)).toEqual([
      'applied',
      'applied',
    ]);
  });
});
