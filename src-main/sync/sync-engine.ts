import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { ConnectionState, SyncStatus } from '../../shared/contract/sync-status';
import type { EntityKind } from '../../shared/sync/protocol';
import { writeMeta } from '../local-store/meta-table';
import { outboxCounts } from '../local-store/outbox-table';
import { isFreshStore } from './adopt-snapshot';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import type { BackoffSettings } from './backoff';
import { pullChanges } from './pull-changes';
import { pushOutbox } from './push-outbox';
import type { ServerApi } from './server-api';
import { ServerCallError } from './server-api';
import { readSyncStatus } from './sync-status';

/** What the engine needs from the session to sync: the server and this user's client id. */
export interface SyncSession {
  api: ServerApi;
  clientId: () => string;
  /** Moves unsent entries under a fresh client id; returns it. */
  renumber: () => Promise<string>;
}

export interface SyncEngineOptions {
  db: Knex;
  log: Logger;
  syncIntervalMs: number;
  backoff?: BackoffSettings;
  session: () => SyncSession | null;
  onStatus: (status: SyncStatus) => void;
  onDataChanged: (entities: Array<EntityKind | 'outbox'>) => void;
  /** The server no longer accepts the token: the user must sign in again. */
  onAuthenticationFailed: () => Promise<void>;
  /**
   * A store that has pulled nothing and holds no work may be filled from
   * the server's snapshot instead of the feed. Resolves true when a
   * snapshot was downloaded and is replacing this store: the cycle ends and
   * the store made from it pulls the rest of the feed.
   */
  firstSync?: (api: ServerApi) => Promise<boolean>;
}

/** After local edits, wait this long before pushing so quick edits travel together. */
const LOCAL_CHANGE_DELAY_MS = 300;

/**
 * Runs sync cycles (push, then pull) at start, on a timer, after local
 * edits, on coming back online and on demand; one at a time. Failures back
 * off exponentially with full jitter; while offline only a cheap health
 * probe goes out until the server answers.
 */
export class SyncEngine {
  private connection: ConnectionState = { kind: 'loggedOut' };
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** The cycle promised to those who asked while one was running. */
  private followUp: Promise<void> | null = null;
  private isStopped = true;
  private toReceive = 0;

  constructor(private readonly options: SyncEngineOptions) {}

  /** Starts syncing now and on the timer. */
  start(): void {
    this.isStopped = false;
    this.failures = 0;
    this.connection = { kind: 'idle' };
    this.schedule(0);
  }

  /** Stops timers and waits for a running cycle; the connection shows logged out. */
  async stop(): Promise<void> {
    this.isStopped = true;
    this.clearTimer();
    await this.running;
    this.connection = { kind: 'loggedOut' };
    await this.publish();
  }

  /** The current status. */
  status(): Promise<SyncStatus> {
    return readSyncStatus(this.options.db, this.connection);
  }

  /** A local edit was queued: push it soon. */
  notifyLocalChange(): void {
    if (this.isStopped) return;
    if (this.connection.kind === 'idle') this.schedule(LOCAL_CHANGE_DELAY_MS);
  }

