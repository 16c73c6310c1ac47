import { z } from 'zod';
import { workflowStatusSchema } from '../workflow/state-machine';
import { idSchema, isoDateTimeSchema } from './ids';
import { remarkSchema } from './remark';
import { reviewEventSchema } from './review-event';
import { serviceRecordSchema } from './service-record';

/**
 * One version of a service's record. Versions are numbered per service; at
 * most one is being worked on (draft, submitted or returned) at a time, and
 * the published record is the last approved one, which drafts and
 * submissions never overwrite.
 */
export const serviceVersionSchema = z.object({
  id: idSchema,
  serviceId: idSchema,
  number: z.number().int().min(1),
  status: workflowStatusSchema,
  record: serviceRecordSchema,
  /** Counts submissions of this version; a decision names the one it was made on. */
  submissionNo: z.number().int().min(0),
  remarks: z.array(remarkSchema),
  createdAt: isoDateTimeSchema,
  createdBy: idSchema,
  updatedAt: isoDateTimeSchema,
  submittedAt: isoDateTimeSchema.nullable(),
  submittedBy: idSchema.nullable(),
  decidedAt: isoDateTimeSchema.nullable(),
  decidedBy: idSchema.nullable(),
  /** Every submission, withdrawal and decision of this version, oldest first. */
  history: z.array(reviewEventSchema).default([]),
});
export type ServiceVersion = z.infer<typeof serviceVersionSchema>;

/** A service as a user may see it: the versions that user is allowed to read. */
export const serviceSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  serviceNameId: idSchema,
  /** Registry code assigned by the server, e.g. "XID-000123". */
  registryCode: z.string(),
  /** Bumped by the server on every change to the service or its versions. */
  revision: z.number().int().min(1),
  createdAt: isoDateTimeSchema,
  versions: z.array(serviceVersionSchema),
});
export type Service = z.infer<typeof serviceSchema>;

/** The published version: the approved one with the highest number. */
export function publishedVersion(service: Service): ServiceVersion | undefined {
  return service.versions
    .filter((version) => version.status === 'approved')
    .reduce<ServiceVersion | undefined>(
      (latest, version) => (latest && latest.number > version.number ? latest : version),
      undefined,
    );
}

/** The version being worked on (draft, submitted or returned), if any. */
export function workingVersion(service: Service): ServiceVersion | undefined {
  return service.versions.find(
    (version) =>
      version.status === 'draft' ||
      version.status === 'submitted' ||
      version.status === 'returned',
  );
}
