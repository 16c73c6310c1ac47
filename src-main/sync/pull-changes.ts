import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { EntityKind } from '../../shared/sync/protocol';
import { readMeta, writeMeta } from '../local-store/meta-table';
import { clearSyncedServiceNames } from '../local-store/service-names-table';
import { clearSyncedServices } from '../local-store/services-table';
import { applyPullPage } from './apply-pull-page';
import type { ServerApi } from './server-api';
import { ServerCallError } from './server-api';

/** Feed entries per pull page: large pages make the first sync of a big registry fast. */
export const PULL_PAGE_SIZE = 2000;

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
 */
export async function pullChanges(context: PullContext): Promise<void> {
  let cursor = await readMeta(context.db, 'cursor');
  let hasResynced = false;
  for (;;) {
    const page = await context.api.pull({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId: context.clientId,
      cursor,
      limit: PULL_PAGE_SIZE,
    });

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
      continue;
    }

    const nextCursor = page.cursor;
    const entities = await context.db.transaction(async (trx) => {
      const changed = await applyPullPage(trx, page.changes);
      await writeMeta(trx, 'cursor', nextCursor);
      return changed;
    });
    cursor = nextCursor;
    await context.onPage(entities, page.remaining);
    if (!page.hasMore) return;
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
    await trx('agencies').delete();
    await trx('categories').delete();
    await trx('meta').where({ key: 'cursor' }).delete();
  });
}
