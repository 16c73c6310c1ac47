import type { DesktopApp } from '../../../src-main/app/desktop-app';
import type { ServiceRecord } from '../../../shared/domain/service-record';
import type { SyncStatus } from '../../../shared/contract/sync-status';
import { DomainError } from '../../../shared/errors';

/** Polls `check` until it holds, or fails with `what` after timeoutMs. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits for the sync status to satisfy `check` and returns it. */
export async function waitForStatus(
  app: DesktopApp,
  what: string,
  check: (status: SyncStatus) => boolean,
  timeoutMs?: number,
): Promise<SyncStatus> {
  let last: SyncStatus | null = null;
  await waitFor(
    what,
    async () => {
      last = await app.handlers['sync.status']({});
      return check(last);
    },
    timeoutMs,
  );
  if (!last) throw new Error(`no status read while waiting for ${what}`);
  return last;
}

/** Resolves after ms. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Saves the service's current draft with `change` applied, as the editor would. */
export async function editDraft(
  app: DesktopApp,
  serviceId: string,
  change: Partial<ServiceRecord>,
) {
  const detail = await app.handlers['services.get']({ serviceId });
  return app.handlers['services.saveDraft']({
    serviceId,
    record: { ...detail.draft, ...change },
  });
}

/** The DomainError a call was refused with; fails when it was not refused. */
export async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
