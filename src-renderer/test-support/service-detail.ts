import type { ServiceDetail } from '../../shared/contract/views';
import { serviceDetailSchema } from '../../shared/contract/views';
import {
  serviceRecordSchema,
  type ServiceRecord,
} from '../../shared/domain/service-record';
import type { WorkflowStatus } from '../../shared/workflow/state-machine';

export const SERVICE_ID = '11111111-1111-4111-8111-111111111111';
const USER_ID = '22222222-2222-4222-8222-222222222222';
const AGENCY_ID = '2828df11-442d-5784-abaa-6315b2131687';

/** A valid ServiceDetail for store tests: one working version with the given record. */
export function serviceDetail(
  record: Partial<ServiceRecord> = {},
  status: WorkflowStatus = 'draft',
  remarks: Array<{ field: string; text: string }> = [],
): ServiceDetail {
  const draft = serviceRecordSchema.parse(record);
  const at = '2024-03-01T09:00:00.000Z';
  return serviceDetailSchema.parse({
    service: {
      id: SERVICE_ID,
      agencyId: AGENCY_ID,
      serviceNameId: '33333333-3333-4333-8333-333333333333',
      registryCode: 'XID-000001',
      revision: 1,
      createdAt: at,
      versions: [
        {
          id: '44444444-4444-4444-8444-444444444444',
          serviceId: SERVICE_ID,
          number: 1,
          status,
          record: draft,
          submissionNo: 0,
          remarks,
          createdAt: at,
          createdBy: USER_ID,
          updatedAt: at,
          submittedAt: null,
          submittedBy: null,
          decidedAt: null,
          decidedBy: null,
          history: [],
        },
      ],
    },
    serviceName: null,
    draft,
    draftStatus: status,
    canEdit: status === 'draft' || status === 'returned',
    submissionProblems: [],
    outbox: [],
  });
}
