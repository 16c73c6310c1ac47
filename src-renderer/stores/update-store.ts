import { makeAutoObservable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type { UpdateStatus } from '../../shared/contract/update-status';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';
import type { Label } from './label';

/** The app's self-update as main reports it, and the user's answers to it. */
export class UpdateStore {
  /** Last status from main; null until the first answer. */
  status: UpdateStatus | null = null;
  /** Why the last request to main failed, if it did. */
  requestError: ErrorBody | null = null;

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<UpdateStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  /** Loads the status and follows main's updates; returns the unsubscribe function. */
  start(): () => void {
    void this.run(() => this.api.invoke('updates.status', {}));
    return this.api.on('updates.status', (status) => this.applyStatus(status));
  }

  check(): Promise<void> {
    return this.run(() => this.api.invoke('updates.check', {}));
  }

  /** The user's answer to "install the downloaded update when the app closes?". */
  setInstallOnQuit(install: boolean): Promise<void> {
    return this.run(() => this.api.invoke('updates.installOnQuit', { install }));
  }

  applyStatus(status: UpdateStatus): void {
    this.status = status;
    this.requestError = null;
  }

  private async run(request: () => Promise<UpdateStatus>): Promise<void> {
    try {
      this.applyStatus(await request());
    } catch (error) {
      this.applyRequestError(error);
    }
  }

  private applyRequestError(error: unknown): void {
    this.requestError = errorBodyOf(error);
  }

  /** What the status bar says about the update; null when there is nothing to say. */
  get notice(): Label | null {
    const state = this.status?.state;
    if (!state) return null;
    switch (state.kind) {
      case 'disabled':
      case 'idle':
        return null;
      case 'checking':
        return { key: 'updates.notice.checking' };
      case 'upToDate':
        return {
          key: 'updates.notice.upToDate',
          values: { version: this.status?.currentVersion ?? '' },
        };
      case 'downloading':
        return {
          key: 'updates.notice.downloading',
          values: { version: state.version, percent: state.percent },
        };
      case 'ready':
        return {
          key: state.installOnQuit
            ? 'updates.notice.installOnQuit'
            : 'updates.notice.ready',
          values: { version: state.version },
        };
      case 'waitingForSync':
        return {
          key: 'updates.notice.waitingForSync',
          values: { version: state.version, n: state.unsynced },
        };
      case 'installing':
        return { key: 'updates.notice.installing', values: { version: state.version } };
      case 'failed':
        return {
          key: `updates.failure.${state.reason}`,
          values: { version: state.version ?? '', message: state.message },
        };
    }
  }

  /** The one action the notice offers, if any. */
  get action(): 'installOnQuit' | 'dontInstall' | 'checkAgain' | null {
    const state = this.status?.state;
    if (state?.kind === 'ready')
      return state.installOnQuit ? 'dontInstall' : 'installOnQuit';
    if (state?.kind === 'waitingForSync') return 'dontInstall';
    if (state?.kind === 'failed' || state?.kind === 'upToDate') return 'checkAgain';
    return null;
  }

  get isFailed(): boolean {
    return this.status?.state.kind === 'failed';
  }
}
