import type { Knex } from 'knex';
import { firstRow, toNumber } from '../db/rows';
import type { Logger } from '../logger';

/** How long a removal stays in the feed; a client away longer resyncs fully. */
export const DEFAULT_TOMBSTONE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Deletes removal rows older than the retention and raises the horizon to
 * the highest position deleted. A cursor below the horizon may have missed
 * a removal, so pull answers it with resyncRequired instead of a page.
 */
export async function pruneTombstones(db: Knex, retentionMs: number): Promise<number> {
  const cutoff = new Date(Date.now() - retentionMs).toISOString();
  return db.transaction(async (trx) => {
    const old = trx('changes')
      .where('is_removed', true)
      .where('changed_at', '<=', cutoff);
    const top = await firstRow<{ top: unknown }>(old.clone().max({ top: 'position' }));
    if (top?.top === null || top?.top === undefined) return 0;
    const deleted = await old.clone().delete();
    const horizon = toNumber(top.top);
    await trx('feed_meta')
      .where('id', 1)
      .where('horizon', '<', horizon)
      .update({ horizon });
    return deleted;
  });
}

/** Prunes now and then hourly; returns a function that stops it. */
export function startTombstonePruning(
  db: Knex,
  logger: Logger,
  retentionMs = DEFAULT_TOMBSTONE_RETENTION_MS,
  intervalMs = 60 * 60 * 1000,
): () => void {
  const run = async () => {
    try {
      const deleted = await pruneTombstones(db, retentionMs);
      if (deleted > 0) logger.info({ deleted }, 'pruned removals from the feed');
    } catch (error) {
      logger.error({ err: error }, 'pruning the feed failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
