import { z } from 'zod';
import { codeSchema, idSchema, isoDateTimeSchema, requiredText } from '../domain/ids';

/**
 * The ASAN service index methodology as data, versioned per year: the seven
 * parameters of Decree 262 item 2.4, each broken into criteria and
 * sub-criteria with weights and an answer scale, the rule that turns answers
 * into percentages, and the star bands. VXSİDA's real breakdown (24 criteria,
 * 143 sub-criteria) and its weights are not public, so an administrator sets
 * them; once a campaign has scores the version is frozen and a change makes
 * a new version.
 */

/** A name in the three UI languages; Azerbaijani is the official one. */
export const localizedNameSchema = z.object({
  az: requiredText(500),
  en: requiredText(500),
  ru: requiredText(500),
});
export type LocalizedName = z.infer<typeof localizedNameSchema>;

/** One allowed answer of a level scale, worth `score` (0 to 1) of the sub-criterion. */
export const scaleLevelSchema = z.object({
  value: codeSchema,
  label: localizedNameSchema,
  score: z.number().min(0).max(1),
});

/** How a sub-criterion is answered. */
export const answerScaleSchema = z.discriminatedUnion('kind', [
  /** Yes scores 1, no scores 0. */
  z.object({ kind: z.literal('yesNo') }),
  /** One of the listed levels. */
  z.object({
    kind: z.literal('levels'),
    levels: z.array(scaleLevelSchema).min(2).max(10),
  }),
  /** A percentage 0–100, scoring value / 100. */
  z.object({ kind: z.literal('percent') }),
]);
export type AnswerScale = z.infer<typeof answerScaleSchema>;

/** Weights are relative within their parent: 2 counts twice as much as 1. */
const weightSchema = z.number().min(0).max(1000);

export const subCriterionSchema = z.object({
  code: codeSchema,
  name: localizedNameSchema,
  weight: weightSchema,
  scale: answerScaleSchema,
});
export type SubCriterion = z.infer<typeof subCriterionSchema>;

export const criterionSchema = z.object({
  code: codeSchema,
  name: localizedNameSchema,
  weight: weightSchema,
  subCriteria: z.array(subCriterionSchema).min(1).max(100),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** The seven parameters of Decree 262 item 2.4 (information, ways to apply, …). */
export const indexParameterSchema = z.object({
  code: codeSchema,
  name: localizedNameSchema,
  weight: weightSchema,
  criteria: z.array(criterionSchema).min(1).max(50),
});
export type IndexParameter = z.infer<typeof indexParameterSchema>;

/** Providers at or above `minPercent` get `stars`; the highest band that fits applies. */
export const starBandSchema = z.object({
  stars: z.number().int().min(1).max(5),
  minPercent: z.number().min(0).max(100),
});
export type StarBand = z.infer<typeof starBandSchema>;

/**
 * How answers become percentages. A service's percentage is the weighted
 * mean of its parameters' (each the weighted mean of its criteria, each of
 * its sub-criteria). A provider's is the mean of its services' ('mean') or
 * weighted by each service's answered weight ('weightedByAnswers').
 * Unanswered sub-criteria count as 0 ('zero') or are left out ('exclude');
 * a sub-criterion answered "not applicable" is always left out.
 */
export const aggregationRuleSchema = z.object({
  provider: z.enum(['mean', 'weightedByAnswers']),
  unanswered: z.enum(['zero', 'exclude']),
});
export type AggregationRule = z.infer<typeof aggregationRuleSchema>;

export const methodologySchema = z.object({
  id: idSchema,
  year: z.number().int().min(2016).max(2100),
  /** 1, 2, 3… within the year; a frozen version is never edited, a change makes the next. */
  version: z.number().int().min(1),
  name: localizedNameSchema,
  parameters: z.array(indexParameterSchema).min(1).max(20),
  bands: z.array(starBandSchema).min(1).max(5),
  aggregation: aggregationRuleSchema,
  createdAt: isoDateTimeSchema,
  /** Set when the first score is recorded against a campaign using it. */
  frozenAt: isoDateTimeSchema.nullable(),
});
export type Methodology = z.infer<typeof methodologySchema>;
