import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { presentationAgencies } from '../../shared/reference/agencies';
import type { EntityChange } from '../../shared/sync/protocol';
import { openLocalStore } from '../../src-main/local-store/database';
import {
  migrateLocalStore,
  migrationSource,
} from '../../src-main/local-store/migrations/index';
import { applyPullPage } from '../../src-main/sync/apply-pull-page';
import { reviewQueue } from '../../src-main/review/review-queue';
import { tempDir } from './support/desktop-fixture';
import { publishedServiceChanges } from './support/registry-builder';

const SUBMITTED_AT = '2026-11-02T08:30:00.000Z';
let db: Knex;

/** A service whose only version waits in review, submitted at SUBMITTED_AT. */
function submittedServiceChanges(agencyId: string): EntityChange[] {
  return publishedServiceChanges(agencyId, 'İşsizlik müavinətinin təyin edilməsi', 1).map(
    (change) =>
      change.entity === 'service' && change.op === 'put'
        ? {
            ...change,
            data: {
              ...change.data,
              versions: change.data.versions.map((version) => ({
                ...version,
                status: 'submitted' as const,
                submittedAt: SUBMITTED_AT,
                decidedAt: null,
                decidedBy: null,
              })),
            },
          }
        : change,
  );
}

beforeAll(async () => {
  db = await openLocalStore(tempDir('dxer-review-migration'));
});
afterAll(async () => {
  await db.destroy();
});

describe('the review queue migration', () => {
  it('takes the submission time of services stored before it from their documents', async () => {
    await db.migrate.down({ migrationSource, name: '202612040300_review_queue' });
    const columns = await db.raw<Array<{ name: string }>>('pragma table_info(services)');
    expect(columns.map((column) => column.name)).not.toContain('submitted_at');

    // Rows written by a desktop that had no submitted_at column yet.
    const agencyId = presentationAgencies[0]?.id ?? '';
    const changes = submittedServiceChanges(agencyId);
    const service = changes.find((change) => change.entity === 'service');
    if (service?.entity !== 'service' || service.op !== 'put')
      throw new Error('no service');
    await db('services').insert({
      id: service.data.id,
      agency_id: agencyId,
      service_name_id: service.data.serviceNameId,
      registry_code: service.data.registryCode,
      revision: 1,
      name: 'İşsizlik müavinətinin təyin edilməsi',
      name_sort: '',
      name_fold: '',
      type: 'nonElectronic',
      status: 'submitted',
      categories: '[]',
      is_g2b: 0,
      updated_at: SUBMITTED_AT,
      has_published: 0,
      published_type: null,
      published_is_g2b: 0,
      published_categories: '[]',
    });
    await db('service_documents').insert({
      service_id: service.data.id,
      document: JSON.stringify(service.data),
    });

    await migrateLocalStore(db);
    const row = await db('services')
      .where({ id: service.data.id })
      .first<{ submitted_at: string }>('submitted_at');
    expect(row.submitted_at).toBe(SUBMITTED_AT);
    const queue = await reviewQueue(
      db,
      { agencyId: null, category: null, kind: null, offset: 0, limit: 10 },
      '2026-11-04T08:00:00.000Z',
    );
    expect(queue.rows).toHaveLength(1);
    expect(queue.rows[0]).toMatchObject({
      id: service.data.id,
      kind: 'newService',
      clock: { submittedAt: SUBMITTED_AT, workingDaysWaited: 2 },
    });
  });

  it('fills submitted_at for a submission pulled after it', async () => {
    const agencyId = presentationAgencies[1]?.id ?? '';
    await db.transaction((trx) => applyPullPage(trx, submittedServiceChanges(agencyId)));
    const queue = await reviewQueue(
      db,
      { agencyId, category: null, kind: null, offset: 0, limit: 10 },
      '2026-11-02T09:00:00.000Z',
    );
    expect(queue.rows.map((row) => row.clock.submittedAt)).toEqual([SUBMITTED_AT]);
  });
});
