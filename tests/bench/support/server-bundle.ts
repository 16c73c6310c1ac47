// The central server as production runs it: the esbuild bundle
// dist/server/main.mjs under plain node, configured through its environment.
// Running it under tsx instead would add about 100 MB to the memory measured.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { DatabaseTarget } from '../../server/support/databases';

const repoRoot = process.cwd();
const bundle = path.join(repoRoot, 'dist', 'server', 'main.mjs');

/** The newest modification time of the files under a folder, in ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const stat = fs.statSync(path.join(entry.parentPath, entry.name));
    newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** Builds dist/server/main.mjs when it is missing or older than its sources. */
export function ensureServerBundle(): void {
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(repoRoot, 'src-server')),
    newestMtime(path.join(repoRoot, 'shared')),
  );
  if (built > sources) return;
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const { bundleServer } = await import('./scripts/bundles.mjs'); await bundleServer();",
    ],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('building dist/server/main.mjs failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A running server process and its URL. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the bundled server over a target database, with the demo users, and waits until it answers. */
export async function startServerBundle(
  target: DatabaseTarget,
  logLevel: string,
): Promise<ServerProcess> {
  ensureServerBundle();
  const port = await freePort();
  const { databaseUrl, sqliteFile, searchPath } = target.options;
  const child = spawn(process.execPath, [bundle], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl ?? '',
      SQLITE_FILE: sqliteFile ?? '',
      DATABASE_SCHEMA: searchPath ?? '',
      DXER_DEMO: '1',
      LOG_LEVEL: logLevel,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([waitForHealth(url), exited]);
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await done;
    },
  };
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet: migrations and seeding run first.
    }
    if (Date.now() > deadline) throw new Error('the server did not start in 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
