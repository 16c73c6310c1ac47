import { describe, expect, it } from 'vitest';
import type { ServiceNameRow, ServiceRow } from '../../shared/contract/views';
import { RecordingApi } from '../test-support/recording-api';
import { aliasesFromText, ServiceNamesStore } from './service-names-store';

function namesStore() {
  const api = new RecordingApi({});
  return { api, store: new ServiceNamesStore(api, () => undefined) };
}

describe('proposing a service name', () => {
  it('says nothing about an empty form until the user tries to propose', async () => {
    const { api, store } = namesStore();
    expect(store.nameError).toBeNull();

    await store.propose();

    expect(store.nameError).not.toBeNull();
    expect(api.calls).toEqual([]);
  });

  it('names a too-short name as it is typed', () => {
    const { store } = namesStore();
    store.setName('Ab');
    expect(store.nameError).not.toBeNull();
    store.setName('Abc xidməti');
    expect(store.nameError).toBeNull();
  });

  it('points at the line of a bad alias', () => {
    const { store } = namesStore();
    store.setAliasesText('Pensiya təyinatı\n\nX\n');
    expect(store.aliasesError?.line).toBe(3);
  });

  it('refuses a twenty-first alias on its own line', () => {
    const { store } = namesStore();
    const lines = Array.from({ length: 21 }, (_, index) => `Ad nömrə ${index + 1}`);
    store.setAliasesText(lines.join('\n'));
    expect(store.aliasesError?.line).toBe(21);
  });

  it('reads aliases one per line, ignoring blank lines and spaces', () => {
    expect(aliasesFromText('  Birinci \n\n İkinci\n')).toEqual(['Birinci', 'İkinci']);
  });
});

const AGENCY = '2828df11-442d-5784-abaa-6315b2131687';
const approvedName: ServiceNameRow = {
  id: '55555555-5555-4555-8555-555555555555',
  agencyId: AGENCY,
  name: 'Pensiyanın təyin edilməsi',
  aliases: [],
  status: 'approved',
  submissionNo: 1,
  reason: '',
  revision: 2,
  proposedBy: '22222222-2222-4222-8222-222222222222',
  proposedAt: '2024-03-01T09:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  syncState: 'synced',
};

function serviceRow(id: string, name: string): ServiceRow {
  return {
    id,
    registryCode: 'XID-000042',
    name,
    agencyId: AGENCY,
    agencyName: 'ƏƏSMN',
    type: 'nonElectronic',
    categories: [],
    status: 'approved',
    syncState: 'synced',
    updatedAt: '2024-03-01T09:00:00.000Z',
  };
}

describe('describing the service under an approved name', () => {
  it('opens the service already described under that name instead of creating a second', async () => {
    const existingId = '66666666-6666-4666-8666-666666666666';
    const opened: string[] = [];
    const api = new RecordingApi({
      'services.list': () =>
        Promise.resolve({
          total: 2,
          rows: [
            serviceRow(
              '77777777-7777-4777-8777-777777777777',
              'Pensiyanın təyin edilməsi (köhnə)',
            ),
            serviceRow(existingId, 'Pensiyanın təyin edilməsi'),
          ],
        }),
    });
    const store = new ServiceNamesStore(api, (id) => opened.push(id));

    await store.describe(approvedName);

    expect(opened).toEqual([existingId]);
    expect(api.callsOf('services.create')).toEqual([]);
  });

  it('creates the service the first time and opens its editor', async () => {
    const createdId = '88888888-8888-4888-8888-888888888888';
    const opened: string[] = [];
    const api = new RecordingApi({
      'services.list': () => Promise.resolve({ total: 0, rows: [] }),
      'services.create': () => Promise.resolve({ serviceId: createdId }),
    });
    const store = new ServiceNamesStore(api, (id) => opened.push(id));

    await store.describe(approvedName);

    expect(api.callsOf('services.create')).toEqual([{ serviceNameId: approvedName.id }]);
    expect(opened).toEqual([createdId]);
  });
});

describe('warning of a likely duplicate name', () => {
  const similar = [
    {
      id: 'c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f',
      name: 'Əmək pensiyasının təyin edilməsi',
      agencyName: 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
      score: 1,
      reason: 'SAME_NAME',
    },
  ];

  it('shows the existing names a typed name resembles, and clears them for a short name', async () => {
    const api = new RecordingApi({
      'serviceNames.similar': () => Promise.resolve(similar),
    });
    const store = new ServiceNamesStore(api, () => undefined);

    store.setName('ƏMƏK PENSİYASININ TƏYİN EDİLMƏSİ');
    await store.checkSimilar();
    expect(store.similar).toEqual(similar);
    expect(api.callsOf('serviceNames.similar')).toEqual([
      { name: 'ƏMƏK PENSİYASININ TƏYİN EDİLMƏSİ' },
    ]);

    store.setName('Əmə');
    await store.checkSimilar();
    expect(store.similar).toEqual([]);
    expect(api.callsOf('serviceNames.similar')).toHaveLength(1);
  });

  it('lets the user propose when the lookup fails, without a warning', async () => {
    const api = new RecordingApi({
      'serviceNames.similar': () => Promise.reject(new Error('main is busy')),
    });
    const store = new ServiceNamesStore(api, () => undefined);
    store.setName('Yeni xidmətin adı');
    await store.checkSimilar();
    expect(store.similar).toEqual([]);
  });
});
