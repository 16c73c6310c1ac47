import type { Knex } from 'knex';
import type { ConnectionState, SyncStatus } from '../../shared/contract/sync-status';
import { readMeta } from '../local-store/meta-table';
import { outboxCounts } from '../local-store/outbox-table';

/** The status the renderer shows: the connection plus what waits in the outbox. */
export async function readSyncStatus(
  db: Knex,
  connection: ConnectionState,
): Promise<SyncStatus> {
  const counts = await outboxCounts(db);
  return {
    connection,
    lastSyncedAt: await readMeta(db, 'last_synced_at'),
    pendingCount: counts.pending,
    rejectedCount: counts.rejected,
    conflictCount: counts.conflict,
  };
}
