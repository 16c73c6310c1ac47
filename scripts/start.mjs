// `npm start`: the one command after cloning. Installs dependencies if
// needed, builds the renderer, starts the central server on its embedded
// SQLite file with demo data, then opens the app: in Electron when its
// binary is installed, otherwise in the plain-Node host for a browser.
// Ctrl-C stops everything.
//
// Environment: ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips Electron's binary on the
// first install (otherwise it is tried, and skipped only when the download
// fails); SERVER_PORT (8787) and HOST_PORT (8788) move the ports.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bin, buildRenderer, bundleElectron, repoRoot, run } from './bundles.mjs';

const serverPort = Number(process.env.SERVER_PORT ?? 8787);
const hostPort = Number(process.env.HOST_PORT ?? 8788);
const serverUrl = `http://127.0.0.1:${serverPort}`;
const children = new Set();

async function main() {
  await ensureDependencies();
  await assertPortFree(serverPort, 'SERVER_PORT');
  await assertPortFree(hostPort, 'HOST_PORT');

  console.log('Building the renderer…');
  await buildRenderer();

  console.log(`Starting the central server on ${serverUrl} (SQLite, demo data)…`);
  launch('server', bin('tsx'), ['src-server/main.ts'], {
    PORT: String(serverPort),
    DXER_DEMO: '1',
  });
  await waitForHttp(`${serverUrl}/api/v1/health`, 'the central server');

  const electronBinary = findElectronBinary();
  if (electronBinary) {
    console.log('Starting DXER Desktop in Electron…');
    await bundleElectron();
    const electron = launch('electron', electronBinary, ['.'], {
      DXER_SERVER_URL: serverUrl,
    });
    electron.on('exit', () => void stopAll(0));
  } else {
    const hostUrl = `http://127.0.0.1:${hostPort}`;
    launch('host', bin('tsx'), ['src-main/host/main.ts'], {
      HOST_PORT: String(hostPort),
      DXER_SERVER_URL: serverUrl,
      DXER_DATA_DIR: process.env.DXER_DATA_DIR ?? path.join(repoRoot, '.data', 'desktop'),
    });
    await waitForHttp(hostUrl, 'the desktop host');
    printWelcome(hostUrl);
  }
}

/** Fails early and clearly when a port is taken, instead of talking to someone else's process. */
async function assertPortFree(port, variable) {
  const probe = net.createServer();
  await new Promise((resolve, reject) => {
    probe.once('error', (error) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use (another DXER still running?). Stop it, or choose another port with ${variable}=…`
            : error.message,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', resolve);
  });
  await new Promise((resolve) => probe.close(resolve));
}

async function ensureDependencies() {
  if (fs.existsSync(path.join(repoRoot, 'node_modules', '.bin', 'vite'))) return;

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    console.log('Installing dependencies, with the Electron binary…');
    try {
      await run(npm, ['ci'], { env: process.env });
      return;
    } catch {
      // Machines without access to Electron's download host fail here; the
      // app still runs in browser mode through the host process.
      console.log(
        'Electron could not be downloaded; installing without it (browser mode)…',
      );
    }
  }
  await run(npm, ['ci'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
}

/** The Electron executable, or null when the package is installed without its binary. */
function findElectronBinary() {
  try {
    const electronPath = createRequire(import.meta.url)('electron');
    return typeof electronPath === 'string' && fs.existsSync(electronPath)
      ? electronPath
      : null;
  } catch {
    return null;
  }
}

function launch(name, command, args, env) {
  const child = spawn(command, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!isStopping && name !== 'electron') {
      console.error(`The ${name} stopped unexpectedly (${signal ?? code}).`);
      void stopAll(1);
    }
  });
  return child;
}

async function waitForHttp(url, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isStopping) throw new Error(`Stopped while waiting for ${what}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what} did not answer on ${url} within ${timeoutMs / 1000} s`);
}

function printWelcome(hostUrl) {
  console.log(`
  DXER Desktop is running (browser mode: the Electron binary is not installed).

    Open:      ${hostUrl}
    Server:    ${serverUrl}

    Demo users (password = user name + "-demo"):
      agency.mlspp / agency.mlspp-demo   agency staff (Ministry of Labour)
      reviewer     / reviewer-demo       VXSİDA reviewer
      evaluator    / evaluator-demo      ASAN index evaluator (the 2023 demo campaign)
      auditor      / auditor-demo        auditor (index results and reports)
      admin        / admin-demo          administrator

  Press Ctrl-C to stop.
`);
}

let isStopping = false;
async function stopAll(code) {
  if (isStopping) return;
  isStopping = true;
  const exits = [...children].map(
    (child) => new Promise((resolve) => child.once('exit', resolve)),
  );
  for (const child of children) child.kill('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(resolve, 10_000));
  await Promise.race([Promise.all(exits), timeout]);
  for (const child of children) child.kill('SIGKILL');
  process.exit(code);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});
