// The desktop's real main-process code in a child process the fault driver
// can kill at any instant. It reads one JSON command a line on stdin and
// answers one JSON line on stdout, after the command's local commit.
import readline from 'node:readline';
import pino from 'pino';
import { createDesktopApp } from '../../../src-main/app/desktop-app';
import { createFileTokenVault } from '../../../src-main/session/file-token-vault';
import type { ChildCommand, ChildReply } from './client-commands';

const [dataDir, serverUrl] = process.argv.slice(2);
if (!dataDir || !serverUrl) throw new Error('usage: dataDir serverUrl');

const app = await createDesktopApp({
  dataDir,
  serverUrl,
  tokenVault: createFileTokenVault(dataDir),
  logger: pino({ level: process.env.DXER_TEST_LOG ?? 'silent' }),
  // Only the driver, and the engine's own push after a local edit, sync.
  syncIntervalMs: 3_600_000,
});
await app.start();

async function run(command: ChildCommand): Promise<ChildReply> {
  const h = app.handlers;
  switch (command.op) {
    case 'login':
      await h['session.login']({
        username: command.username,
        password: `${command.username}-demo`,
        serverUrl,
      });
      return { ok: true };
    case 'save': {
      const before = await h['outbox.list']({});
      await h['services.saveDraft']({
        serviceId: command.serviceId,
        record: { description: command.description },
      });
      const after = new Set(
        (await h['outbox.list']({})).map((entry) => entry.mutationId),
      );
      // Typing a field back to what it was empties an unsent entry, which is dropped.
      const dropped = before
        .filter((entry) => entry.attempts === 0 && !after.has(entry.mutationId))
        .map((entry) => entry.mutationId);
      return { ...(await newestEntry(command.serviceId)), dropped };
    }
    case 'submit':
      await h['services.submit']({ serviceId: command.serviceId });
      return newestEntry(command.serviceId);
    case 'withdraw':
      await h['services.withdraw']({ serviceId: command.serviceId });
      return newestEntry(command.serviceId);
    case 'sync':
      return { ok: true, status: await h['sync.now']({}) };
    case 'outbox':
      return { ok: true, outbox: await h['outbox.list']({}) };
    case 'dismiss':
      await h['outbox.dismiss']({ entryId: command.entryId });
      return { ok: true };
    case 'view': {
      const details = [];
      for (const serviceId of command.serviceIds) {
        details.push(await h['services.get']({ serviceId }));
      }
      return { ok: true, details };
    }
    case 'list':
      return {
        ok: true,
        ids: (
          await h['services.list']({
            query: '',
            agencyId: null,
            category: null,
            type: null,
            status: null,
            offset: 0,
            limit: 1000,
          })
        ).rows.map((row) => row.id),
      };
  }
}

async function newestEntry(
  serviceId: string,
): Promise<Extract<ChildReply, { ok: true }>> {
  const entries = await app.handlers['outbox.list']({});
  const mine = entries.filter((entry) => entry.entityId === serviceId);
  const detail = await app.handlers['services.get']({ serviceId });
  return {
    ok: true,
    mutationId: mine.at(-1)?.mutationId ?? null,
    draftStatus: detail.draftStatus,
  };
}

// One command at a time, in order: a reply always follows its command's commit.
let queue = Promise.resolve();
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  queue = queue.then(async () => {
    let reply: ChildReply;
    try {
      reply = await run(JSON.parse(line) as ChildCommand);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      reply = {
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        code: typeof code === 'string' ? code : null,
      };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  });
});
lines.on('close', () => {
  void queue.then(async () => {
    await app.stop();
    process.exit(0);
  });
});
process.stdout.write(`${JSON.stringify({ ok: true, ready: true })}\n`);
