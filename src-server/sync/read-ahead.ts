import type { Knex } from 'knex';
import type { User } from '../../shared/domain/user';
import { firstRow, toNumber } from '../db/rows';
import { renderPage } from './page-render';
import type { RenderedPage } from './page-render';

/** A rendered page and the committed feed top read just before it. */
export interface FeedPage {
  committedTop: number;
  page: RenderedPage;
}

/**
 * Renders a page: first the committed feed top, since every position up to
 * it is committed too (see feed.ts), so a page that ends early may move the
 * cursor up to it, past rows this user cannot see and past pruned removals.
 */
async function readPage(
  db: Knex,
  user: User,
  after: number,
  limit: number,
): Promise<FeedPage> {
  const committedTop = await feedTop(db);
  return { committedTop, page: await renderPage(db, user, after, limit) };
}

/**
 * Pages rendered ahead, per database. While a client reads one page of a
 * long pull the database would sit idle; rendering the next page then lets
 * the two overlap. A page rendered ahead is as good as one rendered on
 * request: a change committed after it was rendered moves its feed row past
 * the page (see page-render.ts), so it reaches the client on a later page.
 */
const ahead = new WeakMap<Knex, Map<string, { at: number; page: Promise<FeedPage> }>>();

/** Pages kept at once: each is a few MB, held for clients pulling now. */
const MAX_AHEAD = 4;
/** A page not asked for within this time is dropped. */
const AHEAD_TTL_MS = 15_000;

/** Role and agency are part of the key: a user whose rights changed misses. */
function keyOf(user: User, clientId: string, after: number, limit: number): string {
  return [user.id, user.role, user.agencyId ?? '', clientId, after, limit].join('|');
}

/** The page after `after`: the one rendered ahead for this request, else a fresh one. */
export async function takePage(
  db: Knex,
  user: User,
  clientId: string,
  after: number,
  limit: number,
): Promise<FeedPage> {
  const pages = ahead.get(db);
  const key = keyOf(user, clientId, after, limit);
  const kept = pages?.get(key);
  pages?.delete(key);
  if (kept && Date.now() - kept.at < AHEAD_TTL_MS) {
    try {
      return await kept.page;
    } catch {
      // Rendered ahead on a connection that failed: render it again below.
    }
  }
  return readPage(db, user, after, limit);
}

/** Starts rendering the page a client will ask for next. */
export function renderAhead(
  db: Knex,
  user: User,
  clientId: string,
  after: number,
  limit: number,
): void {
  let pages = ahead.get(db);
  if (!pages) {
    pages = new Map();
    ahead.set(db, pages);
  }
  const now = Date.now();
  for (const [key, kept] of pages) {
    if (now - kept.at >= AHEAD_TTL_MS || pages.size >= MAX_AHEAD) pages.delete(key);
  }
  const page = readPage(db, user, after, limit);
  // Failures surface when the page is taken, or never if it is not.
  page.catch(() => undefined);
  pages.set(keyOf(user, clientId, after, limit), { at: now, page });
}

/** The highest feed position handed out; every one up to it is committed (feed.ts). */
export async function feedTop(db: Knex): Promise<number> {
  const row = await firstRow<{ value: unknown }>(
    db('feed_counter').where('id', 1).select('value'),
  );
  return toNumber(row?.value ?? 0);
}
