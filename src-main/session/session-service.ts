import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { SessionState } from '../../shared/contract/contract';
import { userSchema } from '../../shared/domain/user';
import type { User } from '../../shared/domain/user';
import { DomainError } from '../../shared/errors';
import { readMeta, writeMeta } from '../local-store/meta-table';
import { moveUnsentEntries } from '../local-store/outbox-table';
import type { Actor } from '../services/actor';
import { dropSyncedRows } from '../sync/pull-changes';
import { createServerApi, ServerCallError } from '../sync/server-api';
import { assertServerChangeAllowed, switchStoredServer } from '../settings/server-change';

/**
 * How long sign-in, and the check of a stored session at start, wait for the
 * server before saying it is unreachable: someone is looking at the screen.
 */
const INTERACTIVE_TIMEOUT_MS = 8_000;
import type { ServerApi } from '../sync/server-api';
import type { TokenVault } from './token-vault';

interface SignedIn {
  user: User;
  token: string;
  clientId: string;
  isOffline: boolean;
}

/**
 * The signed-in user, their token and this machine's client id for them.
 * The last user is kept in the local store so the app opens on local data
 * when the server cannot be reached.
 */
export class SessionService {
  private signedIn: SignedIn | null = null;
  private serverUrl: string;

  constructor(
    private readonly db: Knex,
    private readonly vault: TokenVault,
    defaultServerUrl: string,
    private readonly log: Logger,
  ) {
    this.serverUrl = defaultServerUrl;
  }

  /** Restores the session from the vault and the last user; checks it with the server if reachable. */
  async restore(): Promise<SessionState> {
    this.serverUrl = (await readMeta(this.db, 'server_url')) ?? this.serverUrl;
    const token = await this.vault.read();
    const user = await this.lastUser();
    if (!token || !user) return this.state();

    this.signedIn = {
      user,
      token,
      clientId: await this.clientIdFor(user),
      isOffline: false,
    };
    try {
      // The app waits for this check before it opens; without an answer
      // soon it opens on local data rather than keep the user waiting.
      const probe = createServerApi(this.serverUrl, () => token, INTERACTIVE_TIMEOUT_MS);
      const current = await probe.me();
      this.signedIn.user = current;
      await writeMeta(this.db, 'user', JSON.stringify(current));
    } catch (error) {
      if (error instanceof ServerCallError && error.errorClass === 'authentication') {
        this.log.info('stored session no longer valid');
        await this.endSession();
      } else {
        this.log.info('server unreachable at start: opening on local data');
        this.signedIn.isOffline = true;
      }
    }
    return this.state();
  }

  /** Signs in; another user than the last one starts from an empty synced store. */
  async login(
    username: string,
    password: string,
    serverUrl?: string,
  ): Promise<SessionState> {
    const url = serverUrl ?? this.serverUrl;
    await assertServerChangeAllowed(this.db, this.serverUrl, url);
    // Someone is waiting at the sign-in form: say the server is unreachable
    // after a few seconds rather than after the 30 s a sync may wait.
    const api = createServerApi(url, () => null, INTERACTIVE_TIMEOUT_MS);
    let response;
    try {
      response = await api.login(username, password);
    } catch (error) {
      if (isUnreachable(error)) {
        this.log.info({ err: error }, 'server unreachable at sign-in');
        throw new DomainError(
          'SERVER_UNREACHABLE',
          `Cannot reach the server at ${url}. Check the network connection and the server address.`,
          [{ path: 'serverUrl', message: 'The server does not answer at this address' }],
        );
      }
      if (error instanceof ServerCallError && error.body) {
        throw new DomainError(error.body.code, error.body.message, error.body.fields);
      }
      throw error;
    }

    const previous = await this.lastUser();
    const previousUrl = await readMeta(this.db, 'server_url');
    if (
      (previous && previous.id !== response.user.id) ||
      (previousUrl && previousUrl !== url)
    ) {
      // The synced rows are what the previous user (or server) let us see.
      await dropSyncedRows(this.db);
    }
    this.serverUrl = url;
    await writeMeta(this.db, 'server_url', url);
    await writeMeta(this.db, 'user', JSON.stringify(response.user));
    await this.vault.write(response.token);
    this.signedIn = {
      user: response.user,
      token: response.token,
      clientId: await this.clientIdFor(response.user),
      isOffline: false,
    };
    this.log.info({ userId: response.user.id }, 'signed in');
    return this.state();
  }

