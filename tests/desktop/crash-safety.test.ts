import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '../../src-main/local-store/database';
import type { RunningServer } from '../../src-server/server';
import {
  openDesktop,
  ownPublishedService,
  signIn,
  startTestServer,
  tempDir,
  serverDraftRecord,
} from './support/desktop-fixture';

const here = path.dirname(fileURLToPath(import.meta.url));
let server: RunningServer;
const serverFile = path.join(tempDir('dxer-server'), 'server.sqlite');

beforeAll(async () => {
  server = await startTestServer(serverFile);
});
afterAll(async () => {
  await server.close();
});

/** Runs the crash child until it has reported `edits` commits, then kills it with SIGKILL. */
function runAndKill(args: string[], edits: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'support/crash-child.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let last = 0;
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const numbers = chunk.toString().trim().split('\n').map(Number);
      last = Math.max(last, ...numbers);
      if (last >= edits) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`child ended without being killed: ${errors}`));
    });
  });
}

describe('a main process killed right after a local commit', () => {
  it.each([3, 17, 40])(
    'keeps the edit and its outbox entry together (killed after %i edits)',
    async (edits) => {
      const dataDir = tempDir('dxer-crash');
      const app = await openDesktop(dataDir, server.url);
      await signIn(app, 'agency.mlspp');
      const serviceId = await ownPublishedService(app);
      await app.stop();

      // The server is down while the child edits, so nothing leaves the outbox.
      await server.close();
      const reported = await runAndKill([dataDir, server.url, serviceId], edits);
      server = await startTestServer(serverFile, server.port);
      expect(reported).toBeGreaterThanOrEqual(edits);

      const db = await openLocalStore(dataDir);
      const draft = await db('service_drafts')
        .where({ service_id: serviceId })
        .first<{ record: string } | undefined>('record');
      const entries = await db('outbox')
        .where({ entity_id: serviceId })
        .select<{ args: string; state: string }[]>('args', 'state');
      await db.destroy();

      const description = draft
        ? (JSON.parse(draft.record) as { description: string }).description
        : null;
      // Every reported commit is durable: the draft holds at least the last reported edit.
      const number = Number(/(\d+)-ci/.exec(description ?? '')?.[1] ?? 0);
      expect(number).toBeGreaterThanOrEqual(reported);
      // The edit and its intent agree: the one unsent entry carries the draft's value.
      expect(entries).toHaveLength(1);
      const changes = (
        JSON.parse(entries[0]?.args ?? '{}') as {
          changes: { field: string; value: unknown }[];
        }
      ).changes;
      expect(changes.find((change) => change.field === 'description')?.value).toBe(
        description,
      );

      // And the reopened app still sends it.
      const reopened = await openDesktop(dataDir, server.url);
      const status = await reopened.handlers['sync.now']({});
      expect(status.pendingCount).toBe(0);
      const record = await serverDraftRecord(server, serviceId);
      expect(record.description).toBe(description);
      await reopened.stop();
    },
  );
});
