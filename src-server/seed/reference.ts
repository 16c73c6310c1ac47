import type { Knex } from 'knex';
import { presentationAgencies } from '../../shared/reference/agencies';
import { registryCategories } from '../../shared/reference/categories';
import { nowIso } from '../db/rows';
import { agencyToRow } from '../registry/rows';
import { writeFeedEntries } from '../sync/feed';
import type { FeedEntry } from '../sync/feed';

/**
 * Inserts the reference categories and agencies that are missing. Rows that
 * exist are left alone (an administrator may have edited an agency), so
 * running it at every start changes nothing and adds no feed rows.
 */
export async function seedReference(db: Knex): Promise<void> {
  await db.transaction(async (trx) => {
    const feed: FeedEntry[] = [];
    const knownCategories = new Set((await trx('categories').pluck('code')).map(String));
    const newCategories = registryCategories.filter((c) => !knownCategories.has(c.code));
    if (newCategories.length > 0) {
      await trx('categories').insert(
        newCategories.map((c) => ({
          code: c.code,
          name_az: c.nameAz,
          name_en: c.nameEn,
          name_ru: c.nameRu,
          sort_order: c.sortOrder,
        })),
      );
      for (const c of newCategories) {
        feed.push({
          entityType: 'category',
          entityId: c.code,
          agencyId: null,
          isPublic: true,
        });
      }
    }

    const knownAgencies = new Set((await trx('agencies').pluck('id')).map(String));
    const newAgencies = presentationAgencies.filter((a) => !knownAgencies.has(a.id));
    if (newAgencies.length > 0) {
      const now = nowIso();
      await trx('agencies').insert(newAgencies.map((a) => agencyToRow(a, now)));
      for (const a of newAgencies) {
        feed.push({
          entityType: 'agency',
          entityId: a.id,
          agencyId: a.id,
          isPublic: true,
        });
      }
    }
    await writeFeedEntries(trx, feed);
  });
}
