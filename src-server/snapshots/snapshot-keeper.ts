import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { Role, User } from '../../shared/domain/user';
import { decodeCursor } from '../../shared/sync/protocol';
import type { Logger } from '../logger';
import { feedHorizon } from '../sync/pull';
import { feedTop } from '../sync/read-ahead';
import { buildSnapshot } from './build-snapshot';

/** A snapshot ready to send. */
export interface KeptSnapshot {
  scope: string;
  file: string;
  bytes: number;
  sha256: string;
  cursor: string;
  builtAt: string;
}

export interface SnapshotKeeperOptions {
  db: Knex;
  /** Where snapshot files live; the keeper owns everything in it. */
  dir: string;
  logger: Logger;
  /** A snapshot this many feed entries behind the feed is brought up to date. */
  refreshAfter?: number;
  /** Scopes kept at once; the one asked for least recently goes first. */
  maxKept?: number;
}

/** Fixed id of the user a scope's snapshot is pulled as. */
const SCOPE_USER_ID = '00000000-0000-4000-8000-0000005c09e0';

/**
 * The scope of what a user may pull. Everything the feed shows depends on
 * the role and, for agency staff, the agency alone (visibility.ts), where
 * reviewers, auditors and administrators read alike: users of one scope
 * share one snapshot.
 */
export function scopeOf(user: User): { key: string; user: User } {
  const agencyId = user.role === 'agencyStaff' ? user.agencyId : null;
  const role: Role = WHOLE_REGISTRY_ROLES.includes(user.role) ? 'reviewer' : user.role;
  return {
    key: agencyId ? `${role}-${agencyId}` : role,
    user: scopeUser(role, agencyId),
  };
}

function scopeUser(role: Role, agencyId: string | null): User {
  return {
    id: SCOPE_USER_ID,
    username: 'snapshot',
    displayName: 'Snapshot',
    role,
    agencyId,
    isActive: true,
  };
}

/** The roles that read every submitted or decided service: one scope, kept ready from the start. */
const WHOLE_REGISTRY_ROLES: readonly Role[] = ['reviewer', 'auditor', 'admin'];

/**
 * Keeps first-sync snapshots ready, one per scope, built in the background
 * one at a time. A snapshot asked for that is missing, or older than the
 * feed keeps removals for, is built and the request answered "not ready"
 * meanwhile (the desktop then pulls the feed); one more than `refreshAfter`
 * entries behind is still served, since the desktop pulls what follows,
 * and is brought up to date from a copy of itself.
 *
 * Known shortcoming: a build asked for by a desktop runs while that
 * desktop pulls the feed instead; on SQLite both go through the server's
 * one connection, so that first pull is slower than on a quiet server (a
 * 20,000-service pull took over a minute on a loaded 2-core machine).
 *
 * Known shortcoming: a replaced file is unlinked at once; on Linux a
 * download still reading it finishes from the open file, on Windows the
 * unlink fails and the file stays until the server's next start empties
 * the folder.
 */
export class SnapshotKeeper {
  private readonly kept = new Map<string, KeptSnapshot>();
  private readonly lastAsked = new Map<string, number>();
  private readonly queued = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private isClosed = false;

  constructor(private readonly options: SnapshotKeeperOptions) {
    fs.rmSync(options.dir, { recursive: true, force: true });
    fs.mkdirSync(options.dir, { recursive: true });
  }

  /** The ready snapshot for this user's scope, or null (a build is then under way). */
  async current(user: User): Promise<KeptSnapshot | null> {
    const scope = scopeOf(user);
    this.lastAsked.set(scope.key, Date.now());
    const kept = this.kept.get(scope.key);
    if (!kept) {
      this.schedule(scope.key, scope.user);
      return null;
    }
    const position = decodeCursor(kept.cursor);
    if (position < (await feedHorizon(this.options.db))) {
      // The feed no longer holds every removal after it: useless as a base.
      this.drop(scope.key);
      this.schedule(scope.key, scope.user);
      return null;
    }
    if (
      (await feedTop(this.options.db)) - position >
      (this.options.refreshAfter ?? 5000)
    ) {
      this.schedule(scope.key, scope.user);
    }
    return kept;
  }

  /** Starts building the whole-registry snapshot, the one most first syncs ask for. */
  prepare(): void {
    const scope = scopeOf(scopeUser('reviewer', null));
    this.schedule(scope.key, scope.user);
  }

  /** Resolves when every build asked for so far has finished. */
  idle(): Promise<void> {
    return this.chain;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    await this.chain;
    fs.rmSync(this.options.dir, { recursive: true, force: true });
  }

  private schedule(key: string, user: User): void {
    if (this.queued.has(key) || this.isClosed) return;
    this.queued.add(key);
    this.chain = this.chain.then(async () => {
      try {
        if (!this.isClosed) await this.build(key, user);
      } catch (error) {
        this.options.logger.error({ err: error, scope: key }, 'snapshot build failed');
      } finally {
        this.queued.delete(key);
      }
    });
  }

  private async build(key: string, user: User): Promise<void> {
    const log = this.options.logger;
    const started = Date.now();
    const base = this.kept.get(key);
    const file = path.join(this.options.dir, `${key}-${started}.sqlite`);
    const partial = `${file}.partial`;
    try {
      if (base) await fs.promises.copyFile(base.file, partial);
      const built = await buildSnapshot({
        db: this.options.db,
        user,
        scope: key,
        file: partial,
        ...(base ? { resumeFrom: base.cursor } : {}),
        isCancelled: () => this.isClosed,
      });
      await fs.promises.rename(partial, file);
      const { bytes, sha256 } = await digest(file);
      this.replace(key, {
        scope: key,
        file,
        bytes,
        sha256,
        cursor: built.cursor,
        builtAt: new Date().toISOString(),
      });
      log.info(
        {
          scope: key,
          changes: built.changes,
          bytes,
          ms: Date.now() - started,
          resumed: base !== undefined,
        },
        'snapshot ready',
      );
    } finally {
      await fs.promises.rm(partial, { force: true });
    }
  }

  private replace(key: string, snapshot: KeptSnapshot): void {
    this.drop(key);
    this.kept.set(key, snapshot);
    const max = this.options.maxKept ?? 8;
    while (this.kept.size > max) {
      const oldest = [...this.kept.keys()].sort(
        (a, b) => (this.lastAsked.get(a) ?? 0) - (this.lastAsked.get(b) ?? 0),
      )[0];
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const old = this.kept.get(key);
    this.kept.delete(key);
    if (old) fs.rm(old.file, { force: true }, () => undefined);
  }
}

async function digest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    hash.update(buffer);
  }
  return { bytes, sha256: hash.digest('hex') };
}
