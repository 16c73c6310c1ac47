import type { DesktopUpdates } from './desktop-updates';

/** A question the quit hook puts to the user about a downloaded update. */
export type QuitQuestion =
  | { kind: 'install'; version: string }
  | { kind: 'unsynced'; version: string; unsynced: number };

/** install: yes, install it now; skip: close without installing; wait: stay open until synced. */
export type QuitAnswer = 'install' | 'skip' | 'wait' | 'installAnyway';

export interface QuitDecisionDeps {
  updates: DesktopUpdates;
  ask: (question: QuitQuestion) => Promise<QuitAnswer>;
  /** Closes the app after a wait for sync ended with the installer started. */
  quitNow: () => void;
}

/**
 * What the quit hook does about an update: "quit" lets closing go on (with
 * the installer started if the user agreed and nothing is unsynced);
 * "stay" keeps the app open while the outbox empties, after which the
 * installer starts and `quitNow` closes the app. A downloaded update the
 * user declines stays in the cache and is asked about at the next close.
 */
export async function decideUpdateOnQuit(
  deps: QuitDecisionDeps,
): Promise<'quit' | 'stay'> {
  const { updates } = deps;
  let plan = await updates.onQuitRequested();
  if (plan.kind === 'ask') {
    const answer = await deps.ask({ kind: 'install', version: plan.version });
    if (answer !== 'install') return 'quit';
    updates.setInstallOnQuit(true);
    plan = await updates.onQuitRequested();
  }
  if (plan.kind !== 'unsynced') return 'quit';

  const answer = await deps.ask(plan);
  if (answer === 'installAnyway') {
    updates.installIgnoringUnsynced();
    return 'quit';
  }
  if (answer !== 'wait') return 'quit';
  void updates.installAfterSync().then((outcome) => {
    if (outcome === 'installing') deps.quitNow();
  });
  return 'stay';
}
