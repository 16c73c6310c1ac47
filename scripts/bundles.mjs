// The build steps `npm run build` and `npm start` share: the renderer with
// vite, and the Node/Electron entries with esbuild.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Path of a tool installed in node_modules/.bin, with Windows' .cmd suffix where needed. */
export function bin(name) {
  const suffix = process.platform === 'win32' ? '.cmd' : '';
  return path.join(repoRoot, 'node_modules', '.bin', name + suffix);
}

/** Runs a command to completion, inheriting the terminal; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: 'inherit',
      shell: process.platform === 'win32',
      ...options,
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${path.basename(command)} ${args.join(' ')} failed (${signal ?? code})`,
          ),
        );
    });
  });
}

/** Builds the renderer into dist/renderer. */
export async function buildRenderer() {
  await run(bin('vite'), ['build', '--logLevel', 'warn']);
}

/**
 * Bundles the Electron main process and the preload into dist/main. The
 * preload runs sandboxed, where only "electron" can be required, so it is one
 * self-contained CommonJS file; main keeps node_modules external because the
 * native sqlite3 module and knex's optional drivers cannot be bundled.
 */
export async function bundleElectron() {
  const { build } = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: [path.join(repoRoot, 'src-main/electron/main.ts')],
    format: 'cjs',
    packages: 'external',
    // The report font is located with require in CommonJS and only falls
    // back to import.meta in ESM bundles, so its empty import.meta here is
    // never read.
    logOverride: { 'empty-import-meta': 'silent' },
    outfile: path.join(repoRoot, 'dist/main/electron.cjs'),
  });
  await build({
    ...common,
    entryPoints: [path.join(repoRoot, 'src-main/electron/preload.ts')],
    format: 'cjs',
    external: ['electron'],
    outfile: path.join(repoRoot, 'dist/main/preload.cjs'),
  });
}

const nodeEntry = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

/** Bundles the central server into dist/server/main.mjs (what production runs under node). */
export async function bundleServer() {
  const { build } = await import('esbuild');
  await build({
    ...nodeEntry,
    entryPoints: [path.join(repoRoot, 'src-server/main.ts')],
    outfile: path.join(repoRoot, 'dist/server/main.mjs'),
  });
}

/** Bundles the plain-Node host and the central server into dist/host and dist/server. */
export async function bundleNodeEntries() {
  const { build } = await import('esbuild');
  await build({
    ...nodeEntry,
    entryPoints: [path.join(repoRoot, 'src-main/host/main.ts')],
    outfile: path.join(repoRoot, 'dist/host/main.mjs'),
  });
  await bundleServer();
}
