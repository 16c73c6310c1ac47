import type { Knex } from 'knex';
import { DomainError } from '../../shared/errors';
import type { ServiceVersion } from '../../shared/domain/service';
import { lockRow, toNumber } from '../db/rows';
import type { ApplyContext } from './context';
import { versionFromRow } from './rows';
import type { ServiceRow, VersionRow } from './rows';

/** A service with all its versions, loaded under the service's row lock. */
export interface ServiceState {
  row: ServiceRow;
  revision: number;
  versions: ServiceVersion[];
}

/** Locks and loads a service; a missing one is a NOT_FOUND refusal. */
export async function loadServiceForUpdate(
  trx: Knex.Transaction,
  serviceId: string,
): Promise<ServiceState> {
  await lockRow(trx, 'services', 'id', serviceId);
  const row = await trx<ServiceRow>('services').where('id', serviceId).first();
  if (!row) {
    throw new DomainError('NOT_FOUND', 'No such service', [
      { path: 'args.serviceId', message: 'not found' },
    ]);
  }
  const versions = await trx<VersionRow>('service_versions')
    .where('service_id', serviceId)
    .orderBy('number');
  return {
    row,
    revision: toNumber(row.revision),
    versions: versions.map(versionFromRow),
  };
}

/** The version being worked on (draft, submitted or returned), if any. */
export function findWorkingVersion(state: ServiceState): ServiceVersion | undefined {
  return state.versions.find((version) =>
    ['draft', 'submitted', 'returned'].includes(version.status),
  );
}

/** The published version: the approved one with the highest number. */
export function findPublishedVersion(state: ServiceState): ServiceVersion | undefined {
  return state.versions.filter((version) => version.status === 'approved').at(-1);
}

/**
 * Bumps the service's revision after a change to it or its versions and
 * queues its feed row; returns the new revision.
 */
export async function markServiceChanged(
  ctx: ApplyContext,
  state: ServiceState,
  hasPublishedVersion: boolean,
): Promise<number> {
  const revision = state.revision + 1;
  await ctx.trx('services').where('id', state.row.id).update({ revision });
  ctx.feed.push({
    entityType: 'service',
    entityId: state.row.id,
    agencyId: state.row.agency_id,
    isPublic: hasPublishedVersion,
  });
  return revision;
}
