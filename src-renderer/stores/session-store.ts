import { makeAutoObservable } from 'mobx';
import type { DxerApi, SessionState } from '../../shared/contract/contract';
import type { User } from '../../shared/domain/user';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

/** Who is logged in, and the login form's progress and errors. */
export class SessionStore {
  /** Null until main has answered session.get. */
  state: SessionState | null = null;
  isBusy = false;
  /** Why the last login or logout failed. */
  error: ErrorBody | null = null;

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<SessionStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  /** Loads the session and follows main's changes; returns the unsubscribe function. */
  start(): () => void {
    void this.load();
    return this.api.on('session.changed', (state) => this.applyState(state));
  }

  async load(): Promise<void> {
    try {
      this.applyState(await this.api.invoke('session.get', {}));
    } catch (error) {
      this.applyError(error);
    }
  }

  /** Logs in; a blank server address keeps the one main already knows. */
  async login(username: string, password: string, serverUrl: string): Promise<void> {
    this.isBusy = true;
    this.error = null;
    try {
      const trimmedUrl = serverUrl.trim();
      const state = await this.api.invoke('session.login', {
        username: username.trim(),
        password,
        ...(trimmedUrl === '' ? {} : { serverUrl: trimmedUrl }),
      });
      this.applyState(state);
    } catch (error) {
      this.applyError(error);
    } finally {
      this.finish();
    }
  }

  async logout(): Promise<void> {
    this.isBusy = true;
    try {
      this.applyState(await this.api.invoke('session.logout', {}));
    } catch (error) {
      this.applyError(error);
    } finally {
      this.finish();
    }
  }

  applyState(state: SessionState): void {
    this.state = state;
    if (state.kind === 'loggedIn') this.error = null;
  }

  private applyError(error: unknown): void {
    this.error = errorBodyOf(error);
  }

  private finish(): void {
    this.isBusy = false;
  }

  get isLoading(): boolean {
    return this.state === null && this.error === null;
  }

  get user(): User | null {
    return this.state?.kind === 'loggedIn' ? this.state.user : null;
  }

  get isLoggedIn(): boolean {
    return this.user !== null;
  }

  get isAgencyStaff(): boolean {
    return this.user?.role === 'agencyStaff';
  }

  /** The server main talks to, shown on the login screen. */
  get serverUrl(): string {
    return this.state?.serverUrl ?? '';
  }
}
