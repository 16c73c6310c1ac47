import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../../src-server/server';

/** The real central server on a fresh SQLite file with the demo users and registry. */
export async function startCentralServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-e2e-server-'));
  const server = await startServer({
    port: 0,
    sqliteFile: path.join(dir, 'server.sqlite'),
    seedDemo: true,
    logLevel: 'warn',
  });
  return {
    url: server.url,
    port: server.port,
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
