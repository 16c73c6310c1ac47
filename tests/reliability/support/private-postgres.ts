import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL cluster of the suite's own, made with initdb in a temporary
 * directory on a spare port, so the suite can restart it mid-run without
 * touching the machine's shared server. initdb refuses to run as root, so
 * when we are root every PostgreSQL command runs as the `postgres` OS user,
 * which owns the directory.
 */
export interface PrivatePostgres {
  url: string;
  port: number;
  /** Stops the cluster at once (as a crash would) and starts it again. */
  restart(): Promise<void>;
  stop(): void;
}

/** Where the PostgreSQL programs are: pg_config's bindir, else Debian's versioned folders. */
export function postgresBinDir(): string {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates: string[] = [];
  if (fromConfig.status === 0) candidates.push(fromConfig.stdout.trim());
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => path.join(debian, version, 'bin'));
    candidates.push(...versions);
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL server programs (initdb, pg_ctl) not found');
  return found;
}

/** A port nothing listens on right now. */
export async function sparePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const isRoot = process.getuid?.() === 0;

/**
 * Where the suite keeps its files: memory-backed /dev/shm when there is
 * one. The faults here are process kills, which lose nothing the kernel
 * already holds, so a disk's fsync latency would only slow the runs.
 */
export function scratchDir(prefix: string): string {
  const shm = '/dev/shm';
  let base = os.tmpdir();
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    base = shm;
  } catch {
    // No memory-backed directory here: the temporary one will do.
  }
  return fs.mkdtempSync(path.join(base, prefix));
}

function asOwner(program: string, args: string[]): [string, string[]] {
  return isRoot
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args];
}

function runAsOwner(program: string, args: string[]): void {
  const [command, fullArgs] = asOwner(program, args);
  execFileSync(command, fullArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function runAsOwnerAsync(program: string, args: string[]): Promise<void> {
  const [command, fullArgs] = asOwner(program, args);
  return new Promise((resolve, reject) =>
    execFile(command, fullArgs, (error) => {
      if (error) reject(new Error(`${program} failed: ${error.message}`));
      else resolve();
    }),
  );
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const root = scratchDir('dxer-faults-pg-');
  fs.chmodSync(root, 0o755);
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  if (isRoot) execFileSync('chown', ['postgres:postgres', root]);
  const port = await sparePort();
  const pgCtl = path.join(bin, 'pg_ctl');

  runAsOwner(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  // Durability stays on (fsync, synchronous_commit): an immediate stop must
  // not lose a commit the server already answered for.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c max_connections=60`;
  const startArgs = ['-D', dataDir, '-l', logFile, '-o', options, '-w', 'start'];
  runAsOwner(pgCtl, startArgs);

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async restart() {
      await runAsOwnerAsync(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      await runAsOwnerAsync(pgCtl, startArgs);
    },
    stop() {
      try {
        runAsOwner(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
