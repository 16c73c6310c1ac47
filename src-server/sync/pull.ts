import type { Knex } from 'knex';
import type { User } from '../../shared/domain/user';
import { decodeCursor, encodeCursor } from '../../shared/sync/protocol';
import type { EntityKind, PullRequest, PullResponse } from '../../shared/sync/protocol';
import { countRows, firstRow, toNumber } from '../db/rows';
import { loadEntities } from './load-entities';
import type { ChangeJson } from './load-entities';
import { scopeFeed } from './visibility';

interface FeedRow {
  entity_type: EntityKind;
  entity_id: string;
  position: unknown;
}

/** The horizon below which removals were pruned; older cursors must resync. */
export async function feedHorizon(db: Knex): Promise<number> {
  const row = await firstRow<{ horizon: unknown }>(
    db('feed_meta').where('id', 1).select('horizon'),
  );
  return toNumber(row?.horizon ?? 0);
}

/** A pull response whose changes are already serialised (see load-entities.ts). */
export type PullPage = Omit<PullResponse, 'changes'> & { changes: ChangeJson[] };

/** The response body of a page, as JSON text. */
export function pullPageJson(page: PullPage): string {
  const { changes, ...head } = page;
  return `${JSON.stringify(head).slice(0, -1)},"changes":[${changes.join(',')}]}`;
}

/**
 * One page of the change feed after the cursor, as this user may see it.
 * Each entity comes in its current state (the feed is compacted), loaded in
 * batch per kind, so a page costs a fixed number of queries.
 */
export async function pullChanges(
  db: Knex,
  user: User,
  request: PullRequest,
): Promise<PullPage> {
  const after = decodeCursor(request.cursor);
  const isCounted = request.countRemaining ?? true;
  const lastProcessedSeq = await lastSeqOf(db, request.clientId, user.id);
  if (after > 0 && after < (await feedHorizon(db))) {
    return {
      resyncRequired: true,
      changes: [],
      cursor: encodeCursor(0),
      hasMore: true,
      remaining: isCounted
        ? await countRows(scopeFeed(db('changes'), user))
        : null,
      lastProcessedSeq,
    };
  }

  // Read before the page: every position up to this committed value is
  // committed too (see feed.ts), so a page that ends early may move the
  // cursor up to it, past rows this user cannot see and past pruned removals.
  const committedTop = await feedTop(db);
  // One row beyond the page tells whether more follow without counting them.
  const found: FeedRow[] = await scopeFeed(db('changes'), user)
    .where('position', '>', after)
    .orderBy('position')
    .limit(request.limit + 1)
    .select('entity_type', 'entity_id', 'position');
  const isFull = found.length > request.limit;
  const rows = isFull ? found.slice(0, request.limit) : found;

  const entities = await loadEntities(
    db,
    user,
    rows.map((row) => ({
      kind: row.entity_type,
      id: row.entity_id,
    })),
  );
  const changes: ChangeJson[] = rows.map(
    (row) =>
      entities.get(`${row.entity_type}:${row.entity_id}`) ??
      JSON.stringify({ entity: row.entity_type, op: 'remove', id: row.entity_id }),
  );

  const last = rows.at(-1);
  const lastPosition = last ? toNumber(last.position) : after;
  const cursor = isFull ? lastPosition : Math.max(lastPosition, committedTop);
  const remaining = isCounted
    ? await countRows(scopeFeed(db('changes'), user).where('position', '>', cursor))
    : null;
  return {
    resyncRequired: false,
    changes,
    cursor: encodeCursor(cursor),
    // A change committed since committedTop was read is counted but lies
    // beyond a short page: the client then asks again at once.
    hasMore: isFull || (remaining ?? 0) > 0,
    remaining,
    lastProcessedSeq,
  };
}

async function feedTop(db: Knex): Promise<number> {
  const row = await firstRow<{ value: unknown }>(
    db('feed_counter').where('id', 1).select('value'),
  );
  return toNumber(row?.value ?? 0);
}

async function lastSeqOf(db: Knex, clientId: string, userId: string): Promise<number> {
  const row = await firstRow<{ last_seq: unknown }>(
    db('clients').where({ client_id: clientId, user_id: userId }).select('last_seq'),
  );
  return toNumber(row?.last_seq ?? 0);
}
