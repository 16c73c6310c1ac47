import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ChildCommand, ChildReply } from './client-commands';

const here = path.dirname(fileURLToPath(import.meta.url));
// Inside the repository, so the bundles find node_modules; one folder per
// driver process, so two suites running at once never swap each other's.
const bundleDir = path.join(here, '../../../dist/faults', String(process.pid));
const childScripts = ['client-child', 'server-child'] as const;
type ChildScript = (typeof childScripts)[number];

/**
 * Bundles the two child programs once, as the release build bundles main
 * (node_modules kept outside): a kill-and-restart then costs a plain node
 * start instead of compiling the TypeScript again under tsx, which the long
 * run pays hundreds of times.
 */
export async function bundleChildScripts(): Promise<void> {
  await build({
    entryPoints: childScripts.map((name) => path.join(here, `${name}.ts`)),
    outdir: bundleDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
}

/** Removes this driver's bundles. */
export function removeChildBundles(): void {
  fs.rmSync(bundleDir, { recursive: true, force: true });
}

function spawnScript(
  script: ChildScript,
  args: string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  const bundled = path.join(bundleDir, `${script}.mjs`);
  const entry = fs.existsSync(bundled)
    ? [bundled]
    : ['--import', 'tsx', path.join(here, `${script}.ts`)];
  const child = spawn(process.execPath, [...entry, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  // A write to a child that was just killed fails with EPIPE; its exit says more.
  child.stdin.on('error', () => undefined);
  return child;
}

/** Waits for `ready`; fails with `why()` when the process exits first. */
async function untilReady(
  ready: Promise<void>,
  exited: Promise<void>,
  why: () => string,
): Promise<void> {
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
  ]);
  if (outcome === 'exited') throw new Error(why().slice(-3000));
}

/** Kills with SIGKILL and waits for the exit: nothing of the process survives to the next step. */
function killHard(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The desktop's main process in a child, driven command by command. */
export interface ClientProcess {
  send(command: ChildCommand): Promise<ChildReply>;
  /** Kills at once; commands in flight reject. */
  kill(): Promise<void>;
  /** Ends it cleanly (stdin closed: the app stops). */
  close(): Promise<void>;
}

export async function startClientProcess(
  dataDir: string,
  serverUrl: string,
): Promise<ClientProcess> {
  const child = spawnScript('client-child', [dataDir, serverUrl]);
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const waiting: Array<{
    resolve: (reply: ChildReply) => void;
    reject: (e: Error) => void;
  }> = [];
  let isReady: (() => void) | null = null;
  const ready = new Promise<void>((resolve) => (isReady = resolve));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const reply = JSON.parse(line) as ChildReply;
    if (reply.ok && reply.ready) {
      isReady?.();
      return;
    }
    waiting.shift()?.resolve(reply);
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      for (const pending of waiting.splice(0)) {
        pending.reject(new Error(`the desktop process ended: ${errors.slice(-2000)}`));
      }
      resolve();
    }),
  );
  await untilReady(ready, exited, () => `the desktop process did not start: ${errors}`);

  return {
    send(command) {
      return new Promise<ChildReply>((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          reject(new Error('the desktop process is not running'));
          return;
        }
        waiting.push({ resolve, reject });
        child.stdin.write(`${JSON.stringify(command)}\n`);
      });
    },
    kill: () => killHard(child),
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}

/** The server in a child on a fixed port, over PostgreSQL or a SQLite file. */
export interface ServerProcess {
  /** Makes the next push batch that applies something pause before its commit. */
  armPrecommit(onPrecommit: () => void): void;
  disarm(): void;
  kill(): Promise<void>;
  close(): Promise<void>;
}

export async function startServerProcess(
  port: number,
  database: { databaseUrl?: string; sqliteFile?: string },
): Promise<ServerProcess> {
  const child = spawnScript('server-child', [], {
    PORT: String(port),
    DATABASE_URL: database.databaseUrl ?? '',
    SQLITE_FILE: database.sqliteFile ?? '',
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  let onPrecommit: (() => void) | null = null;
  let isReady: (() => void) | null = null;
  const ready = new Promise<void>((resolve) => (isReady = resolve));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('ready')) isReady?.();
    if (line !== 'precommit') return;
    const callback = onPrecommit;
    onPrecommit = null;
    callback?.();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await untilReady(ready, exited, () => `the server did not start: ${errors}`);
  return {
    armPrecommit(callback) {
      onPrecommit = callback;
      child.stdin.write('arm\n');
    },
    disarm() {
      onPrecommit = null;
      child.stdin.write('disarm\n');
    },
    kill: () => killHard(child),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
