import { z } from 'zod';
import { agencyGroupSchema } from '../domain/agency';
import { idSchema, isoDateTimeSchema } from '../domain/ids';

/**
 * Everything an evaluation report shows, computed from a campaign's data
 * (or from imported published results): the model the PDF, XLSX and CSV
 * writers render, and the data whose SHA-256 digest every report carries
 * so an auditor can recompute and check it.
 */

export const reportProviderSchema = z.object({
  rank: z.number().int().min(1),
  /** Set when the rank is shared: the names it is shared with, for the footnote. */
  tiedWith: z.array(z.string()).default([]),
  agencyId: idSchema.nullable(),
  name: z.string().min(1),
  percent: z.number().min(0).max(100),
  stars: z.number().int().min(1).max(5),
  serviceCount: z.number().int().min(0),
});
export type ReportProvider = z.infer<typeof reportProviderSchema>;

export const reportGroupSchema = z.object({
  group: agencyGroupSchema,
  /** Ranked, best first. */
  providers: z.array(reportProviderSchema),
});
export type ReportGroup = z.infer<typeof reportGroupSchema>;

export const evaluationReportSchema = z.object({
  year: z.number().int(),
  /** The campaign it was computed from; null for imported published results. */
  campaignId: idSchema.nullable(),
  methodology: z.object({
    id: idSchema.nullable(),
    version: z.number().int().min(0),
    name: z.string(),
  }),
  /** When the underlying data was last changed (not when the file was written). */
  dataAsOf: isoDateTimeSchema,
  groups: z.array(reportGroupSchema),
});
export type EvaluationReport = z.infer<typeof evaluationReportSchema>;
