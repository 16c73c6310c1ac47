import type { Knex } from 'knex';
import { presentationAgencies } from '../../shared/reference/agencies';
import { exists } from '../db/rows';
import { insertRegistryRows, SYSTEM_ACTOR_ID } from './bulk';
import type { ServiceSeed } from './bulk';
import { completeRecord, seededRandom } from './record-builder';

/**
 * Services the Ministry of Labour and the Ministry of Justice both publish
 * under names that differ only in spelling, word order or case, with the
 * same record, so a demo reviewer finds duplicate candidates to mark. Kept
 * apart from the demo registry so tests that count its services are not
 * moved by them.
 */
export const DEMO_DUPLICATE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  [
    'Ünvanlı dövlət sosial yardımının təyin edilməsi',
    'ÜNVANLI DÖVLƏT SOSİAL YARDIMI TƏYİN EDİLMƏSİ',
  ],
  ['Əmək stajı haqqında arayışın verilməsi', 'Arayışın verilməsi (əmək stajı haqqında)'],
  [
    'Hüquqi şəxsin nizamnaməsinin surətinin verilməsi',
    'Huquqi sexsin nizamnamesinin suretinin verilmesi',
  ],
];

function agencyId(code: string): string {
  const agency = presentationAgencies.find((a) => a.code === code);
  if (!agency) throw new Error(`Reference agency ${code} is missing`);
  return agency.id;
}

/** Adds the pairs once; a database that has the first name already is left alone. */
export async function seedDemoDuplicates(db: Knex): Promise<void> {
  const [first] = DEMO_DUPLICATE_PAIRS[0] ?? [];
  if (first === undefined || (await exists(db('service_names').where('name', first)))) {
    return;
  }
  const random = seededRandom(2025);
  const services: ServiceSeed[] = DEMO_DUPLICATE_PAIRS.flatMap(([mlspp, justice]) => {
    const record = completeRecord(random, mlspp);
    return [
      {
        agencyId: agencyId('mlspp'),
        name: mlspp,
        record,
        status: 'approved' as const,
        actorId: SYSTEM_ACTOR_ID,
      },
      {
        agencyId: agencyId('justice'),
        name: justice,
        record,
        status: 'approved' as const,
        actorId: SYSTEM_ACTOR_ID,
      },
    ];
  });
  await db.transaction((trx) => insertRegistryRows(trx, [], services));
}
