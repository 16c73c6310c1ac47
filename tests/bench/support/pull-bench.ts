// Full pull: a large generated registry pulled from a null cursor by a
// reviewer, page by page over HTTP, from the bundled server running as a
// child process whose memory is read from /proc while the pull runs. Like
// the desktop engine, the bench asks for the remaining count on the first
// page only.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { LoginResponse } from '../../../shared/api/auth';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../shared/sync/protocol';
import { generateRegistry } from '../../../src-server/seed/generate-registry';
import type { TestDatabase } from '../../server/support/databases';
import { peakRssMb, resetPeak, rssMb, sampleRss } from './process-memory';
import { startServerBundle } from './server-bundle';

export interface PullOptions {
  services: number;
  agencies: number;
  pageSizes: readonly number[];
  logLevel: string;
}

export interface PullRun {
  pageSize: number;
  pages: number;
  changes: number;
  seconds: number;
  rowsPerSecond: number;
  /** The server process's peak RSS during this pull, in MB. */
  serverPeakRssMb: number;
}

export interface PullFigures {
  generateSeconds: number;
  serverIdleRssMb: number;
  runs: PullRun[];
}

/** Generates the registry, starts a server process over it and pulls everything. */
export async function measurePull(
  database: TestDatabase,
  options: PullOptions,
): Promise<PullFigures> {
  const target = await database.create();
  try {
    let started = performance.now();
    await generateRegistry({
      ...target.options,
      serviceCount: options.services,
      agencyCount: options.agencies,
      logger: pino({ level: 'silent' }),
    });
    const generateSeconds = (performance.now() - started) / 1000;

    const server = await startServerBundle(target, options.logLevel);
    try {
      const pid = server.child.pid;
      if (pid === undefined) throw new Error('the server process has no pid');
      const token = await login(server.url, 'reviewer');
      const serverIdleRssMb = rssMb(pid);
      const runs: PullRun[] = [];
      for (const pageSize of options.pageSizes) {
        resetPeak(pid);
        const stopSampling = sampleRss(pid);
        started = performance.now();
        const { pages, changes, services } = await pullEverything(
          server.url,
          token,
          pageSize,
        );
        const seconds = (performance.now() - started) / 1000;
        const serverPeakRssMb = Math.max(stopSampling(), peakRssMb(pid));
        if (services < options.services) {
          throw new Error(
            `the pull brought ${services} services, not ${options.services}`,
          );
        }
        runs.push({
          pageSize,
          pages,
          changes,
          seconds,
          rowsPerSecond: changes / seconds,
          serverPeakRssMb,
        });
      }
      return { generateSeconds, serverIdleRssMb, runs };
    } finally {
      await server.stop();
    }
  } finally {
    await target.drop();
  }
}

async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: `${username}-demo` }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${await response.text()}`);
  return ((await response.json()) as LoginResponse).token;
}

interface PageHead {
  changes: Array<{ entity: string; op: string }>;
  cursor: string;
  hasMore: boolean;
  remaining: number | null;
}

/** Pulls from a null cursor until hasMore is false; each page is parsed, counted and dropped. */
async function pullEverything(url: string, token: string, pageSize: number) {
  const clientId = randomUUID();
  let cursor: string | null = null;
  let pages = 0;
  let changes = 0;
  let services = 0;
  let expected: number | null = null;
  for (;;) {
    const response = await fetch(`${url}/api/v1/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        clientId,
        cursor,
        limit: pageSize,
        countRemaining: pages === 0,
      }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`pull failed (${response.status}): ${text}`);
    const page = JSON.parse(text) as PageHead;
    pages += 1;
    changes += page.changes.length;
    if (pages === 1) expected = changes + (page.remaining ?? NaN);
    for (const change of page.changes) {
      if (change.entity === 'service' && change.op === 'put') services += 1;
    }
    cursor = page.cursor;
    if (!page.hasMore) {
      if (changes !== expected) {
        throw new Error(
          `the first page announced ${expected} changes, the pull brought ${changes}`,
        );
      }
      return { pages, changes, services };
    }
  }
}
