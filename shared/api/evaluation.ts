import { z } from 'zod';
import type { FieldError } from '../errors';
import { idSchema } from '../domain/ids';
import {
  campaignSchema,
  campaignStatusSchema,
  publishedResultSchema,
} from '../index/campaign';
import { methodologySchema } from '../index/methodology';
import { methodologyProblems } from '../index/methodology-rules';

/**
 * Administrators' requests for the ASAN index: methodologies, campaigns,
 * their status, and published results. The server sets what it owns
 * (creation time, freezing, revisions) and makes an id when none is given.
 */

function addProblems(ctx: z.RefinementCtx, problems: readonly FieldError[]): void {
  for (const problem of problems) {
    ctx.addIssue({
      code: 'custom',
      path: problem.path.split('.'),
      message: problem.message,
    });
  }
}

/** Reports each value after its first as a duplicate, at `path(index)`. */
function duplicates<T>(
  items: readonly T[],
  keyOf: (item: T, index: number) => string,
  path: (index: number) => string,
  message: string,
): FieldError[] {
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item, index);
    if (seen.has(key)) problems.push({ path: path(index), message });
    seen.add(key);
  });
  return problems;
}

export const methodologyRequestSchema = methodologySchema
  .omit({ id: true, createdAt: true, frozenAt: true })
  .extend({ id: idSchema.optional() })
  // The tree's own rules only once its shape is right: a weight the schema
  // refuses would otherwise be reported twice, once per rule.
  .superRefine((methodology, ctx) => addProblems(ctx, methodologyProblems(methodology)), {
    when: (payload) => payload.issues.length === 0,
  });
export type MethodologyRequest = z.infer<typeof methodologyRequestSchema>;

export const campaignRequestSchema = campaignSchema
  .pick({
    year: true,
    name: true,
    methodologyId: true,
    providers: true,
    services: true,
    evaluatorIds: true,
  })
  .extend({ id: idSchema.optional() })
  .superRefine((campaign, ctx) =>
    addProblems(ctx, [
      ...duplicates(
        campaign.providers,
        (provider) => provider.agencyId,
        (i) => `providers.${i}.agencyId`,
        'this provider is listed twice',
      ),
      ...duplicates(
        campaign.services,
        (service) => service.serviceId,
        (i) => `services.${i}.serviceId`,
        'this service is listed twice',
      ),
      ...duplicates(
        campaign.evaluatorIds,
        (id) => id,
        (i) => `evaluatorIds.${i}`,
        'this evaluator is listed twice',
      ),
    ]),
  );
export type CampaignRequest = z.infer<typeof campaignRequestSchema>;

export const campaignStatusRequestSchema = z.object({ status: campaignStatusSchema });
export type CampaignStatusRequest = z.infer<typeof campaignStatusRequestSchema>;

/** A published result to import; without an id the server makes one. */
export const publishedResultImportSchema = publishedResultSchema.extend({
  id: idSchema.optional(),
});

/** Results are matched by year, group and provider name, so a repeat import changes nothing. */
export function publishedResultKey(result: {
  year: number;
  group: string;
  providerName: string;
}): string {
  return JSON.stringify([result.year, result.group, result.providerName]);
}

export const importPublishedResultsRequestSchema = z
  .object({ results: z.array(publishedResultImportSchema).min(1).max(5_000) })
  .superRefine(({ results }, ctx) =>
    addProblems(ctx, [
      ...duplicates(
        results,
        publishedResultKey,
        (i) => `results.${i}.providerName`,
        'this provider already has a result for this year and group',
      ),
      ...duplicates(
        results,
        (result, index) => result.id ?? `without id ${index}`,
        (i) => `results.${i}.id`,
        'this id is used twice',
      ),
    ]),
  );
export type ImportPublishedResultsRequest = z.infer<
  typeof importPublishedResultsRequestSchema
>;
