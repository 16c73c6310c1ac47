import type { Knex } from 'knex';
import { agencyGroupSchema } from '../../shared/domain/agency';
import type { Agency } from '../../shared/domain/agency';
import type { Category } from '../../shared/domain/category';
import { upsertInChunks } from './chunked-upsert';

interface AgencyRow {
  id: string;
  code: string;
  group_name: string;
  name_az: string;
  name_en: string;
  is_active: number | boolean;
}

interface CategoryRow {
  code: string;
  name_az: string;
  name_en: string;
  name_ru: string;
  sort_order: number;
}

function agencyToRow(agency: Agency): AgencyRow {
  return {
    id: agency.id,
    code: agency.code,
    group_name: agency.group,
    name_az: agency.nameAz,
    name_en: agency.nameEn,
    is_active: agency.isActive ? 1 : 0,
  };
}

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
  await upsertInChunks(db, 'agencies', 'id', agencies.map(agencyToRow));
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
  const rows: CategoryRow[] = categories.map((category) => ({
    code: category.code,
    name_az: category.nameAz,
    name_en: category.nameEn,
    name_ru: category.nameRu,
    sort_order: category.sortOrder,
  }));
  await upsertInChunks(db, 'categories', 'code', rows);
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
