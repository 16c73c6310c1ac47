import type { Knex } from 'knex';

/** Keys of the meta table: small facts about this installation and its session. */
export type MetaKey =
  | 'cursor'
  | 'last_synced_at'
  | 'user'
  | 'server_url'
  | 'language'
  | 'update_channel'
  | `client_id.${string}`
  | `last_seq.${string}`;

/** Reads one meta value, or null. */
export async function readMeta(db: Knex, key: MetaKey): Promise<string | null> {
  const row = await db('meta')
    .where({ key })
    .first<{ value: string } | undefined>('value');
  return row?.value ?? null;
}

/** Writes one meta value. */
export async function writeMeta(db: Knex, key: MetaKey, value: string): Promise<void> {
  await db('meta').insert({ key, value }).onConflict('key').merge();
}

/** Removes one meta value. */
export async function deleteMeta(db: Knex, key: MetaKey): Promise<void> {
  await db('meta').where({ key }).delete();
}
