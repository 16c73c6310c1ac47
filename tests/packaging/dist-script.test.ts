import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(__dirname, '../..');
const electronVersion = (require('electron/package.json') as { version: string }).version;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;

/** A port on 127.0.0.1 nothing listens on, so a mirror there is surely unreachable. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function dist(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'scripts/dist.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}

describe('npm run dist', () => {
  let cache: string;
  let mirror: string;

  beforeAll(async () => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-electron-cache-'));
    mirror = `http://127.0.0.1:${await closedPort()}/electron/`;
  });
  afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

  it('stops before building, saying which Electron it needs and how to provide it', () => {
    const result = dist({ ELECTRON_CACHE: cache, ELECTRON_MIRROR: mirror });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`needs Electron ${electronVersion}`);
    expect(result.stderr).toContain(zipName);
    expect(result.stderr).toContain(cache);
    expect(result.stderr).toContain('could not be reached');
    expect(result.stderr).toContain('ELECTRON_MIRROR');
    // It failed fast: neither vite nor electron-builder ran.
    expect(result.stdout).toBe('');
  });

  it('finds Electron in its download cache, where @electron/get keeps it per URL', () => {
    const folder = path.join(cache, 'a1b2c3');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, zipName), 'zip');
    const result = dist(
      { ELECTRON_CACHE: cache, ELECTRON_MIRROR: mirror },
      '--check-only',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(path.join(folder, zipName));
  });

  it('builds, through npm run build, every bundle the installers pack, without Electron', () => {
    const started = Date.now() - 1000;
    const result = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'scripts/build.mjs')],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const file of [
      'dist/main/electron.cjs',
      'dist/main/preload.cjs',
      'dist/renderer/index.html',
      'dist/server/main.mjs',
      'dist/host/main.mjs',
    ]) {
      expect(fs.statSync(path.join(repoRoot, file)).mtimeMs, file).toBeGreaterThan(
        started,
      );
    }
    // Packages stay external: electron-updater and sqlite3 load from the packed node_modules.
    const main = fs.readFileSync(path.join(repoRoot, 'dist/main/electron.cjs'), 'utf8');
    expect(main).toContain('require("electron-updater")');
    expect(main).toContain('require("electron")');
  }, 240_000);
});
