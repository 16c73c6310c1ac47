import type { Knex } from 'knex';
import type { User } from '../../shared/domain/user';
import { decodeCursor, encodeCursor } from '../../shared/sync/protocol';
import type { PullRequest, PullResponse } from '../../shared/sync/protocol';
import { countRows, firstRow, isPostgres, toNumber } from '../db/rows';
import { renderAhead, takePage } from './read-ahead';
import { scopeFeed } from './visibility';

/** The horizon below which removals were pruned; older cursors must resync. */
export async function feedHorizon(db: Knex): Promise<number> {
  const row = await firstRow<{ horizon: unknown }>(
    db('feed_meta').where('id', 1).select('horizon'),
  );
  return toNumber(row?.horizon ?? 0);
}

/**
 * A pull response whose changes are already serialised: runs of the
 * array's items as UTF-8 JSON separated by commas (see page-json.ts), in
 * feed order, one run per slice the page was rendered in.
 */
export type PullPage = Omit<PullResponse, 'changes'> & { changes: readonly Buffer[] };

const COMMA = Buffer.from(',');

/** The response body of a page, as UTF-8 JSON. */
export function pullPageJson(page: PullPage): Buffer {
  const { changes, ...head } = page;
  const parts: Buffer[] = [
    Buffer.from(`${JSON.stringify(head).slice(0, -1)},"changes":[`),
  ];
  changes.forEach((slice, index) => {
    if (index > 0) parts.push(COMMA);
    parts.push(slice);
  });
  parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}

/**
 * One page of the change feed after the cursor, as this user may see it.
 * A page costs a fixed number of statements whatever its size; the
 * remaining count, a scan of the rest of the feed, only when asked for.
 */
export async function pullChanges(
  db: Knex,
  user: User,
  request: PullRequest,
): Promise<PullPage> {
  const after = decodeCursor(request.cursor);
  const isCounted = request.countRemaining ?? true;
  const lastProcessedSeq = await lastSeqOf(db, request.clientId, user.id);
  // Known gap: the horizon is read before the page, not with it. Should the
  // hourly prune (prune.ts, on any instance) commit between the two and
  // delete removals above `after`, this page misses them and the cursor
  // moves past: the client keeps rows it should have dropped. It takes a
  // cursor older than the retention (30 days) and a prune in the same
  // moment; reading the horizon again after the page, and answering
  // resyncRequired if it passed `after`, would close it.
  if (after > 0 && after < (await feedHorizon(db))) {
    return {
      resyncRequired: true,
      changes: [],
      cursor: encodeCursor(0),
      hasMore: true,
      remaining: isCounted ? await countRows(scopeFeed(db('changes'), user)) : null,
      lastProcessedSeq,
    };
  }

  const { committedTop, page } = await takePage(
    db,
    user,
    request.clientId,
    after,
    request.limit,
  );
  const { slices, lastPosition, isFull } = page;
  // PostgreSQL has connections to spare: render the next page while the
  // client reads this one. SQLite's one connection would make every other
  // request wait behind it.
  if (isFull && isPostgres(db)) {
    renderAhead(db, user, request.clientId, lastPosition, request.limit);
  }

  const cursor = isFull ? lastPosition : Math.max(lastPosition, committedTop);
  const remaining = isCounted
    ? await countRows(scopeFeed(db('changes'), user).where('position', '>', cursor))
    : null;
  return {
    resyncRequired: false,
    changes: slices,
    cursor: encodeCursor(cursor),
    // A change committed since committedTop was read is counted but lies
    // beyond a short page: the client then asks again at once.
    hasMore: isFull || (remaining ?? 0) > 0,
    remaining,
    lastProcessedSeq,
  };
}

async function lastSeqOf(db: Knex, clientId: string, userId: string): Promise<number> {
  const row = await firstRow<{ last_seq: unknown }>(
    db('clients').where({ client_id: clientId, user_id: userId }).select('last_seq'),
  );
  return toNumber(row?.last_seq ?? 0);
}
