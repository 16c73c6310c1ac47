import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { openLocalStore } from '../../src-main/local-store/database';
import { listServices } from '../../src-main/local-store/service-queries';
import {
  migrateLocalStore,
  migrationSource,
} from '../../src-main/local-store/migrations/index';
import { applyPullPage } from '../../src-main/sync/apply-pull-page';
import { presentationAgencies } from '../../shared/reference/agencies';
import { publishedServiceChanges } from './support/registry-builder';
import { listQuery, tempDir } from './support/desktop-fixture';

let db: Knex;

async function schemaObjects(): Promise<string[]> {
  const rows = await db('sqlite_master').select<Array<{ name: string }>>('name');
  return rows.map((row) => row.name);
}

beforeAll(async () => {
  db = await openLocalStore(tempDir('dxer-local-migrations'));
  const agency = presentationAgencies[0]?.id ?? '';
  for (const [at, name] of [
    'Əmək pensiyasının təyin edilməsi',
    'İşsizlik müavinəti',
  ].entries()) {
    await db.transaction((trx) =>
      applyPullPage(trx, publishedServiceChanges(agency, name, at + 1)),
    );
  }
});
afterAll(async () => {
  await db.destroy();
});

describe('local store migrations', () => {
  it('leaves no trigram table or search-only index, as search runs in memory', async () => {
    const objects = await schemaObjects();
    expect(objects).toContain('services_name_search');
    expect(objects.filter((name) => name.startsWith('services_fts'))).toEqual([]);
    expect(objects).not.toContain('services_type_name');
  });

  it('rolls the in-memory search migration back with its data and forward again, search intact', async () => {
    // Later migrations come off first, as they would when downgrading.
    await db.migrate.down({ migrationSource, name: '202612040300_review_queue' });
    await db.migrate.down({ migrationSource, name: '202612032130_search_in_memory' });
    expect(await schemaObjects()).toContain('services_fts');
    const indexed = await db.raw<Array<{ rowid: number }>>(
      'select rowid from services_fts where services_fts match \'"pensiya"\'',
    );
    expect(indexed).toHaveLength(1);

    await migrateLocalStore(db);
    expect(
      (await schemaObjects()).filter((name) => name.startsWith('services_fts')),
    ).toEqual([]);
    const found = await listServices(db, listQuery({ query: 'İŞSİZLİK' }));
    expect(found.rows.map((row) => row.name)).toEqual(['İşsizlik müavinəti']);
  });
});
