import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundledEvaluationDemo } from '../../../src-server/seed/evaluation-demo';
import { startServer } from '../../../src-server/server';

/** The real central server on a fresh SQLite file with the demo users, registry and ASAN index campaign. */
export async function startCentralServer(options: { demoDuplicates?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-e2e-server-'));
  const server = await startServer({
    port: 0,
    sqliteFile: path.join(dir, 'server.sqlite'),
    seedDemo: true,
    evaluationDemo: bundledEvaluationDemo(),
    logLevel: 'warn',
    demoDuplicates: options.demoDuplicates ?? false,
  });
  // The demo's duplicate candidates are found in the background at start.
  await server.duplicates?.idle();
  return {
    url: server.url,
    port: server.port,
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
