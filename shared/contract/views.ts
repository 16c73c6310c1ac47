import { z } from 'zod';
import { agencySchema } from '../domain/agency';
import { categorySchema } from '../domain/category';
import { idSchema, isoDateTimeSchema } from '../domain/ids';
import { serviceSchema } from '../domain/service';
import { serviceNameSchema } from '../domain/service-name';
import {
  serviceFieldSchema,
  serviceRecordSchema,
  serviceTypes,
} from '../domain/service-record';
import { workflowStatusSchema } from '../workflow/state-machine';
import { fieldErrorSchema } from '../errors';
import { outboxEntrySchema } from './sync-status';

/** Read models main hands the renderer. */

export const referenceDataSchema = z.object({
  agencies: z.array(agencySchema),
  categories: z.array(categorySchema),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;

/** The figures the VXSİDA presentation opens with, computed from the local registry. */
export const registryFiguresSchema = z.object({
  stateBodies: z.number().int(),
  services: z.number().int(),
  g2bServices: z.number().int(),
  electronicServices: z.number().int(),
  nonElectronicServices: z.number().int(),
  perCategory: z.array(z.object({ code: z.string(), count: z.number().int() })),
  returnedCount: z.number().int(),
});
export type RegistryFigures = z.infer<typeof registryFiguresSchema>;

/** Local sync state of one entity. */
export const localSyncStateSchema = z.enum(['synced', 'pending', 'rejected', 'conflict']);

export const serviceRowSchema = z.object({
  id: idSchema,
  registryCode: z.string(),
  name: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  type: z.enum(serviceTypes),
  categories: z.array(z.string()),
  /** Status of the working version, or "approved" when only the published one exists. */
  status: workflowStatusSchema,
  syncState: localSyncStateSchema,
  updatedAt: isoDateTimeSchema,
});
export type ServiceRow = z.infer<typeof serviceRowSchema>;

export const serviceListQuerySchema = z.object({
  query: z.string().max(200).default(''),
  agencyId: idSchema.nullable().default(null),
  category: z.string().max(64).nullable().default(null),
  type: z.enum(serviceTypes).nullable().default(null),
  status: workflowStatusSchema.nullable().default(null),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /**
   * False: answer with the page as soon as it is found and leave the exact
   * total to services.count, which can cost more than the page itself.
   * Absent means true, so callers written before it keep their totals.
   */
  withTotal: z.boolean().optional(),
});
export type ServiceListQuery = z.infer<typeof serviceListQuerySchema>;

/** The filters that select services, whatever the page: what services.count counts. */
export const serviceFiltersSchema = serviceListQuerySchema.pick({
  query: true,
  agencyId: true,
  category: true,
  type: true,
  status: true,
});
export type ServiceFilters = z.infer<typeof serviceFiltersSchema>;

export const serviceListSchema = z.object({
  /**
   * Rows matching the filters. When isTotalExact is false (only without
   * withTotal) it is the least the total can be: the rows up to this page's
   * end, plus one because more follow.
   */
  total: z.number().int().min(0),
  rows: z.array(serviceRowSchema),
  /** Absent or true: total is exact. */
  isTotalExact: z.boolean().optional(),
});
export type ServiceList = z.infer<typeof serviceListSchema>;

export const serviceCountSchema = z.object({ total: z.number().int().min(0) });
export type ServiceCount = z.infer<typeof serviceCountSchema>;

/** The most a held raw value may take as JSON: more than any field's own limit allows. */
export const MAX_HELD_INPUT_CHARS = 500_000;

/**
 * A field's value as the user typed it when main could not save it as a
 * draft (a half-typed e-mail): kept so nothing typed is lost on a restart.
 */
export const heldInputSchema = z.object({
  field: serviceFieldSchema,
  raw: z.json().refine((value) => JSON.stringify(value).length <= MAX_HELD_INPUT_CHARS, {
    message: `Longer than ${MAX_HELD_INPUT_CHARS} characters as JSON`,
  }),
});
export type HeldInput = z.infer<typeof heldInputSchema>;

/** Everything the editor needs for one service. */
export const serviceDetailSchema = z.object({
  service: serviceSchema,
  serviceName: serviceNameSchema.nullable(),
  /** The record as the user is editing it: server working version plus local edits. */
  draft: serviceRecordSchema,
  draftStatus: workflowStatusSchema,
  canEdit: z.boolean(),
  /** Fields the editor must fix before submitting (same rules as the server). */
  submissionProblems: z.array(fieldErrorSchema),
  outbox: z.array(outboxEntrySchema),
  /** Fields whose typed value main is holding until it becomes valid; the editor restores them. */
  heldInputs: z.array(heldInputSchema).default([]),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;

export const serviceNameRowSchema = serviceNameSchema.extend({
  /** 0 while the server has not accepted the proposal yet (the desktop's marker). */
  revision: z.number().int().min(0),
  syncState: localSyncStateSchema,
});
export type ServiceNameRow = z.infer<typeof serviceNameRowSchema>;
