import type { Knex } from 'knex';
import type { HeldInput } from '../../shared/contract/views';
import { serviceFieldSchema } from '../../shared/domain/service-record';
import { readJsonColumn } from './json-column';

/** A field's raw value as the user typed it, which main could not save as a draft yet. */
export interface StoredHeldInput extends HeldInput {
  serviceId: string;
  updatedAt: string;
}

interface HeldInputRow {
  service_id: string;
  field: string;
  raw: string;
  updated_at: string;
}

/** Keeps (or replaces) the held raw value of one field. */
export async function putHeldInput(db: Knex, held: StoredHeldInput): Promise<void> {
  const row: HeldInputRow = {
    service_id: held.serviceId,
    field: held.field,
    raw: JSON.stringify(held.raw),
    updated_at: held.updatedAt,
  };
  await db('held_inputs').insert(row).onConflict(['service_id', 'field']).merge();
}

/** Every held field of a service, by field name. */
export async function heldInputsOf(db: Knex, serviceId: string): Promise<HeldInput[]> {
  const rows = await db<HeldInputRow>('held_inputs')
    .where({ service_id: serviceId })
    .orderBy('field')
    .select('*');
  // A field a later version no longer has is left out rather than shown.
  return rows.flatMap((row) => {
    const field = serviceFieldSchema.safeParse(row.field);
    return field.success
      ? [{ field: field.data, raw: readJsonColumn<HeldInput['raw']>(row.raw) }]
      : [];
  });
}

/** Forgets the held values of these fields: they now saved as typed. */
export async function clearHeldInputs(
  db: Knex,
  serviceId: string,
  fields: readonly string[],
): Promise<void> {
  if (fields.length === 0) return;
  await db('held_inputs')
    .where({ service_id: serviceId })
    .whereIn('field', [...fields])
    .delete();
}
