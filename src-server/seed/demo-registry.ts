import type { Knex } from 'knex';
import { presentationAgencies } from '../../shared/reference/agencies';
import { countRows, firstRow } from '../db/rows';
import { insertRegistryRows, SYSTEM_ACTOR_ID } from './bulk';
import type { NameSeed, ServiceSeed } from './bulk';
import { completeRecord, seededRandom, serviceNameText } from './record-builder';

const demoAgencyCodes = ['mlspp', 'justice', 'migration', 'health', 'economy', 'customs'];

function agencyId(code: string): string {
  const agency = presentationAgencies.find((a) => a.code === code);
  if (!agency) throw new Error(`Reference agency ${code} is missing`);
  return agency.id;
}

async function actorOf(db: Knex, username: string): Promise<string> {
  const row = await firstRow<{ id: string }>(
    db('users').where('username', username).select('id'),
  );
  return row ? row.id : SYSTEM_ACTOR_ID;
}

/**
 * A small registry to try the app with: 30 published services over six
 * agencies, approved names ready for new services, one proposed name and
 * one submitted service waiting for the reviewer. Seeds only an empty registry.
 */
export async function seedDemoRegistry(db: Knex): Promise<void> {
  if ((await countRows(db('services'))) > 0) return;
  const random = seededRandom(2024);
  const mlsppStaff = await actorOf(db, 'agency.mlspp');
  const justiceStaff = await actorOf(db, 'agency.justice');

  const services: ServiceSeed[] = [];
  for (let index = 0; index < 30; index += 1) {
    const code = demoAgencyCodes[index % demoAgencyCodes.length] ?? 'mlspp';
    const name = serviceNameText(random, index);
    services.push({
      agencyId: agencyId(code),
      name,
      record: completeRecord(random, name),
      status: 'approved',
      actorId:
        code === 'mlspp'
          ? mlsppStaff
          : code === 'justice'
            ? justiceStaff
            : SYSTEM_ACTOR_ID,
    });
  }
  const pendingName = 'Əlilliyə görə sosial müavinətin təyin edilməsi';
  services.push({
    agencyId: agencyId('mlspp'),
    name: pendingName,
    record: completeRecord(random, pendingName),
    status: 'submitted',
    actorId: mlsppStaff,
  });

  const names: NameSeed[] = [
    {
      agencyId: agencyId('mlspp'),
      name: 'Peşə hazırlığı kurslarına qəbul',
      status: 'approved',
      actorId: mlsppStaff,
    },
    {
      agencyId: agencyId('mlspp'),
      name: 'İşsizlikdən sığorta ödənişinin təyin edilməsi',
      status: 'approved',
      actorId: mlsppStaff,
    },
    {
      agencyId: agencyId('justice'),
      name: 'Notariat hərəkətlərinin aparılması',
      status: 'approved',
      actorId: justiceStaff,
    },
    {
      agencyId: agencyId('justice'),
      name: 'Apostil möhürünün vurulması',
      status: 'submitted',
      actorId: justiceStaff,
    },
  ];
  await db.transaction((trx) => insertRegistryRows(trx, names, services));
}
