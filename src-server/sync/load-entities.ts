import type { Knex } from 'knex';
import type { User } from '../../shared/domain/user';
import type { EntityChange, EntityKind } from '../../shared/sync/protocol';
import { toNumber } from '../db/rows';
import {
  agencyFromRow,
  categoryFromRow,
  serviceNameFromRow,
  versionFromRow,
} from '../registry/rows';
import type {
  AgencyRow,
  CategoryRow,
  ServiceNameRow,
  ServiceRow,
  VersionRow,
} from '../registry/rows';
import { projectService, projectServiceName } from './visibility';

/**
 * Loads the current state of a page of entities, one query per kind (and
 * one for the versions of all its services), projected for `user`. An
 * entity missing from the result is removed or invisible to the user.
 */
export async function loadEntities(
  db: Knex,
  user: User,
  refs: ReadonlyArray<{ kind: EntityKind; id: string }>,
): Promise<Map<string, EntityChange>> {
  const ids: Record<EntityKind, string[]> = {
    agency: [],
    category: [],
    serviceName: [],
    service: [],
  };
  for (const ref of refs) ids[ref.kind].push(ref.id);
  const found = new Map<string, EntityChange>();

  if (ids.agency.length > 0) {
    const rows = await db<AgencyRow>('agencies').whereIn('id', ids.agency);
    for (const row of rows) {
      found.set(`agency:${row.id}`, {
        entity: 'agency',
        op: 'put',
        data: agencyFromRow(row),
      });
    }
  }
  if (ids.category.length > 0) {
    const rows = await db<CategoryRow>('categories').whereIn('code', ids.category);
    for (const row of rows) {
      const data = categoryFromRow(row);
      found.set(`category:${row.code}`, { entity: 'category', op: 'put', data });
    }
  }
  if (ids.serviceName.length > 0) {
    const rows = await db<ServiceNameRow>('service_names').whereIn('id', ids.serviceName);
    for (const row of rows) {
      const data = projectServiceName(user, serviceNameFromRow(row));
      if (data)
        found.set(`serviceName:${row.id}`, { entity: 'serviceName', op: 'put', data });
    }
  }
  if (ids.service.length > 0) await loadServices(db, user, ids.service, found);
  return found;
}

async function loadServices(
  db: Knex,
  user: User,
  ids: string[],
  found: Map<string, EntityChange>,
): Promise<void> {
  const services = await db<ServiceRow>('services')
    .whereIn('id', ids)
    .select(
      'id',
      'agency_id',
      'service_name_id',
      'registry_code',
      'revision',
      'created_at',
    );
  const versionQuery = db<VersionRow>('service_versions').whereIn('service_id', ids);
  // Evaluators only ever see approved versions: skip loading the rest.
  if (user.role === 'evaluator') void versionQuery.where('status', 'approved');
  const versionRows = await versionQuery.orderBy(['service_id', 'number']);

  const byService = new Map<string, VersionRow[]>();
  for (const row of versionRows) {
    const list = byService.get(row.service_id) ?? [];
    list.push(row);
    byService.set(row.service_id, list);
  }
  for (const row of services) {
    const data = projectService(
      user,
      {
        id: row.id,
        agencyId: row.agency_id,
        serviceNameId: row.service_name_id,
        registryCode: row.registry_code,
        revision: toNumber(row.revision),
        createdAt: row.created_at,
      },
      (byService.get(row.id) ?? []).map(versionFromRow),
    );
    if (data) found.set(`service:${row.id}`, { entity: 'service', op: 'put', data });
  }
}
