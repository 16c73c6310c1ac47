import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Agency } from '../../shared/domain/agency';
import { presentationAgencies } from '../../shared/reference/agencies';
import { openDatabase } from '../db/connection';
import type { DatabaseOptions } from '../db/connection';
import { nowIso } from '../db/rows';
import type { Logger } from '../logger';
import { agencyToRow } from '../registry/rows';
import { prepareDatabase } from '../server';
import { writeFeedEntries } from '../sync/feed';
import { insertRegistryRows, SYSTEM_ACTOR_ID } from './bulk';
import type { ServiceSeed } from './bulk';
import { completeRecord, seededRandom, serviceNameText } from './record-builder';
import { bodyKinds, regions } from './vocabulary';

export interface GenerateOptions extends DatabaseOptions {
  serviceCount: number;
  agencyCount?: number;
  logger: Logger;
  /** Use this open database instead of opening one from the options. */
  db?: Knex;
}

const BATCH = 2000;

/** A stable UUID-shaped id from a name, so reruns find the same generated agencies. */
function stableId(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function generatedAgencies(count: number): Agency[] {
  const agencies: Agency[] = [];
  for (let index = 0; agencies.length < count; index += 1) {
    const region = regions[index % regions.length] ?? 'Bakı';
    const kind =
      bodyKinds[Math.floor(index / regions.length) % bodyKinds.length] ?? 'İdarə';
    const round = Math.floor(index / (regions.length * bodyKinds.length));
    const nameAz = `${region} ${kind}${round > 0 ? ` ${round + 1}` : ''}`;
    agencies.push({
      id: stableId(`generated-agency-${index}`),
      code: `gen-${String(index + 1).padStart(4, '0')}`,
      group: 'localExecutive',
      nameAz,
      nameEn: `${region} regional body ${index + 1}`,
      isActive: true,
    });
  }
  return agencies;
}

/**
 * Fills the registry with `serviceCount` approved services over
 * `agencyCount` agencies (the reference ones plus generated regional
 * bodies), in batched transactions, for benchmarks and load tests.
 */
export async function generateRegistry(options: GenerateOptions): Promise<void> {
  const db = options.db ?? openDatabase(options);
  try {
    await prepareDatabase(db, options.logger, false);
    const wanted = Math.max(
      0,
      (options.agencyCount ?? 1000) - presentationAgencies.length,
    );
    const extra = generatedAgencies(wanted);
    await db.transaction(async (trx) => {
      const known = new Set((await trx('agencies').pluck('id')).map(String));
      const missing = extra.filter((agency) => !known.has(agency.id));
      const now = nowIso();
      for (let start = 0; start < missing.length; start += 400) {
        await trx('agencies').insert(
          missing.slice(start, start + 400).map((a) => agencyToRow(a, now)),
        );
      }
      await writeFeedEntries(
        trx,
        missing.map((a) => ({
          entityType: 'agency',
          entityId: a.id,
          agencyId: a.id,
          isPublic: true,
        })),
      );
    });

    const agencyIds = [...presentationAgencies, ...extra].map((agency) => agency.id);
    const random = seededRandom(options.serviceCount);
    const started = Date.now();
    for (let done = 0; done < options.serviceCount; done += BATCH) {
      const batch: ServiceSeed[] = [];
      for (
        let index = done;
        index < Math.min(done + BATCH, options.serviceCount);
        index += 1
      ) {
        const name = serviceNameText(random, index);
        batch.push({
          agencyId: agencyIds[index % agencyIds.length] ?? SYSTEM_ACTOR_ID,
          name,
          record: completeRecord(random, name),
          status: 'approved',
          actorId: SYSTEM_ACTOR_ID,
        });
      }
      await db.transaction((trx) => insertRegistryRows(trx, [], batch));
      options.logger.info({ services: done + batch.length }, 'generated services');
    }
    options.logger.info(
      {
        services: options.serviceCount,
        agencies: agencyIds.length,
        ms: Date.now() - started,
      },
      'registry generated',
    );
  } finally {
    if (!options.db) await db.destroy();
  }
}
