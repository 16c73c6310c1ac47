import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** One desktop core running as its own process, as a user's machine would run it. */
export type HostProcess = {
  url: string;
  port: number;
  dataDir: string;
  isRunning(): boolean;
  /** Starts the process (again) on the same data dir and port. */
  start(): Promise<void>;
  /** Asks it to stop (SIGTERM) and waits, as closing the app would. */
  stop(): Promise<void>;
  /** Kills it outright (SIGKILL), as a crash or a power cut would. */
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** Everything it has printed, for the failure report. */
  output(): string;
};

/** A free TCP port on 127.0.0.1, kept for the host's whole life so restarts reuse it. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Prepares (without starting) a host process pointed at serverUrl, with its
 * own temporary data dir unless one is given. Node runs tsx as a loader in
 * the same process, so a kill reaches the host itself, not a wrapper.
 */
export async function createHostProcess(options: {
  serverUrl: string;
  dataDir?: string;
  port?: number;
}): Promise<HostProcess> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-host-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  const waitForExit = (process: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (process.exitCode !== null || process.signalCode !== null) resolve();
      else process.once('exit', () => resolve());
    });

  const host: HostProcess = {
    url,
    port,
    dataDir,
    isRunning: () => child !== null,
    async start() {
      if (child) throw new Error('host already running');
      const started = spawn(
        process.execPath,
        ['--import', 'tsx', 'src-main/host/main.ts'],
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            HOST_PORT: String(port),
            DXER_DATA_DIR: dataDir,
            DXER_SERVER_URL: options.serverUrl,
            DXER_LOG_LEVEL: process.env.DXER_LOG_LEVEL ?? 'info',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child = started;
      started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.once('exit', () => {
        if (child === started) child = null;
      });
      await waitUntilServing(url, started, () => output);
    },
    async stop() {
      const running = child;
      if (!running) return;
      running.kill('SIGTERM');
      await waitForExit(running);
    },
    async kill() {
      const running = child;
      if (!running) return;
      running.kill('SIGKILL');
      await waitForExit(running);
    },
    async restart() {
      await host.stop();
      await host.start();
    },
    output: () => output,
  };
  return host;
}

async function waitUntilServing(
  url: string,
  process: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null || process.signalCode !== null) {
      throw new Error(`host exited before serving:\n${output()}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`host did not serve ${url} within 60 s:\n${output()}`);
}
