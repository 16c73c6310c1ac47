// `npm run dist`: builds dist/ and packages it with electron-builder for the
// current platform (NSIS on Windows, AppImage and deb on Linux, dmg and zip on
// macOS) into dist/installers, with the latest*.yml and blockmaps the update
// feed serves. Extra arguments go to electron-builder (e.g. -- --x64).
//
// electron-builder packages a downloaded Electron, not node_modules/electron.
// Before spending minutes on the build, this checks that Electron's zip for
// this platform is in Electron's download cache or can be downloaded, and
// otherwise stops with what to do. `--check-only` does just that check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bin, buildRenderer, bundleElectron, repoRoot, run } from './bundles.mjs';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const platformArch = `${process.platform}-${process.arch}`;
const zipName = `electron-v${electronVersion}-${platformArch}.zip`;
const defaultMirror = 'https://github.com/electron/electron/releases/download/';

/** Electron's download cache (as @electron/get keeps it), ELECTRON_CACHE first. */
function cacheDirs() {
  const dirs = [];
  if (process.env.ELECTRON_CACHE) dirs.push(process.env.ELECTRON_CACHE);
  else if (process.platform === 'darwin')
    dirs.push(path.join(os.homedir(), 'Library/Caches/electron'));
  else if (process.platform === 'win32')
    dirs.push(
      path.join(
        process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData/Local'),
        'electron/Cache',
      ),
    );
  else
    dirs.push(
      path.join(
        process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
        'electron',
      ),
    );
  return dirs;
}

/** The cached zip, directly in a cache folder or in one of its per-URL subfolders. */
function cachedZip() {
  for (const dir of cacheDirs()) {
    if (!fs.existsSync(dir)) continue;
    const candidates = [
      path.join(dir, zipName),
      ...fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(dir, entry.name, zipName)),
    ];
    const found = candidates.find((file) => fs.existsSync(file));
    if (found) return found;
  }
  return null;
}

/** Whether the zip can be downloaded now: null when it can, else why not. */
async function downloadProblem() {
  const mirror = process.env.ELECTRON_MIRROR ?? defaultMirror;
  const url = `${mirror.replace(/\/?$/u, '/')}v${electronVersion}/${zipName}`;
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(8000),
    });
    return response.ok ? null : `${url} answered ${response.status}`;
  } catch (error) {
    const cause =
      error instanceof Error ? (error.cause?.message ?? error.message) : error;
    return `${url} could not be reached (${cause})`;
  }
}

async function checkElectron() {
  const zip = cachedZip();
  if (zip) return `Electron ${electronVersion} for ${platformArch}: ${zip}`;
  const problem = await downloadProblem();
  if (!problem) return `Electron ${electronVersion} for ${platformArch}: downloadable`;
  throw new Error(
    [
      `npm run dist needs Electron ${electronVersion} for ${platformArch} to package the app,`,
      `and it is neither in Electron's download cache (${cacheDirs().join(', ')})`,
      `nor downloadable: ${problem}.`,
      'Run npm run dist on a machine that can reach github.com, or copy',
      `${zipName} into ${cacheDirs()[0]}, or set ELECTRON_MIRROR to a reachable mirror.`,
      'npm run build (the bundles in dist/) needs no Electron and works here.',
    ].join('\n'),
  );
}

try {
  console.log(await checkElectron());
  if (!process.argv.includes('--check-only')) {
    await buildRenderer();
    await bundleElectron();
    const extra = process.argv.slice(2).filter((arg) => arg !== '--check-only');
    // Publishing is an administrator's copy into UPDATES_DIR (README), never a build step.
    await run(bin('electron-builder'), ['--publish', 'never', ...extra]);
    console.log(
      `Installers and update files are in ${path.join(repoRoot, 'dist/installers')}.`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
