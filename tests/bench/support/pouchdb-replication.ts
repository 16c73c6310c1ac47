// The peer figure for the initial sync: PouchDB replicating the same
// service documents from a local PouchDB server (express-pouchdb over HTTP
// on 127.0.0.1, its own process) into a LevelDB database on disk, the
// analogue of the desktop's SQLite file. The source is filled first, over
// the same HTTP API, from the DXER server's own pull, so both sides carry
// the same documents; filling is set-up, timed apart.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PouchDB from 'pouchdb-node';
import type { LoginResponse } from '../../../shared/api/auth';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../shared/sync/protocol';

const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE_DB = 'registry';
/** Documents per replication batch: the DXER pull's page size, for a like-for-like run. */
export const POUCH_BATCH = 1000;

export interface PouchPeer {
  url: string;
  /** Fills the source from a DXER server's pull; returns the documents written. */
  fillFrom(serverUrl: string): Promise<{ documents: number; seconds: number }>;
  /** Replicates the source into an empty LevelDB database on disk. */
  replicate(): Promise<{ documents: number; seconds: number }>;
  stop(): Promise<void>;
}

export async function startPouchPeer(): Promise<PouchPeer> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-pouch-bench-'));
  const serverFolder = path.join(folder, 'server');
  fs.mkdirSync(serverFolder);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'pouchdb-server.ts'), serverFolder],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await firstLine(child);
  const created = await fetch(`${url}/${SOURCE_DB}`, { method: 'PUT' });
  if (!created.ok)
    throw new Error(`creating the PouchDB source: ${await created.text()}`);

  return {
    url,
    async fillFrom(serverUrl) {
      const started = performance.now();
      let documents = 0;
      for await (const services of servicePages(serverUrl)) {
        const docs = services.map((service) => ({ ...service, _id: service.id }));
        const reply = await fetch(`${url}/${SOURCE_DB}/_bulk_docs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ docs }),
        });
        const text = await reply.text();
        const results = reply.ok ? (JSON.parse(text) as Array<{ ok?: boolean }>) : [];
        if (!reply.ok || results.some((result) => result.ok !== true)) {
          throw new Error(
            `filling PouchDB failed (${reply.status}): ${text.slice(0, 500)}`,
          );
        }
        documents += docs.length;
      }
      return { documents, seconds: (performance.now() - started) / 1000 };
    },
    async replicate() {
      const Local = PouchDB.defaults({ prefix: `${path.join(folder, 'replica')}-` });
      const target = new Local('registry');
      const started = performance.now();
      const result = await PouchDB.replicate(`${url}/${SOURCE_DB}`, target, {
        batch_size: POUCH_BATCH,
      });
      const seconds = (performance.now() - started) / 1000;
      const { doc_count } = await target.info();
      await target.close();
      if (!result.ok || result.doc_write_failures > 0) {
        throw new Error(`PouchDB replication failed: ${JSON.stringify(result)}`);
      }
      return { documents: doc_count, seconds };
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`PouchDB server exited with ${code}`)));
  });
}

interface ServicePage {
  changes: Array<{ entity: string; op: string; data?: { id: string } }>;
  cursor: string;
  hasMore: boolean;
}

/** Every service a reviewer pulls from the DXER server, a page at a time, as JSON objects. */
async function* servicePages(serverUrl: string): AsyncGenerator<Array<{ id: string }>> {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'reviewer', password: 'reviewer-demo' }),
  });
  const { token } = (await login.json()) as LoginResponse;
  const clientId = randomUUID();
  let cursor: string | null = null;
  for (;;) {
    const reply = await fetch(`${serverUrl}/api/v1/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        clientId,
        cursor,
        limit: POUCH_BATCH,
        countRemaining: false,
      }),
    });
    if (!reply.ok) throw new Error(`pull for PouchDB failed: ${await reply.text()}`);
    const page = (await reply.json()) as ServicePage;
    const services = page.changes.flatMap((change) =>
      change.entity === 'service' && change.op === 'put' && change.data
        ? [change.data]
        : [],
    );
    if (services.length > 0) yield services;
    cursor = page.cursor;
    if (!page.hasMore) return;
  }
}
