import { randomUUID } from 'node:crypto';
import type { Service } from '../../../shared/domain/service';
import type { ServiceName } from '../../../shared/domain/service-name';
import { emptyServiceRecord } from '../../../shared/domain/service-record';
import type { ServiceRecord } from '../../../shared/domain/service-record';
import type { EntityChange } from '../../../shared/sync/protocol';

const at = '2026-01-15T10:00:00.000Z';
const actor = '5ee0a3b1-0c1e-4d2a-9a53-5e11d0000001';

/** A pull page's changes for one approved name and one published service under it. */
export function publishedServiceChanges(
  agencyId: string,
  name: string,
  index: number,
  record: Partial<ServiceRecord> = {},
): EntityChange[] {
  const serviceName: ServiceName = {
    id: randomUUID(),
    agencyId,
    name,
    aliases: [],
    status: 'approved',
    submissionNo: 1,
    reason: '',
    revision: 1,
    proposedBy: actor,
    proposedAt: at,
    decidedBy: actor,
    decidedAt: at,
  };
  const serviceId = randomUUID();
  const service: Service = {
    id: serviceId,
    agencyId,
    serviceNameId: serviceName.id,
    registryCode: `XID-${String(index).padStart(6, '0')}`,
    revision: 1,
    createdAt: at,
    versions: [
      {
        id: randomUUID(),
        serviceId,
        number: 1,
        status: 'approved',
        record: { ...emptyServiceRecord(), ...record },
        submissionNo: 1,
        remarks: [],
        createdAt: at,
        createdBy: actor,
        updatedAt: at,
        submittedAt: at,
        submittedBy: actor,
        decidedAt: at,
        decidedBy: actor,
        history: [],
      },
    ],
  };
  return [
    { entity: 'serviceName', op: 'put', data: serviceName },
    { entity: 'service', op: 'put', data: service },
  ];
}
