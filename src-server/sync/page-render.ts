import type { Knex } from 'knex';
import type { User } from '../../shared/domain/user';
import { exists, firstRow, isPostgres, toNumber } from '../db/rows';
import { changeJsonSql } from './page-json';
import { scopeFeed } from './visibility';

/** A page of the feed after a cursor, rendered as JSON text (see page-json.ts). */
export interface RenderedPage {
  /** The changes' JSON, each slice a comma-separated run in feed order. */
  slices: Buffer[];
  count: number;
  /** The page's last feed position, or the cursor when the page is empty. */
  lastPosition: number;
  /** The page holds `limit` rows and more follow. */
  isFull: boolean;
}

/**
 * Slices a PostgreSQL page is rendered in, each on its own pool connection.
 * Rendering is PostgreSQL's CPU work (about 25 µs per entity), one backend
 * per statement: two slices keep both cores of a small server busy.
 */
const PG_SLICES = 2;

/** Renders up to `limit` visible feed rows after position `after`. */
export async function renderPage(
  db: Knex,
  user: User,
  after: number,
  limit: number,
): Promise<RenderedPage> {
  return isPostgres(db)
    ? renderInSlices(db, user, after, limit)
    : renderWhole(db, user, after, limit);
}

/** The rows of `changes` in (after, upTo] this user may see, as the page `c`. */
function feedRows(db: Knex, user: User, after: number, upTo?: number) {
  const rows = scopeFeed(db('changes'), user).where('position', '>', after);
  if (upTo !== undefined) void rows.andWhere('position', '<=', upTo);
  return rows;
}

async function renderRange(
  db: Knex,
  user: User,
  rows: Knex.QueryBuilder,
): Promise<{ changes: Buffer | string | null; n: unknown; last: unknown } | undefined> {
  return firstRow(
    db
      .from(rows.select('entity_type', 'entity_id', 'position').as('c'))
      .select(
        changeJsonSql(db, user).wrap('', ' AS changes'),
        db.raw('count(*) AS n'),
        db.raw('max(c.position) AS last'),
      ),
  );
}

function asBytes(changes: Buffer | string | null | undefined): Buffer[] {
  if (changes === null || changes === undefined || changes.length === 0) return [];
  return [typeof changes === 'string' ? Buffer.from(changes) : changes];
}

/**
 * SQLite: the whole page in one statement and one value. It has one
 * connection, so slices would only queue behind each other.
 */
async function renderWhole(
  db: Knex,
  user: User,
  after: number,
  limit: number,
): Promise<RenderedPage> {
  const rendered = await renderRange(
    db,
    user,
    feedRows(db, user, after).orderBy('position').limit(limit),
  );
  const count = toNumber(rendered?.n ?? 0);
  const lastPosition = count > 0 ? toNumber(rendered?.last) : after;
  const isFull = count === limit && (await exists(feedRows(db, user, lastPosition)));
  return { slices: asBytes(rendered?.changes), count, lastPosition, isFull };
}

/**
 * PostgreSQL: first the page's positions (an index scan, one row past the
 * page to tell whether more follow), then its slices by position range,
 * rendered side by side on separate connections.
 *
 * The slices need no common snapshot. Positions are handed out in commit
 * order (feed.ts), so nothing committed after the positions were read can
 * land inside the page's range: a change to an entity of the page moves its
 * feed row past the page's end. A slice then either renders the entity in
 * its current state or no longer finds it in its range; in both cases the
 * new position is above the cursor this page returns, so the client gets
 * the entity's latest state on a later page. Every entity is rendered as it
 * stands, never half of one state and half of another, which is all a pull
 * promises.
 */
async function renderInSlices(
  db: Knex,
  user: User,
  after: number,
  limit: number,
): Promise<RenderedPage> {
  const found = (await feedRows(db, user, after)
    .orderBy('position')
    .limit(limit + 1)
    .pluck('position')) as unknown[];
  const positions = found.slice(0, limit).map(toNumber);
  const isFull = found.length > limit;
  const lastPosition = positions.at(-1) ?? after;
  if (positions.length === 0) return { slices: [], count: 0, lastPosition, isFull };

  const sliceCount = Math.min(PG_SLICES, positions.length);
  const ranges: Array<[number, number]> = [];
  let from = after;
  for (let i = 1; i <= sliceCount; i += 1) {
    const upTo = positions[Math.ceil((i * positions.length) / sliceCount) - 1] ?? from;
    ranges.push([from, upTo]);
    from = upTo;
  }
  const rendered = await Promise.all(
    ranges.map(([low, high]) => renderRange(db, user, feedRows(db, user, low, high))),
  );
  return {
    slices: rendered.flatMap((slice) => asBytes(slice?.changes)),
    count: rendered.reduce((sum, slice) => sum + toNumber(slice?.n ?? 0), 0),
    lastPosition,
    isFull,
  };
}
