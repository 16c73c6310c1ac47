import { z } from 'zod';
import { agencyGroupSchema } from '../domain/agency';
import { codeSchema, idSchema } from '../domain/ids';
import { answerValueSchema, campaignStatusSchema } from '../index/campaign';
import { localizedNameSchema, methodologySchema } from '../index/methodology';
import { evaluationReportSchema } from '../reports/evaluation-report';
import { errorBodySchema } from '../errors';

/** Read models of the evaluation desk and the results, and what their calls take. */

export const progressSchema = z.object({
  answered: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type Progress = z.infer<typeof progressSchema>;

export const campaignSummarySchema = z.object({
  id: idSchema,
  year: z.number().int(),
  name: localizedNameSchema,
  status: campaignStatusSchema,
  methodology: z.object({
    id: idSchema,
    version: z.number().int(),
    name: localizedNameSchema,
  }),
  providerCount: z.number().int().min(0),
  serviceCount: z.number().int().min(0),
  /** Items answered by anyone, of every service's sub-criteria. */
  progress: progressSchema,
  /** This user's own answers, when they evaluate in the campaign. */
  myProgress: progressSchema.nullable(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignDetailSchema = z.object({
  summary: campaignSummarySchema,
  providers: z.array(
    z.object({
      agencyId: idSchema,
      name: z.string(),
      group: agencyGroupSchema,
      serviceCount: z.number().int().min(0),
      progress: progressSchema,
    }),
  ),
  services: z.array(
    z.object({
      serviceId: idSchema,
      name: z.string(),
      agencyId: idSchema,
      progress: progressSchema,
      myProgress: progressSchema,
      disputed: z.number().int().min(0),
      /** The service's result so far, or null before any answer. */
      percent: z.number().nullable(),
    }),
  ),
  evaluators: z.array(
    z.object({ evaluatorId: idSchema, name: z.string(), progress: progressSchema }),
  ),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

/** Where this desktop's own answer on an item stands. */
export const answerSyncStates = ['synced', 'pending', 'conflict', 'rejected'] as const;

export const sheetItemSchema = z.object({
  subCriterionCode: codeSchema,
  mine: z
    .object({
      value: answerValueSchema.nullable(),
      note: z.string(),
      evidenceRef: z.string(),
      syncState: z.enum(answerSyncStates),
    })
    .nullable(),
  /** Other evaluators' answers to the same item, shown beside this one's. */
  others: z.array(
    z.object({
      evaluatorName: z.string(),
      value: answerValueSchema,
      note: z.string(),
      evidenceRef: z.string(),
    }),
  ),
  /** Evaluators gave different answers: it counts as unanswered until they agree. */
  isDisputed: z.boolean(),
});
export type SheetItem = z.infer<typeof sheetItemSchema>;

/** One service's scoring sheet: every sub-criterion with the answers on it. */
export const evaluationSheetSchema = z.object({
  campaignId: idSchema,
  serviceId: idSchema,
  serviceName: z.string(),
  agencyName: z.string(),
  methodology: methodologySchema,
  items: z.array(sheetItemSchema),
  result: z.object({
    percent: z.number(),
    perParameter: z.array(z.object({ code: codeSchema, percent: z.number() })),
  }),
  /** Why this user cannot answer here, or null when they can. */
  refusal: errorBodySchema.nullable(),
});
export type EvaluationSheet = z.infer<typeof evaluationSheetSchema>;

export const saveAnswerInputSchema = z
  .object({
    campaignId: idSchema,
    serviceId: idSchema,
    subCriterionCode: codeSchema,
    /** Null withdraws the answer. */
    value: answerValueSchema.nullable(),
    note: z.string().trim().max(4000).default(''),
    evidenceRef: z.string().trim().max(1000).default(''),
  })
  .strict();

/** A report's data: a campaign's computed results, or a year's published ones. */
export const reportSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('campaign'), campaignId: idSchema }).strict(),
  z
    .object({ kind: z.literal('published'), year: z.number().int().min(2016).max(2100) })
    .strict(),
]);
export type ReportSource = z.infer<typeof reportSourceSchema>;

export const resultsViewSchema = z.object({
  report: evaluationReportSchema,
  /** SHA-256 of the report's data, as every export of it carries. */
  digest: z.string(),
  /** The methodology's parameters, for the per-parameter columns; empty for published results. */
  parameters: z.array(z.object({ code: codeSchema, name: localizedNameSchema })),
  /** Each provider's result per parameter, so it sees where it loses points. */
  providerParameters: z.record(
    z.string(),
    z.array(z.object({ code: codeSchema, percent: z.number() })),
  ),
});
export type ResultsView = z.infer<typeof resultsViewSchema>;

export const resultSourcesSchema = z.object({
  campaigns: z.array(
    z.object({ id: idSchema, year: z.number().int(), name: localizedNameSchema }),
  ),
  publishedYears: z.array(z.number().int()),
});

export const trendPointSchema = z.object({
  year: z.number().int(),
  percent: z.number(),
  stars: z.number().int(),
});

export const reportFormats = ['pdf', 'xlsx', 'csv'] as const;

export const exportInputSchema = z
  .object({
    source: reportSourceSchema,
    format: z.enum(reportFormats),
    /** A file the user already chose (to confirm an overwrite); absent asks where. */
    filePath: z.string().min(1).max(4000).optional(),
    overwrite: z.boolean().default(false),
  })
  .strict();

export const exportResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), filePath: z.string(), digest: z.string() }),
  /** The user closed the save dialog. */
  z.object({ kind: z.literal('cancelled') }),
  /** The chosen file exists and overwrite was not asked for: nothing was written. */
  z.object({ kind: z.literal('exists'), filePath: z.string() }),
]);
export type ExportResult = z.infer<typeof exportResultSchema>;
