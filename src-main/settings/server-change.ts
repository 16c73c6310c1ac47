import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { DomainError } from '../../shared/errors';
import { readMeta, writeMeta } from '../local-store/meta-table';
import { countUnsettled } from '../local-store/outbox-table';
import type { TokenVault } from '../session/token-vault';
import { dropSyncedRows } from '../sync/pull-changes';

/**
 * Refuses to leave a server while local changes wait for it: sent to
 * another server they would be refused at best, applied to the wrong
 * registry at worst, and dropping them would lose what the user typed.
 * The user sends them first (or takes a backup); there is no "change
 * anyway" because neither outcome of it is what anyone wants.
 */
export async function assertServerChangeAllowed(
  db: Knex,
  currentUrl: string,
  nextUrl: string,
): Promise<void> {
  if (currentUrl === nextUrl) return;
  const unsynced = await countUnsettled(db);
  if (unsynced === 0) return;
  throw new DomainError(
    'OUTBOX_NOT_EMPTY',
    `${unsynced} local changes have not reached ${currentUrl} yet. Send them first ` +
      '(or settle the rejected ones), or take a backup, before changing the server.',
    [{ path: 'serverUrl', message: `${unsynced} changes wait for the current server` }],
  );
}

/**
 * Makes nextUrl the server of this desktop: the stored token and the synced
 * rows belonged to the old server, so both go (the next sign-in pulls the
 * new server's registry afresh); the caller has checked the outbox.
 */
export async function switchStoredServer(
  db: Knex,
  vault: TokenVault,
  nextUrl: string,
): Promise<void> {
  const previous = await readMeta(db, 'server_url');
  if (previous === nextUrl) return;
  await vault.clear();
  if (previous !== null) await dropSyncedRows(db);
  await writeMeta(db, 'server_url', nextUrl);
}

/**
 * Applies the address given for this run (command line or environment) as
 * the server setting, by the same rule as the settings screen. When local
 * changes still wait for the stored server, the override is not applied
 * (nobody is there to confirm at start) and the refusal is logged.
 */
export async function applyServerUrlOverride(
  db: Knex,
  vault: TokenVault,
  override: string | undefined,
  log: Logger,
): Promise<void> {
  if (override === undefined) return;
  const stored = await readMeta(db, 'server_url');
  if (stored === null) {
    await writeMeta(db, 'server_url', override);
    return;
  }
  try {
    await assertServerChangeAllowed(db, stored, override);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    log.warn(
      { stored, override, reason: error.message },
      'server address given for this run not applied',
    );
    return;
  }
  await switchStoredServer(db, vault, override);
}
