import type { Knex } from 'knex';
import type {
  HistoryEntry,
  ServiceNameReview,
  ServiceReview,
} from '../../shared/contract/review-views';
import { publishedVersion, workingVersion } from '../../shared/domain/service';
import type { Service, ServiceVersion } from '../../shared/domain/service';
import type { User } from '../../shared/domain/user';
import { DomainError } from '../../shared/errors';
import { diffServiceRecords } from '../../shared/review/record-diff';
import { decisionEntries } from '../local-store/review-queue-queries';
import { getServiceName } from '../local-store/service-names-table';
import { getService } from '../local-store/services-table';
import { agencyName } from '../local-store/reference-tables';
import { decisionRefusal } from './review-decisions';
import { decisionStateOf, reviewClock } from './review-queue';
import { similarNamesFor } from './similar-names';

async function ownDecision(db: Knex, entityId: string, submissionNo: number) {
  const entries = await decisionEntries(db, [entityId]);
  const state = decisionStateOf(entries, submissionNo);
  const newest = entries.filter((entry) => entry.submissionNo === submissionNo).at(-1);
  return { state, entryId: newest?.id ?? null };
}

/** Why a decision cannot be taken now, in the contract's error shape, or null. */
function refusalBody(
  user: User | null,
  agencyId: string,
  isInReview: boolean,
  decisionState: string,
) {
  const refusal = decisionRefusal(user, agencyId);
  if (refusal) return refusal.toBody();
  if (!isInReview) {
    return new DomainError(
      'ILLEGAL_TRANSITION',
      'Nothing of this is waiting for review',
    ).toBody();
  }
  if (decisionState === 'pending' || decisionState === 'sent') {
    return new DomainError(
      'DECISION_PENDING',
      'This submission already has your decision; it is waiting to reach the server',
    ).toBody();
  }
  return null;
}

/** The submitted version beside the published one, field by field, with what the reviewer may do. */
export async function serviceReview(
  db: Knex,
  user: User | null,
  serviceId: string,
  now = new Date().toISOString(),
): Promise<ServiceReview> {
  const service = await getService(db, serviceId);
  if (!service) {
    throw new DomainError('NOT_FOUND', 'No such service on this computer', [
      { path: 'serviceId', message: 'not found' },
    ]);
  }
  const working = workingVersion(service);
  const submitted = working?.status === 'submitted' ? working : null;
  const published = publishedVersion(service) ?? null;
  const decision = await ownDecision(db, service.id, submitted?.submissionNo ?? -1);
  const name = await getServiceName(db, service.serviceNameId);

  return {
    serviceId: service.id,
    registryCode: service.registryCode,
    label: name?.name ?? service.registryCode,
    agencyId: service.agencyId,
    agencyName: await agencyName(db, service.agencyId),
    submitted,
    published,
    diff: submitted
      ? diffServiceRecords(published?.record ?? null, submitted.record)
      : null,
    clock: submitted?.submittedAt ? reviewClock(submitted.submittedAt, now) : null,
    decision,
    refusal: refusalBody(user, service.agencyId, submitted !== null, decision.state),
  };
}

/** A proposed name with the existing names it resembles. */
export async function serviceNameReview(
  db: Knex,
  user: User | null,
  serviceNameId: string,
  now = new Date().toISOString(),
): Promise<ServiceNameReview> {
  const name = await getServiceName(db, serviceNameId);
  if (!name) {
    throw new DomainError('NOT_FOUND', 'No such service name on this computer', [
      { path: 'serviceNameId', message: 'not found' },
    ]);
  }
  const isInReview = name.status === 'submitted';
  const decision = await ownDecision(db, name.id, isInReview ? name.submissionNo : -1);
  return {
    serviceName: name,
    agencyName: await agencyName(db, name.agencyId),
    clock: isInReview ? reviewClock(name.proposedAt, now) : null,
    decision,
    refusal: refusalBody(user, name.agencyId, isInReview, decision.state),
    similar: await similarNamesFor(db, name),
  };
}

/**
 * Every step of a service's life, oldest first: each version's creation,
 * submissions, withdrawals and decisions with their remarks. A version
 * from before the server kept its history shows its last submission and
 * decision from the version's own fields, without names.
 */
export function serviceHistory(service: Service): HistoryEntry[] {
  const publishedId = publishedVersion(service)?.id;
  const entries = service.versions.flatMap((version) => {
    const base = {
      versionId: version.id,
      versionNumber: version.number,
      isPublished: version.id === publishedId,
    };
    const steps: HistoryEntry[] = [
      {
        ...base,
        action: 'created',
        submissionNo: 0,
        at: version.createdAt,
        actorName: '',
        remarks: [],
      },
    ];
    const events = version.history.length > 0 ? version.history : legacySteps(version);
    for (const event of events) {
      steps.push({
        ...base,
        action: event.action,
        submissionNo: event.submissionNo,
        at: event.at,
        actorName: event.actorName,
        remarks: event.remarks,
      });
    }
    return steps;
  });
  return entries.sort(
    (a, b) => a.at.localeCompare(b.at) || a.versionNumber - b.versionNumber,
  );
}

function legacySteps(version: ServiceVersion): ServiceVersion['history'] {
  const steps: ServiceVersion['history'] = [];
  if (version.submittedAt && version.submittedBy) {
    steps.push({
      action: 'submitted',
      submissionNo: version.submissionNo,
      actorId: version.submittedBy,
      actorName: '',
      at: version.submittedAt,
      remarks: [],
    });
  }
  if (version.decidedAt && version.decidedBy) {
    const action = version.status === 'approved' ? 'approved' : 'returned';
    steps.push({
      action,
      submissionNo: version.submissionNo,
      actorId: version.decidedBy,
      actorName: '',
      at: version.decidedAt,
      remarks: version.remarks,
    });
  }
  return steps;
}
