import type { Knex } from 'knex';
import type { Agency } from '../../shared/domain/agency';
import type { Category } from '../../shared/domain/category';
import type { Service } from '../../shared/domain/service';
import type { ServiceName } from '../../shared/domain/service-name';
import type { DuplicateCandidate } from '../../shared/duplicates/duplicate-candidate';
import type { EntityChange, EntityKind } from '../../shared/sync/protocol';
import {
  putCandidates,
  removeCandidate,
} from '../local-store/duplicate-candidates-table';
import {
  putAgencies,
  putCategories,
  removeReference,
} from '../local-store/reference-tables';
import { serviceDraftsOf } from '../local-store/service-drafts-table';
import {
  putServiceNames,
  removeServiceName,
  serviceNameTexts,
} from '../local-store/service-names-table';
import {
  putServices,
  removeService,
  renameServices,
} from '../local-store/services-table';
import type { ServicePut } from '../local-store/services-table';
import { rebaseServiceOverlay } from '../services/service-overlay';
import { applyEvaluationChanges, isEvaluationChange } from './apply-evaluation-changes';
import type { EvaluationChange } from './apply-evaluation-changes';

/**
 * Applies one pull page inside the caller's transaction. Server truth goes
 * into the synced rows; a service with local work keeps its overlay, rebased
 * on the new server copy, and outbox entries the page delivers are retired.
 */
export async function applyPullPage(
  trx: Knex,
  changes: readonly EntityChange[],
): Promise<Set<EntityKind>> {
  const latest = new Map<string, EntityChange>();
  for (const change of changes) {
    const id = change.op === 'remove' ? change.id : idOf(change);
    latest.set(`${change.entity}:${id}`, change);
  }

  const agencies: Agency[] = [];
  const categories: Category[] = [];
  const names: ServiceName[] = [];
  const services: Service[] = [];
  const removals: { entity: EntityKind; id: string }[] = [];
  const evaluation: EvaluationChange[] = [];
  const candidates: DuplicateCandidate[] = [];
  for (const change of latest.values()) {
    if (isEvaluationChange(change)) evaluation.push(change);
    else if (change.op === 'remove')
      removals.push({ entity: change.entity, id: change.id });
    else if (change.entity === 'agency') agencies.push(change.data);
    else if (change.entity === 'category') categories.push(change.data);
    else if (change.entity === 'serviceName') names.push(change.data);
    else if (change.entity === 'service') services.push(change.data);
    else if (change.entity === 'duplicateCandidate') candidates.push(change.data);
  }

  await putAgencies(trx, agencies);
  await putCategories(trx, categories);
  await applyServiceNames(trx, names);
  await applyServices(trx, services);
  for (const removal of removals) {
    if (removal.entity === 'service') await removeService(trx, removal.id);
    else if (removal.entity === 'serviceName') await removeServiceName(trx, removal.id);
    else if (removal.entity === 'duplicateCandidate') {
      await removeCandidate(trx, removal.id);
    } else if (removal.entity === 'agency' || removal.entity === 'category') {
      await removeReference(trx, removal.entity, removal.id);
    }
  }
  await applyEvaluationChanges(trx, evaluation);
  await putCandidates(trx, candidates);
  // A mark the server applied is settled once the pair it produced arrives.
  await retireDeliveredEntries(trx, candidates);
  return new Set(changes.map((change) => change.entity));
}

function idOf(change: Exclude<EntityChange, { op: 'remove' }>): string {
  return change.entity === 'category' ? change.data.code : change.data.id;
}

async function applyServiceNames(
  trx: Knex,
  names: readonly ServiceName[],
): Promise<void> {
  if (names.length === 0) return;
  const previous = await serviceNameTexts(
    trx,
    names.map((name) => name.id),
  );
  await putServiceNames(trx, names);
  for (const name of names) {
    const before = previous.get(name.id);
    if (before !== undefined && before !== name.name) {
      await renameServices(trx, name.id, name.name);
    }
  }
  await retireDeliveredEntries(trx, names);
}

/** Outbox entries about names or pairs that the server has applied and this page delivered. */
async function retireDeliveredEntries(
  trx: Knex,
  entities: ReadonlyArray<{ id: string; revision: number }>,
) {
  if (entities.length === 0) return;
  const revisionById = new Map(entities.map((entity) => [entity.id, entity.revision]));
  const rows = await trx('outbox')
    .whereIn('entity_id', [...revisionById.keys()])
    .where({ state: 'applied' })
    .select<{ id: number; entity_id: string; result: string }[]>(
      'id',
      'entity_id',
      'result',
    );
  for (const row of rows) {
    const applied = JSON.parse(row.result) as { revision?: number };
    const delivered = revisionById.get(row.entity_id) ?? 0;
    if ((applied.revision ?? Infinity) <= delivered) {
      await trx('outbox').where({ id: row.id }).delete();
    }
  }
}

async function applyServices(trx: Knex, services: readonly Service[]): Promise<void> {
  if (services.length === 0) return;
  const ids = services.map((service) => service.id);
  const names = await serviceNameTexts(trx, [
    ...new Set(services.map((service) => service.serviceNameId)),
  ]);
  const drafts = await serviceDraftsOf(trx, ids);
  const withEntries = await idsWithOutboxEntries(trx, ids);

  const puts: ServicePut[] = [];
  for (const service of services) {
    const draft = drafts.get(service.id);
    const overlay =
      draft || withEntries.has(service.id)
        ? await rebaseServiceOverlay(trx, service, draft)
        : null;
    puts.push({ service, name: names.get(service.serviceNameId) ?? '', overlay });
  }
  await putServices(trx, puts);
}

async function idsWithOutboxEntries(
  trx: Knex,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await trx('outbox')
      .whereIn('entity_id', ids.slice(start, start + 500))
      .distinct<{ entity_id: string }[]>('entity_id');
    for (const row of rows) found.add(row.entity_id);
  }
  return found;
}
