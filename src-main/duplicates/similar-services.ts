import type { Knex } from 'knex';
import type { SimilarServices } from '../../shared/contract/duplicate-views';
import type { Service } from '../../shared/domain/service';
import { duplicateIndexSteps, runInSlices } from '../../shared/duplicates/duplicate-scan';
import type { DuplicateIndex } from '../../shared/duplicates/duplicate-scan';
import type { DuplicateSubject } from '../../shared/duplicates/service-fingerprint';
import { DomainError } from '../../shared/errors';
import { getServiceDraft } from '../local-store/service-drafts-table';
import { listAgencies } from '../local-store/reference-tables';
import { getService } from '../local-store/services-table';
import { effectiveVersion } from '../../shared/sync/synced-rows';
import { comparedVersion } from './candidate-views';

/** Documents read per query while building. */
const PAGE = 500;
/** The most main's event loop is held by one slice of fingerprinting. */
const SLICE_MS = 15;
const MAX_SIMILAR = 5;

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

interface BuiltIndex {
  stamp: string;
  index: DuplicateIndex;
  names: Map<string, { name: string; registryCode: string; agencyId: string }>;
}

interface IndexState {
  db: Knex;
  ready: BuiltIndex | null;
  building: { stamp: string; done: Promise<BuiltIndex> } | null;
}

let state: IndexState | null = null;

async function stampOf(db: Knex): Promise<string> {
  const row = await db('services').first<{ n: number; r: number }>(
    db.raw('count(*) as n'),
    db.raw('total(revision) as r'),
  );
  return `${row?.n ?? 0}:${row?.r ?? 0}`;
}

/**
 * Every service on this computer as duplicate detection sees it: the
 * version in review or the published one; drafts never count, the agency's
 * own unsent work included.
 */
async function build(db: Knex, stamp: string): Promise<BuiltIndex> {
  const subjects: DuplicateSubject[] = [];
  const names: BuiltIndex['names'] = new Map();
  let after = 0;
  for (;;) {
    const rows = await db('services as s')
      .join('service_documents as d', 'd.service_id', 's.id')
      .where('s.rowid', '>', after)
      .orderBy('s.rowid')
      .limit(PAGE)
      .select<Array<{ rowid: number; id: string; name: string; document: string }>>(
        's.rowid',
        's.id',
        's.name',
        'd.document',
      );
    if (rows.length === 0) break;
    for (const row of rows) {
      const service = JSON.parse(row.document) as Service;
      names.set(service.id, {
        name: row.name,
        registryCode: service.registryCode,
        agencyId: service.agencyId,
      });
      const version = comparedVersion(service);
      if (version && version.status !== 'draft' && version.status !== 'returned') {
        subjects.push({
          id: service.id,
          agencyId: service.agencyId,
          name: row.name,
          record: version.record,
        });
      }
    }
    after = rows.at(-1)?.rowid ?? after;
    await yieldToOthers();
  }
  const index = await runInSlices(duplicateIndexSteps(subjects), yieldToOthers, SLICE_MS);
  return { stamp, index, names };
}

/**
 * The index of this computer's services, built in the background and
 * kept until they change. While a first build runs, null: the caller says
 * "still checking". When services change, the previous index answers
 * until the new one is built, so a pull never makes the warning wait.
 *
 * Cost (bench:duplicates, "build in slices"): fingerprinting is about 70 µs
 * a service, so a desktop with the whole national registry (100,000
 * services) needs some 7 s of main's time plus reading the documents before
 * the first warning, in slices of at most SLICE_MS between which every
 * other contract call runs. Known shortcoming: any change rebuilds the
 * whole index; upserting just the services a pull changed would avoid it.
 */
async function currentIndex(db: Knex): Promise<BuiltIndex | null> {
  if (state?.db !== db) state = { db, ready: null, building: null };
  const held = state;
  const stamp = await stampOf(db);
  if (held.ready?.stamp === stamp) return held.ready;
  if (held.building?.stamp !== stamp) {
    const done = build(db, stamp);
    held.building = { stamp, done };
    done.then(
      (built) => {
        if (held.building?.done === done) {
          held.ready = built;
          held.building = null;
        }
      },
      () => {
        if (held.building?.done === done) held.building = null;
      },
    );
  }
  return held.ready;
}

/**
 * Existing services of any agency that a service's current content looks
 * like: the local draft for its agency's staff, the submission otherwise.
 */
export async function similarServices(
  db: Knex,
  serviceId: string,
): Promise<SimilarServices> {
  const service = await getService(db, serviceId);
  if (!service) {
    throw new DomainError('NOT_FOUND', 'No such service on this computer', [
      { path: 'serviceId', message: 'not found' },
    ]);
  }
  const built = await currentIndex(db);
  if (!built) return { isReady: false, similar: [] };
  const draft = await getServiceDraft(db, serviceId);
  const shown = effectiveVersion(service, draft ?? null);
  const own = built.names.get(serviceId);
  const name =
    own?.name ??
    (await db('services').where('id', serviceId).first<{ name: string }>('name'))?.name ??
    '';
  const found = built.index.check(
    { id: service.id, agencyId: service.agencyId, name, record: shown.record },
    { includeSameAgency: true, limit: MAX_SIMILAR },
  );
  const agencyNames = new Map(
    (await listAgencies(db)).map((agency) => [agency.id, agency.nameAz]),
  );
  return {
    isReady: true,
    similar: found.map((pair) => {
      const other = built.names.get(pair.bId);
      return {
        serviceId: pair.bId,
        registryCode: other?.registryCode ?? '',
        name: other?.name ?? '',
        agencyName: agencyNames.get(other?.agencyId ?? '') ?? '',
        score: pair.score,
        reasons: pair.reasons,
      };
    }),
  };
}
