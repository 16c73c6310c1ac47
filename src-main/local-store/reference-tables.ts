import type { Knex } from 'knex';
import { agencyGroupSchema } from '../../shared/domain/agency';
import type { Agency } from '../../shared/domain/agency';
import type { Category } from '../../shared/domain/category';
import { agencyRow, categoryRow } from '../../shared/sync/synced-rows';
import type { AgencyRow, CategoryRow } from '../../shared/sync/synced-rows';
import { upsertInChunks } from './chunked-upsert';

function agencyFromRow(row: AgencyRow): Agency {
  return {
    id: row.id,
    code: row.code,
    group: agencyGroupSchema.parse(row.group_name),
    nameAz: row.name_az,
    nameEn: row.name_en,
    isActive: Boolean(row.is_active),
  };
}

/** Stores agencies as the server sent them. */
export async function putAgencies(db: Knex, agencies: readonly Agency[]): Promise<void> {
  await upsertInChunks(db, 'agencies', 'id', agencies.map(agencyRow));
}

/** Every agency, by Azerbaijani name order left to the caller. */
export async function listAgencies(db: Knex): Promise<Agency[]> {
  const rows = await db<AgencyRow>('agencies').select('*');
  return rows.map(agencyFromRow);
}

/** An agency's Azerbaijani name, or '' when this computer does not hold it yet. */
export async function agencyName(db: Knex, id: string): Promise<string> {
  const row = await db<AgencyRow>('agencies').where({ id }).first('name_az');
  return row?.name_az ?? '';
}

/** Stores categories as the server sent them. */
export async function putCategories(
  db: Knex,
  categories: readonly Category[],
): Promise<void> {
  await upsertInChunks(db, 'categories', 'code', categories.map(categoryRow));
}

/** Every category in the registry's order. */
export async function listCategories(db: Knex): Promise<Category[]> {
  const rows = await db<CategoryRow>('categories').select('*').orderBy('sort_order');
  return rows.map((row) => ({
    code: row.code,
    nameAz: row.name_az,
    nameEn: row.name_en,
    nameRu: row.name_ru,
    sortOrder: row.sort_order,
  }));
}

/** Removes a reference row the server no longer shows. */
export async function removeReference(
  db: Knex,
  entity: 'agency' | 'category',
  id: string,
): Promise<void> {
  if (entity === 'agency') await db('agencies').where({ id }).delete();
  else await db('categories').where({ code: id }).delete();
}
