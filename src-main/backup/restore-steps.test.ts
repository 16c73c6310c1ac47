import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalStore } from '../local-store/database';
import { readMeta, writeMeta } from '../local-store/meta-table';
import { enqueue, listOutbox } from '../local-store/outbox-table';
import { reissueForeignClientIds } from './restore-steps';

const OTHER_COMPUTER = '3c1f6a2e-7b4d-4e8a-9c5f-0a1b2c3d4e5f';
const SERVICE_ID = '9d2e7b3f-8c5a-4f9b-8d6e-1b2c3d4e5f60';

describe('changes restored from another computer’s backup', () => {
  let dir: string;
  let db: Knex;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-reissue-'));
    db = await openLocalStore(dir);
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('move under a fresh client id and count as sent, so no later edit folds into one the other computer may have sent', async () => {
    await writeMeta(db, 'client_id.user-1', OTHER_COMPUTER);
    for (const description of ['Bir', 'İki']) {
      await enqueue(db, {
        clientId: OTHER_COMPUTER,
        name: 'service.saveDraft',
        entityId: SERVICE_ID,
        entityLabel: 'Xidmət',
        args: {
          serviceId: SERVICE_ID,
          changes: [{ field: 'description', value: description }],
        },
      });
    }

    expect(await reissueForeignClientIds(db, new Map())).toBe(2);

    const fresh = await readMeta(db, 'client_id.user-1');
    expect(fresh).not.toBe(OTHER_COMPUTER);
    const entries = await listOutbox(db);
    expect(
      entries.map((entry) => [entry.clientId, entry.clientSeq, entry.state]),
    ).toEqual([
      [fresh, 1, 'pending'],
      [fresh, 2, 'pending'],
    ]);
    expect(entries.every((entry) => entry.attempts >= 1)).toBe(true);
  });

  it('leave this computer’s own client id and entries as they are', async () => {
    await writeMeta(db, 'client_id.user-1', OTHER_COMPUTER);
    await enqueue(db, {
      clientId: OTHER_COMPUTER,
      name: 'service.submit',
      entityId: SERVICE_ID,
      entityLabel: 'Xidmət',
      args: { serviceId: SERVICE_ID },
    });
    const before = await listOutbox(db);

    expect(
      await reissueForeignClientIds(db, new Map([['client_id.user-1', OTHER_COMPUTER]])),
    ).toBe(0);
    expect(await readMeta(db, 'client_id.user-1')).toBe(OTHER_COMPUTER);
    expect(await listOutbox(db)).toEqual(before);
  });
});
