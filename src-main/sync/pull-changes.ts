import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { EntityKind } from '../../shared/sync/protocol';
import { readMeta, writeMeta } from '../local-store/meta-table';
import { clearSyncedServiceNames } from '../local-store/service-names-table';
import { clearCandidates } from '../local-store/duplicate-candidates-table';
import { clearSyncedServices } from '../local-store/services-table';
import { applyPullPage } from './apply-pull-page';
import type { ServerApi } from './server-api';
import { ServerCallError } from './server-api';

/** Feed entries per pull page; two pages are in memory at once (one applied, one in flight). */
export const PULL_PAGE_SIZE = 1000;

export interface PullContext {
  db: Knex;
  api: ServerApi;
  clientId: string;
  log: Logger;
  /** Called after each page with what it changed and how much is left to receive. */
  onPage: (entities: Set<EntityKind>, remaining: number) => Promise<void>;
}

/**
 * Pulls the change feed from the stored cursor to its end. Each page and
 * the cursor after it commit in one transaction, so an interrupted pull
 * resumes where it stopped and never half-applies a page.
 *
 * A new desktop normally fills from the server's snapshot instead
 * (adopt-snapshot.ts) and comes here only for what changed after it.
 * Known shortcoming: when the server has no snapshot of the user's scope
 * ready (the first desktop of an agency asks for one, which starts its
 * build), the first sync fills through this loop, which takes about 50 s
 * for a national registry (100,000 services) on two cores: a third of it
 * waiting for the server's pages, the rest validating and writing rows
 * into the indexed tables and committing them page by page.
 */
export async function pullChanges(context: PullContext): Promise<void> {
  // Only the first page asks the server to count what is left (a scan of
  // the feed); later pages count down from it.
  const fetchPage = (after: string | null, countRemaining: boolean) => {
    const request = context.api.pull({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId: context.clientId,
      cursor: after,
      limit: PULL_PAGE_SIZE,
      countRemaining,
    });
    // Marks the rejection as handled while the page waits its turn; the
    // loop still awaits this request and sees its failure.
    request.catch(() => undefined);
    return request;
  };

  let cursor = await readMeta(context.db, 'cursor');
  let hasResynced = false;
  let request = fetchPage(cursor, true);
  let remaining = 0;
  let pages = 0;
  for (;;) {
    const page = await request;

    if (page.resyncRequired) {
      if (hasResynced) {
        throw new ServerCallError(
          'permanent',
          'The server asked for a resync twice',
          null,
          null,
        );
      }
      context.log.info(
        { cursor },
        'cursor too old for the server: resyncing from the start',
      );
      await dropSyncedRows(context.db);
      cursor = null;
      hasResynced = true;
      request = fetchPage(null, true);
      continue;
    }

    // The server prepares the next page while this one is applied.
    if (page.hasMore) request = fetchPage(page.cursor, false);
    remaining = page.remaining ?? Math.max(0, remaining - page.changes.length);
    const nextCursor = page.cursor;
    const entities = await context.db.transaction(async (trx) => {
      const changed = await applyPullPage(trx, page.changes);
      await writeMeta(trx, 'cursor', nextCursor);
      return changed;
    });
    cursor = nextCursor;
    await context.onPage(entities, page.hasMore ? remaining : 0);
    pages += 1;
    if (!page.hasMore) {
      // A long pull (the first sync) leaves SQLite's page cache full of the
      // pages it wrote; hand that memory back rather than hold it idle.
      if (pages > 1) await context.db.raw('PRAGMA shrink_memory');
      return;
    }
  }
}

/**
 * Forgets everything the server sent (for a resync or another user), but
 * never the user's own work: drafts, the outbox and rows created here stay.
 */
export async function dropSyncedRows(db: Knex): Promise<void> {
  await db.transaction(async (trx) => {
    await clearSyncedServices(trx);
    await clearSyncedServiceNames(trx);
    await clearCandidates(trx);
    await trx('agencies').delete();
    await trx('categories').delete();
    await trx('meta').where({ key: 'cursor' }).delete();
  });
}
