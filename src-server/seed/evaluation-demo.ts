import type { Knex } from 'knex';
import { publishedResultSchema } from '../../shared/index/campaign';
import type { Campaign, PublishedResult } from '../../shared/index/campaign';
import { methodologySchema } from '../../shared/index/methodology';
import type { Methodology } from '../../shared/index/methodology';
import { defaultMethodology } from '../../shared/index/default-methodology';
import { methodologyProblems } from '../../shared/index/methodology-rules';
import { publishedResults } from '../../shared/index/published-2023';
import { exists, firstRow } from '../db/rows';
import {
  campaignFeed,
  campaignReferenceProblems,
  insertCampaign,
} from '../evaluation/campaigns';
import { methodologyFeed } from '../evaluation/methodologies';
import { importPublishedResults } from '../evaluation/published-results';
import { methodologyToRow } from '../evaluation/rows';
import type { AgencyRow } from '../registry/rows';
import { writeFeedEntries } from '../sync/feed';
import type { FeedEntry } from '../sync/feed';

/** What the evaluation demo is built from. */
export interface EvaluationDemoData {
  methodology: Methodology;
  publishedResults: PublishedResult[];
}

/** The demo campaign's fixed id, so seeding it twice finds it. */
export const DEMO_CAMPAIGN_ID = 'e7a1c000-0000-4000-8000-00000000da7a';

/** Providers of the demo campaign, from the demo registry's agencies. */
const demoProviderCodes = ['mlspp', 'justice', 'migration', 'health'];

/** The data the demo seeds: the example 2023 methodology and every published result shipped. */
export function bundledEvaluationDemo(): EvaluationDemoData {
  return { methodology: defaultMethodology, publishedResults: [...publishedResults] };
}

/**
 * Seeds the ASAN index demo: the methodology (unless its year and version
 * exist), the published results (matched by year, group and provider), and
 * an open campaign of that year over a few demo agencies' published
 * services with the demo evaluator assigned (unless it exists). Running it
 * again changes nothing. Needs the demo registry and users seeded first.
 */
export async function seedEvaluationDemo(
  db: Knex,
  data: EvaluationDemoData,
): Promise<void> {
  const methodology = methodologySchema.parse(data.methodology);
  const problems = methodologyProblems(methodology);
  if (problems.length > 0) {
    throw new Error(`The demo methodology is invalid: ${JSON.stringify(problems)}`);
  }
  const results = data.publishedResults.map((result) =>
    publishedResultSchema.parse(result),
  );

  await db.transaction(async (trx) => {
    const feed: FeedEntry[] = [];
    const stored = await firstRow<{ id: string }>(
      trx('methodologies')
        .where({ year: methodology.year, version: methodology.version })
        .select('id'),
    );
    const methodologyId = stored?.id ?? methodology.id;
    if (!stored) {
      await trx('methodologies').insert(methodologyToRow(methodology));
      feed.push(methodologyFeed(methodology.id));
    }
    if (results.length > 0)
      feed.push(...(await importPublishedResults(trx, results)).feed);
    if (!(await exists(trx('campaigns').where('id', DEMO_CAMPAIGN_ID)))) {
      const campaign = await demoCampaign(trx, methodology.year, methodologyId);
      await insertCampaign(trx, campaign);
      feed.push(campaignFeed(campaign.id));
    }
    await writeFeedEntries(trx, feed);
  });
}

async function demoCampaign(
  trx: Knex.Transaction,
  year: number,
  methodologyId: string,
): Promise<Campaign> {
  const agencies = await trx<AgencyRow>('agencies').whereIn('code', demoProviderCodes);
  const services = await trx('services as s')
    .whereIn(
      's.agency_id',
      agencies.map((agency) => agency.id),
    )
    .whereExists((q) => {
      void q
        .select(trx.raw('1'))
        .from('service_versions as v')
        .whereRaw('v.service_id = s.id')
        .where('v.status', 'approved');
    })
    .orderBy('s.registry_code')
    .select<Array<{ id: string; agency_id: string }>>('s.id', 's.agency_id');
  const evaluators = (await trx('users')
    .where({ username: 'evaluator', role: 'evaluator' })
    .pluck('id')) as unknown[];

  const campaign: Campaign = {
    id: DEMO_CAMPAIGN_ID,
    year,
    name: {
      az: `ASAN xidmət indeksi ${year} (nümayiş)`,
      en: `ASAN service index ${year} (demo)`,
      ru: `Индекс ASAN xidmət ${year} (демо)`,
    },
    methodologyId,
    status: 'open',
    providers: agencies.map((agency) => ({
      agencyId: agency.id,
      group: agency.group_name as Campaign['providers'][number]['group'],
    })),
    services: services.map((service) => ({
      serviceId: service.id,
      agencyId: service.agency_id,
    })),
    evaluatorIds: evaluators.map(String),
    createdAt: new Date().toISOString(),
    revision: 1,
  };
  const problems = await campaignReferenceProblems(trx, campaign);
  if (problems.length > 0) {
    throw new Error(`The demo campaign does not fit: ${JSON.stringify(problems)}`);
  }
  return campaign;
}
