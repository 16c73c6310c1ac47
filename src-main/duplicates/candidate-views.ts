import type { Knex } from 'knex';
import type {
  DuplicateCandidateView,
  DuplicateSide,
  OwnMark,
} from '../../shared/contract/duplicate-views';
import { publishedVersion, workingVersion } from '../../shared/domain/service';
import type { Service } from '../../shared/domain/service';
import type { DuplicateCandidate } from '../../shared/duplicates/duplicate-candidate';
import { duplicateMarkKindSchema } from '../../shared/duplicates/duplicate-candidate';
import {
  candidatesOfService,
  listCandidates,
} from '../local-store/duplicate-candidates-table';
import { listOutbox } from '../local-store/outbox-table';
import type { OutboxRecord } from '../local-store/outbox-table';
import { listAgencies } from '../local-store/reference-tables';

/**
 * Duplicate candidates as the reviewer's screen and a service's page show
 * them: both services' key fields side by side, and this desktop's own
 * mark while it is on its way, refused or stale.
 */

/** The version a pair was found on: the one in review, else the published one. */
export function comparedVersion(service: Service) {
  const working = workingVersion(service);
  return working?.status === 'submitted'
    ? working
    : (publishedVersion(service) ?? working);
}

function sideOf(
  service: Service | undefined,
  name: string,
  agencyNames: ReadonlyMap<string, string>,
): DuplicateSide | null {
  if (!service) return null;
  const version = comparedVersion(service);
  const record = version?.record;
  const time = record?.processingTime;
  return {
    serviceId: service.id,
    registryCode: service.registryCode,
    name,
    agencyId: service.agencyId,
    agencyName: agencyNames.get(service.agencyId) ?? '',
    status: version?.status ?? 'draft',
    resultName: record?.result.name ?? '',
    legalActs: (record?.legalActs ?? []).map((act) =>
      [act.number, act.title].filter((part) => part !== '').join(' — '),
    ),
    documents: (record?.documents ?? []).map((document) => document.name),
    processingTime:
      time?.value === null || time?.value === undefined
        ? null
        : { value: time.value, unit: time.unit },
    description: record?.description ?? '',
  };
}

/** The newest unsettled mark of this desktop on each pair. */
function ownMarks(entries: readonly OutboxRecord[]): Map<string, OwnMark> {
  const marks = new Map<string, OwnMark>();
  for (const entry of entries) {
    if (entry.name !== 'duplicate.mark' || entry.state === 'resolved') continue;
    const result = entry.result;
    marks.set(entry.entityId, {
      entryId: entry.id,
      state: entry.state,
      kind: duplicateMarkKindSchema.parse(entry.args.kind),
      note: typeof entry.args.note === 'string' ? entry.args.note : '',
      error: result?.status === 'rejected' ? result.error : null,
      conflictMessage: result?.status === 'conflict' ? result.message : null,
    });
  }
  return marks;
}

async function views(
  db: Knex,
  candidates: readonly DuplicateCandidate[],
): Promise<DuplicateCandidateView[]> {
  if (candidates.length === 0) return [];
  const ids = [...new Set(candidates.flatMap((c) => [c.aServiceId, c.bServiceId]))];
  const services = new Map<string, { service: Service; name: string }>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db('services as s')
      .join('service_documents as d', 'd.service_id', 's.id')
      .whereIn('s.id', ids.slice(start, start + 500))
      .select<Array<{ id: string; name: string; document: string }>>(
        's.id',
        's.name',
        'd.document',
      );
    for (const row of rows) {
      services.set(row.id, {
        service: JSON.parse(row.document) as Service,
        name: row.name,
      });
    }
  }
  const agencyNames = new Map(
    (await listAgencies(db)).map((agency) => [agency.id, agency.nameAz]),
  );
  const marks = ownMarks(await listOutbox(db));
  const side = (id: string) => {
    const found = services.get(id);
    return sideOf(found?.service, found?.name ?? '', agencyNames);
  };
  return candidates.map((candidate) => ({
    candidate,
    a: side(candidate.aServiceId),
    b: side(candidate.bServiceId),
    ownMark: marks.get(candidate.id) ?? null,
  }));
}

/** Every pair on this computer, best first. */
export async function duplicateCandidateViews(
  db: Knex,
): Promise<DuplicateCandidateView[]> {
  return views(db, await listCandidates(db));
}

/** The pairs one service is part of. */
export async function serviceCandidateViews(
  db: Knex,
  serviceId: string,
): Promise<DuplicateCandidateView[]> {
  return views(db, await candidatesOfService(db, serviceId));
}

/** One pair's view. */
export async function candidateView(
  db: Knex,
  candidate: DuplicateCandidate,
): Promise<DuplicateCandidateView> {
  const [view] = await views(db, [candidate]);
  if (!view) throw new Error('a view of one candidate is one view');
  return view;
}
