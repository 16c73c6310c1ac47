import { z } from 'zod';
import { agencyGroupSchema } from '../domain/agency';
import { codeSchema, idSchema, isoDateTimeSchema, optionalText } from '../domain/ids';
import { localizedNameSchema } from './methodology';

/**
 * A yearly evaluation campaign: which methodology version it uses, which
 * providers in which group, which of their services are assessed, and who
 * evaluates them. Answers are kept per evaluator, so two evaluators
 * answering the same item never overwrite each other.
 */

export const campaignStatuses = ['open', 'closed', 'published'] as const;
export const campaignStatusSchema = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const campaignProviderSchema = z.object({
  agencyId: idSchema,
  /** The group the provider is ranked in this campaign. */
  group: agencyGroupSchema,
});

export const campaignSchema = z.object({
  id: idSchema,
  year: z.number().int().min(2016).max(2100),
  name: localizedNameSchema,
  methodologyId: idSchema,
  status: campaignStatusSchema,
  providers: z.array(campaignProviderSchema).max(5_000),
  /** Services to assess, each under one of the providers. */
  services: z.array(z.object({ serviceId: idSchema, agencyId: idSchema })).max(500_000),
  evaluatorIds: z.array(idSchema).max(500),
  createdAt: isoDateTimeSchema,
  revision: z.number().int().min(1),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** An answer's value: yes/no, a level's code, a percentage, or not applicable. */
export const answerValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yesNo'), value: z.boolean() }),
  z.object({ kind: z.literal('level'), value: codeSchema }),
  z.object({ kind: z.literal('percent'), value: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('notApplicable') }),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** One evaluator's answer to one sub-criterion for one service. */
export const evaluationAnswerSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  serviceId: idSchema,
  subCriterionCode: codeSchema,
  evaluatorId: idSchema,
  evaluatorName: z.string().max(200),
  value: answerValueSchema,
  note: optionalText(4000),
  /** Where the evidence is: a document number, a link, a screenshot's name. */
  evidenceRef: optionalText(1000),
  /** Bumped by the server on each change; a save names the revision it was made on. */
  revision: z.number().int().min(1),
  updatedAt: isoDateTimeSchema,
});
export type EvaluationAnswer = z.infer<typeof evaluationAnswerSchema>;

/** A provider's published result of a past year, imported so years compare. */
export const publishedResultSchema = z.object({
  id: idSchema,
  year: z.number().int().min(2016).max(2100),
  group: agencyGroupSchema,
  /** Null when the provider is not (or no longer) in the registry's agencies. */
  agencyId: idSchema.nullable(),
  providerName: z.string().trim().min(1).max(500),
  /** Null when the source gives the percentage without the table it ranked in. */
  rank: z.number().int().min(1).nullable(),
  percent: z.number().min(0).max(100),
  stars: z.number().int().min(1).max(5),
  /** Where the figure was published. */
  source: optionalText(500),
});
export type PublishedResult = z.infer<typeof publishedResultSchema>;
