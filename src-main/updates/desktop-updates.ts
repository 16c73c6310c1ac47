import type { UpdateChannel } from '../../shared/api/updates';
import { DEFAULT_UPDATE_CHANNEL } from '../../shared/api/updates';
import type { UpdateStatus } from '../../shared/contract/update-status';
import type { ContractHandlers } from '../contract/handlers';
import type { QuitPlan, UpdateController } from './update-controller';

/** What the desktop core and the contract use of the update policy. */
export type DesktopUpdates = Pick<
  UpdateController,
  | 'status'
  | 'check'
  | 'setInstallOnQuit'
  | 'notifyUnsynced'
  | 'start'
  | 'stop'
  | 'onQuitRequested'
  | 'installAfterSync'
  | 'installIgnoringUnsynced'
>;

/**
 * Updates where there is nothing to update: the browser host and a
 * development run. The status bar shows nothing for "disabled".
 */
export function disabledUpdates(
  currentVersion: string,
  channel: UpdateChannel = DEFAULT_UPDATE_CHANNEL,
): DesktopUpdates {
  const status = (): UpdateStatus => ({
    currentVersion,
    channel,
    lastCheckedAt: null,
    state: { kind: 'disabled' },
  });
  return {
    status,
    check: () => Promise.resolve(status()),
    setInstallOnQuit: status,
    notifyUnsynced: () => undefined,
    start: () => undefined,
    stop: () => undefined,
    onQuitRequested: () => Promise.resolve<QuitPlan>({ kind: 'quit' }),
    installAfterSync: () => Promise.resolve('cancelled' as const),
    installIgnoringUnsynced: () => false,
  };
}

/** The contract's updates.* methods over the update policy. */
export function updateHandlers(
  updates: DesktopUpdates,
): Pick<ContractHandlers, 'updates.status' | 'updates.check' | 'updates.installOnQuit'> {
  return {
    'updates.status': () => Promise.resolve(updates.status()),
    'updates.check': () => {
      // A download can take minutes; its progress arrives as updates.status events.
      void updates.check();
      return Promise.resolve(updates.status());
    },
    'updates.installOnQuit': (input) =>
      Promise.resolve(updates.setInstallOnQuit(input.install)),
  };
}