  /** Signs out: the server is told if it can be reached; local drafts and outbox stay. */
  async logout(): Promise<SessionState> {
    if (this.signedIn) {
      try {
        await this.api().logout();
      } catch (error) {
        this.log.info(
          { err: error },
          'server logout failed; the token is forgotten locally',
        );
      }
    }
    await this.endSession();
    return this.state();
  }

  /**
   * Signs out and points this desktop at another server; the old server's
   * token and synced rows go. The caller has checked that no local change
   * waits for the old server (assertServerChangeAllowed).
   */
  async switchServer(url: string): Promise<SessionState> {
    if (url === this.serverUrl) return this.state();
    await this.logout();
    await switchStoredServer(this.db, this.vault, url);
    this.serverUrl = url;
    this.log.info({ serverUrl: url }, 'server changed');
    return this.state();
  }

  /** The server this desktop talks to. */
  currentServerUrl(): string {
    return this.serverUrl;
  }

  /** Forgets the token (logout, or the server refused it). */
  async endSession(): Promise<void> {
    await this.vault.clear();
    this.signedIn = null;
  }

  /** Marks whether the server answered lately, for session.get. */
  setOffline(isOffline: boolean): void {
    if (this.signedIn) this.signedIn.isOffline = isOffline;
  }

  /** The session as the renderer sees it. */
  state(): SessionState {
    if (!this.signedIn) return { kind: 'loggedOut', serverUrl: this.serverUrl };
    return {
      kind: 'loggedIn',
      user: this.signedIn.user,
      serverUrl: this.serverUrl,
      isOffline: this.signedIn.isOffline,
    };
  }

  /** The signed-in user with their client id, or an UNAUTHENTICATED error. */
  actor(): Actor {
    if (!this.signedIn) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    return { user: this.signedIn.user, clientId: this.signedIn.clientId };
  }

  /** The signed-in user, if any. */
  user(): User | null {
    return this.signedIn?.user ?? null;
  }

  /** The server API with the current token. */
  api(): ServerApi {
    return createServerApi(this.serverUrl, () => this.signedIn?.token ?? null);
  }

  /** Gives the user a fresh client id and moves unsent entries under it. */
  async renumber(): Promise<string> {
    const signedIn = this.signedIn;
    if (!signedIn) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    const fresh = randomUUID();
    const moved = await moveUnsentEntries(this.db, signedIn.clientId, fresh);
    await writeMeta(this.db, `client_id.${signedIn.user.id}`, fresh);
    this.log.warn({ moved }, 'unsent entries moved under a fresh client id');
    signedIn.clientId = fresh;
    return fresh;
  }

  private async lastUser(): Promise<User | null> {
    const stored = await readMeta(this.db, 'user');
    if (!stored) return null;
    const parsed = userSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  }

  /** Each user gets their own client id on this machine, kept across sign-ins. */
  private async clientIdFor(user: User): Promise<string> {
    const key = `client_id.${user.id}` as const;
    const existing = await readMeta(this.db, key);
    if (existing) return existing;
    const fresh = randomUUID();
    await writeMeta(this.db, key, fresh);
    return fresh;
  }
}

/**
 * A sign-in that never got an answer from the server itself: no network, a
 * wrong address, a timeout, or a gateway in front of it answering 5xx
 * without the server's error body.
 */
function isUnreachable(error: unknown): boolean {
  if (!(error instanceof ServerCallError) || error.errorClass !== 'transient')
    return false;
  return error.status === null || (error.body === null && error.status >= 500);
}