  /** Syncs now, whatever the backoff says, and returns the status afterwards. */
  async syncNow(): Promise<SyncStatus> {
    if (!this.isStopped) {
      this.failures = 0;
      if (this.connection.kind === 'offline') this.connection = { kind: 'idle' };
      await this.runCycle();
    }
    return this.status();
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (this.isStopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runCycle();
    }, delayMs);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Runs one cycle now, or, while one runs, one more right after it. Every
   * caller who asks meanwhile waits for that follow-up cycle, not just the
   * running one: an edit queued after the running cycle took its batch is
   * sent only by the next, and "sync now" must not answer before it.
   */
  private runCycle(): Promise<void> {
    if (this.running) {
      this.followUp ??= this.running.then(() => {
        this.followUp = null;
        return this.isStopped ? undefined : this.runCycle();
      });
      return this.followUp;
    }
    this.running = this.cycle().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async cycle(): Promise<void> {
    const session = this.options.session();
    if (!session || this.isStopped) return;
    this.clearTimer();
    const log = this.options.log;

    try {
      if (this.connection.kind === 'offline') {
        await session.api.health();
        log.info('server reachable again');
      }
      const counts = await outboxCounts(this.options.db);
      await this.setConnection({
        kind: 'syncing',
        toSend: counts.pending,
        toReceive: this.toReceive,
      });
      await pushOutbox({
        db: this.options.db,
        api: session.api,
        clientId: session.clientId(),
        log,
        renumber: session.renumber,
        onProgress: () => this.onProgress(['outbox']),
      });
      if (
        this.options.firstSync &&
        (await isFreshStore(this.options.db)) &&
        (await this.options.firstSync(session.api))
      ) {
        log.info('first sync goes on in the store made from the server snapshot');
        return;
      }
      await pullChanges({
        db: this.options.db,
        api: session.api,
        clientId: session.clientId(),
        log,
        onPage: (entities, remaining) => {
          this.toReceive = remaining;
          return this.onProgress([...entities, 'outbox']);
        },
      });
      await writeMeta(this.options.db, 'last_synced_at', new Date().toISOString());
      this.failures = 0;
      this.toReceive = 0;
      await this.setConnection({ kind: 'idle' });
      this.schedule(this.options.syncIntervalMs);
    } catch (error) {
      await this.onFailure(error);
    }
  }

  private async onProgress(entities: Array<EntityKind | 'outbox'>): Promise<void> {
    this.options.onDataChanged(entities);
    const counts = await outboxCounts(this.options.db);
    await this.setConnection({
      kind: 'syncing',
      toSend: counts.pending,
      toReceive: this.toReceive,
    });
  }

  private async onFailure(error: unknown): Promise<void> {
    const log = this.options.log;
    this.failures += 1;
    const delay = backoffDelay(this.failures, this.options.backoff ?? DEFAULT_BACKOFF);
    const retryAt = new Date(Date.now() + delay).toISOString();
    if (!(error instanceof ServerCallError)) {
      // A fault of our own (say, the local store): retried, but never shown as offline.
      log.error({ err: error }, 'sync cycle failed inside the app');
      await this.setConnection({
        kind: 'error',
        errorClass: 'transient',
        message: 'Sync failed inside the app; it will try again',
        retryAt,
      });
      this.schedule(delay);
      return;
    }
    const failure = error;

    switch (failure.errorClass) {
      case 'authentication':
        log.warn('the server refused our session');
        await this.setConnection({
          kind: 'error',
          errorClass: 'authentication',
          message: failure.message,
          retryAt: null,
        });
        await this.options.onAuthenticationFailed();
        return;
      case 'updateRequired':
        log.warn({ message: failure.message }, 'the server requires a newer app');
        await this.setConnection({ kind: 'updateRequired', message: failure.message });
        return;
      case 'transient':
        log.info(
          { failures: this.failures, delay, message: failure.message },
          'sync failed',
        );
        await this.setConnection(
          failure.status === null
            ? {
                kind: 'offline',
                since: this.connection.kind === 'offline' ? this.connection.since : now(),
                retryAt,
              }
            : {
                kind: 'error',
                errorClass: 'transient',
                message: failure.message,
                retryAt,
              },
        );
        break;
      case 'permanent':
        log.warn({ status: failure.status, message: failure.message }, 'sync refused');
        await this.setConnection({
          kind: 'error',
          errorClass: 'permanent',
          message: failure.message,
          retryAt,
        });
        break;
    }
    this.schedule(delay);
  }

  private async setConnection(connection: ConnectionState): Promise<void> {
    this.connection = connection;
    await this.publish();
  }

  private async publish(): Promise<void> {
    this.options.onStatus(await this.status());
  }
}

function now(): string {
  return new Date().toISOString();
}
