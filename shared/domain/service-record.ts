import { z } from 'zod';
import { codeSchema, idSchema, optionalText } from './ids';

/**
 * Every field a DXER service record holds (the presentation's list, the 2011
 * e-service reglament template and what comparable registries keep). Drafts
 * may be incomplete, so this schema checks types and sizes only; what a
 * submission must contain is checked by submission-rules.ts.
 */

export const serviceKinds = [
  'permit',
  'licence',
  'registration',
  'certificate',
  'information',
  'payment',
  'benefit',
  'other',
] as const;
export const serviceTypes = ['electronic', 'partlyElectronic', 'nonElectronic'] as const;
export const interactivities = ['informative', 'interactive'] as const;
export const audiences = ['G2C', 'G2B', 'G2G'] as const;
export const legalActKinds = [
  'constitution',
  'law',
  'decree',
  'order',
  'cabinetDecision',
  'agencyAct',
  'other',
] as const;
export const channelKinds = [
  'asanCentre',
  'egovPortal',
  'agencyOffice',
  'agencyWebsite',
  'post',
  'mobileApp',
  'callCentre',
  'other',
] as const;
export const channelForms = ['inPerson', 'online', 'postal', 'phone'] as const;
/** How far a channel takes the service: from informing only to the full transaction. */
export const channelDegrees = [
  'informative',
  'oneWay',
  'twoWay',
  'transactional',
] as const;
export const paymentMethods = [
  'cash',
  'card',
  'online',
  'bankTransfer',
  'mobile',
] as const;
export const timeUnits = ['minutes', 'hours', 'workingDays', 'calendarDays'] as const;

const percent = z.number().int().min(0).max(100);
const urlOrEmpty = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2000)]);

export const legalActSchema = z.object({
  id: idSchema,
  kind: z.enum(legalActKinds),
  number: optionalText(100),
  date: z.union([z.literal(''), z.iso.date()]).default(''),
  title: optionalText(1000),
  article: optionalText(200),
  url: urlOrEmpty.default(''),
});
export type LegalAct = z.infer<typeof legalActSchema>;

/** Money is kept in qəpik (1/100 AZN) as an integer so sums never drift. */
export const feeSchema = z.object({
  isFree: z.boolean().default(true),
  amountQepik: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  currency: z.literal('AZN').default('AZN'),
  legalBasis: optionalText(1000),
  paymentMethods: z.array(z.enum(paymentMethods)).max(paymentMethods.length).default([]),
});
export type Fee = z.infer<typeof feeSchema>;

export const processingTimeSchema = z.object({
  value: z.number().min(0).max(100_000).nullable().default(null),
  unit: z.enum(timeUnits).default('workingDays'),
  note: optionalText(1000),
});
export type ProcessingTime = z.infer<typeof processingTimeSchema>;

export const requiredDocumentSchema = z.object({
  id: idSchema,
  name: z.string().trim().max(500).default(''),
  /** The agency obtains it from another state system instead of asking the applicant. */
  isFetchedByAgency: z.boolean().default(false),
  sourceSystem: optionalText(300),
  isOriginalRequired: z.boolean().default(false),
  note: optionalText(1000),
});
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

/** A delivery channel; fee, time and documents may differ from the service's defaults. */
export const channelSchema = z.object({
  id: idSchema,
  kind: z.enum(channelKinds),
  form: z.enum(channelForms),
  degree: z.enum(channelDegrees),
  fee: feeSchema.nullable().default(null),
  processingTime: processingTimeSchema.nullable().default(null),
  /** Ids of the record's documents this channel asks for; null means all of them. */
  documentIds: z.array(idSchema).max(200).nullable().default(null),
  note: optionalText(1000),
});
export type Channel = z.infer<typeof channelSchema>;

export const administrativeStepSchema = z.object({
  id: idSchema,
  title: z.string().trim().max(500).default(''),
  responsible: optionalText(300),
  timeLimit: optionalText(200),
});
export type AdministrativeStep = z.infer<typeof administrativeStepSchema>;

export const serviceResultSchema = z.object({
  name: optionalText(500),
  description: optionalText(2000),
  isElectronic: z.boolean().default(false),
});

export const contactSchema = z.object({
  phone: optionalText(100),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
  address: optionalText(500),
  website: urlOrEmpty.default(''),
});

export const serviceRecordSchema = z.object({
  description: optionalText(20_000),
  categories: z.array(codeSchema).max(20).default([]),
  kind: z.enum(serviceKinds).default('other'),
  type: z.enum(serviceTypes).default('nonElectronic'),
  interactivity: z.enum(interactivities).default('informative'),
  audiences: z.array(z.enum(audiences)).max(audiences.length).default([]),
  legalActs: z.array(legalActSchema).max(100).default([]),
  electronificationDegree: percent.default(0),
  automationDegree: percent.default(0),
  channels: z.array(channelSchema).max(30).default([]),
  fee: feeSchema.prefault({}),
  documents: z.array(requiredDocumentSchema).max(200).default([]),
  processingTime: processingTimeSchema.prefault({}),
  result: serviceResultSchema.prefault({}),
  steps: z.array(administrativeStepSchema).max(100).default([]),
  refusalGrounds: z.array(z.string().trim().min(1).max(2000)).max(100).default([]),
  complaintProcedure: optionalText(5000),
  contact: contactSchema.prefault({}),
});
export type ServiceRecord = z.infer<typeof serviceRecordSchema>;

const recordShape = serviceRecordSchema.shape;

/**
 * Some fields of a record, as an editor saves them. Unlike .partial(), which
 * in zod 4 still fills every missing field with its default, a field left
 * out stays out, so saving one field cannot reset the others.
 */
export const serviceRecordPatchSchema = z.object({
  description: recordShape.description.unwrap().optional(),
  categories: recordShape.categories.unwrap().optional(),
  kind: recordShape.kind.unwrap().optional(),
  type: recordShape.type.unwrap().optional(),
  interactivity: recordShape.interactivity.unwrap().optional(),
  audiences: recordShape.audiences.unwrap().optional(),
  legalActs: recordShape.legalActs.unwrap().optional(),
  electronificationDegree: recordShape.electronificationDegree.unwrap().optional(),
  automationDegree: recordShape.automationDegree.unwrap().optional(),
  channels: recordShape.channels.unwrap().optional(),
  fee: recordShape.fee.unwrap().optional(),
  documents: recordShape.documents.unwrap().optional(),
  processingTime: recordShape.processingTime.unwrap().optional(),
  result: recordShape.result.unwrap().optional(),
  steps: recordShape.steps.unwrap().optional(),
  refusalGrounds: recordShape.refusalGrounds.unwrap().optional(),
  complaintProcedure: recordShape.complaintProcedure.unwrap().optional(),
  contact: recordShape.contact.unwrap().optional(),
}) satisfies z.ZodType<Partial<ServiceRecord>>;
export type ServiceRecordPatch = z.infer<typeof serviceRecordPatchSchema>;

/** The top-level fields of a record: the unit of merging, remarks and diffs. */
export const serviceFields = serviceRecordSchema.keyof().options;
export const serviceFieldSchema = serviceRecordSchema.keyof();
export type ServiceField = z.infer<typeof serviceFieldSchema>;

/** A record with every field at its default, for a new draft. */
export function emptyServiceRecord(): ServiceRecord {
  return serviceRecordSchema.parse({});
}
