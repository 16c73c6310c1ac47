import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ServiceRecord } from '../../../shared/domain/service-record';
import { emptyServiceRecord } from '../../../shared/domain/service-record';
import type { Service } from '../../../shared/domain/service';
import type { Session, TestServer } from './server';
import { pullAll } from './server';

/** A record that passes the submission rules. */
export function completeRecord(overrides: Partial<ServiceRecord> = {}): ServiceRecord {
  const documentId = randomUUID();
  return {
    ...emptyServiceRecord(),
    description: 'Əmək pensiyasının təyin edilməsi üçün müraciət qəbul edilir.',
    categories: ['social'],
    audiences: ['G2C'],
    legalActs: [
      {
        id: randomUUID(),
        kind: 'law',
        number: '54-VIQ',
        date: '',
        title: 'Əmək pensiyaları haqqında',
        article: '',
        url: '',
      },
    ],
    channels: [
      {
        id: randomUUID(),
        kind: 'asanCentre',
        form: 'inPerson',
        degree: 'twoWay',
        fee: null,
        processingTime: null,
        documentIds: null,
        note: '',
      },
    ],
    documents: [
      {
        id: documentId,
        name: 'Şəxsiyyət vəsiqəsi',
        isFetchedByAgency: false,
        sourceSystem: '',
        isOriginalRequired: true,
        note: '',
      },
    ],
    processingTime: { value: 10, unit: 'workingDays', note: '' },
    result: { name: 'Qərar', description: '', isElectronic: false },
    ...overrides,
  };
}

/** Proposes a name as `staff` and approves it as `reviewer`; returns its id. */
export async function approvedName(
  staff: Session,
  reviewer: Session,
  name = 'Yeni xidmətin adı',
): Promise<string> {
  const serviceNameId = randomUUID();
  const proposed = await staff.push([
    {
      name: 'serviceName.propose',
      args: { serviceNameId, agencyId: staff.user.agencyId, name },
    },
  ]);
  expect(proposed.body.results[0]?.status).toBe('applied');
  const decided = await reviewer.push([
    {
      name: 'serviceName.decide',
      args: { serviceNameId, submissionNo: 1, decision: 'approve' },
    },
  ]);
  expect(decided.body.results[0]?.status).toBe('applied');
  return serviceNameId;
}

/** Creates a draft service under a fresh approved name; returns its ids. */
export async function draftService(
  staff: Session,
  reviewer: Session,
  record: ServiceRecord = completeRecord(),
): Promise<{ serviceId: string; versionId: string }> {
  const serviceNameId = await approvedName(staff, reviewer);
  const serviceId = randomUUID();
  const versionId = randomUUID();
  const created = await staff.push([
    {
      name: 'service.create',
      args: {
        serviceId,
        versionId,
        agencyId: staff.user.agencyId,
        serviceNameId,
        record,
      },
    },
  ]);
  expect(created.body.results[0]?.status).toBe('applied');
  return { serviceId, versionId };
}

/** A draft service that has been submitted once. */
export async function submittedService(staff: Session, reviewer: Session) {
  const ids = await draftService(staff, reviewer);
  const submitted = await staff.push([
    { name: 'service.submit', args: { serviceId: ids.serviceId } },
  ]);
  expect(submitted.body.results[0]?.status).toBe('applied');
  return ids;
}

/** A service with an approved version 1. */
export async function publishedService(staff: Session, reviewer: Session) {
  const ids = await submittedService(staff, reviewer);
  const approved = await reviewer.push([
    { name: 'service.decide', args: { ...ids, submissionNo: 1, decision: 'approve' } },
  ]);
  expect(approved.body.results[0]?.status).toBe('applied');
  return ids;
}

/** The service as `session` currently sees it through a full pull (undefined when removed or unseen). */
export async function serviceAsSeenBy(
  session: Session,
  serviceId: string,
): Promise<Service | undefined> {
  const { changes } = await pullAll(session);
  const change = changes.find(
    (c) => c.entity === 'service' && (c.op === 'put' ? c.data.id : c.id) === serviceId,
  );
  return change?.entity === 'service' && change.op === 'put' ? change.data : undefined;
}

/** Row counts of the tables a write would touch. */
export async function writeCounts(server: TestServer): Promise<Record<string, number>> {
  const tables = [
    'service_names',
    'services',
    'service_versions',
    'mutations',
    'changes',
    'audit_events',
    'users',
    'agencies',
    'clients',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = (await server.db(table).count({ count: '*' }).first()) as {
      count: unknown;
    };
    counts[table] = Number(row.count);
  }
  return counts;
}
