import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { ServiceRecord } from '../../shared/domain/service-record';
import type { WorkflowStatus } from '../../shared/workflow/state-machine';
import { nowIso } from '../db/rows';
import { formatRegistryCode, takeRegistryCodes } from '../registry/registry-codes';
import type { ServiceNameRow, VersionRow } from '../registry/rows';
import { writeFeedEntries } from '../sync/feed';
import type { FeedEntry } from '../sync/feed';

/** Stands for the server itself where seeded rows need an author. */
export const SYSTEM_ACTOR_ID = '5ee0a3b1-0c1e-4d2a-9a53-5e11d0000001';

export interface NameSeed {
  id?: string;
  agencyId: string;
  name: string;
  status: 'approved' | 'submitted';
  actorId: string;
}

export interface ServiceSeed {
  agencyId: string;
  name: string;
  record: ServiceRecord;
  /** approved: published; submitted: waiting for a reviewer. */
  status: Extract<WorkflowStatus, 'approved' | 'submitted'>;
  actorId: string;
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 400;

/**
 * Inserts names and services (each with its own approved name and version 1)
 * in the caller's transaction, with their feed rows. Used by the demo seed
 * and the large-registry generator; bypasses the workflow on purpose.
 */
export async function insertRegistryRows(
  trx: Knex.Transaction,
  names: readonly NameSeed[],
  services: readonly ServiceSeed[],
): Promise<void> {
  const now = nowIso();
  const feed: FeedEntry[] = [];
  const nameRows: ServiceNameRow[] = names.map((seed) => {
    const id = seed.id ?? randomUUID();
    feed.push({
      entityType: 'serviceName',
      entityId: id,
      agencyId: seed.agencyId,
      isPublic: seed.status === 'approved',
    });
    return nameRow(id, seed.agencyId, seed.name, seed.status, seed.actorId, now);
  });

  const firstCode = await takeRegistryCodes(trx, services.length);
  const serviceRows = [];
  const versionRows: VersionRow[] = [];
  for (const [index, seed] of services.entries()) {
    const nameId = randomUUID();
    const serviceId = randomUUID();
    nameRows.push(
      nameRow(nameId, seed.agencyId, seed.name, 'approved', seed.actorId, now),
    );
    feed.push({
      entityType: 'serviceName',
      entityId: nameId,
      agencyId: seed.agencyId,
      isPublic: true,
    });
    serviceRows.push({
      id: serviceId,
      agency_id: seed.agencyId,
      service_name_id: nameId,
      registry_code: formatRegistryCode(firstCode + index),
      revision: 1,
      created_at: now,
    });
    const isApproved = seed.status === 'approved';
    versionRows.push({
      id: randomUUID(),
      service_id: serviceId,
      number: 1,
      status: seed.status,
      record: JSON.stringify(seed.record),
      submission_no: 1,
      remarks: '[]',
      created_at: now,
      created_by: seed.actorId,
      updated_at: now,
      submitted_at: now,
      submitted_by: seed.actorId,
      decided_at: isApproved ? now : null,
      decided_by: isApproved ? SYSTEM_ACTOR_ID : null,
      history: '[]',
    });
    feed.push({
      entityType: 'service',
      entityId: serviceId,
      agencyId: seed.agencyId,
      isPublic: isApproved,
    });
  }

  await insertChunked(trx, 'service_names', nameRows);
  await insertChunked(trx, 'services', serviceRows);
  await insertChunked(trx, 'service_versions', versionRows);
  await writeFeedEntries(trx, feed);
}

function nameRow(
  id: string,
  agencyId: string,
  name: string,
  status: 'approved' | 'submitted',
  actorId: string,
  now: string,
): ServiceNameRow {
  const isApproved = status === 'approved';
  return {
    id,
    agency_id: agencyId,
    name,
    aliases: '[]',
    status,
    submission_no: 1,
    reason: '',
    revision: isApproved ? 2 : 1,
    proposed_by: actorId,
    proposed_at: now,
    decided_by: isApproved ? SYSTEM_ACTOR_ID : null,
    decided_at: isApproved ? now : null,
  };
}

async function insertChunked(
  trx: Knex.Transaction,
  table: string,
  rows: readonly object[],
) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await trx(table).insert(rows.slice(start, start + CHUNK));
  }
}
