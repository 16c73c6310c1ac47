import type { Knex } from 'knex';
import type { ReportSource, ResultsView } from '../../shared/contract/evaluation-views';
import { DomainError } from '../../shared/errors';
import { campaignReport, providerResults } from '../../shared/index/computation';
import { providerTrend, publishedReport } from '../../shared/index/published-results';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import {
  campaignAnswers,
  getCampaign,
  getMethodology,
  listCampaigns,
  listPublishedResults,
} from '../local-store/evaluation-tables';
import { agencyName } from '../local-store/reference-tables';
import { reportDigest } from '../reports/report-digest';

/**
 * Results and reports are computed from what the server has confirmed, not
 * from an evaluator's unsent answers, so two auditors with the same synced
 * data get the same report and the same digest.
 */

/** Campaigns and the years of published results this computer holds. */
export async function resultSources(db: Knex) {
  const campaigns = (await listCampaigns(db)).map((campaign) => ({
    id: campaign.id,
    year: campaign.year,
    name: campaign.name,
  }));
  const years = await db('published_results').distinct<{ year: number }[]>('year');
  return {
    campaigns,
    publishedYears: years.map((row) => Number(row.year)).sort((a, b) => a - b),
  };
}

/**
 * Published results carry no date of their own; the start of the next year
 * stands for it, so the same rows always give the same report and digest.
 */
function publishedAsOf(year: number): string {
  return `${year + 1}-01-01T00:00:00.000Z`;
}

/** The report a source yields, and the per-parameter figures of a campaign. */
export async function resultsView(db: Knex, source: ReportSource): Promise<ResultsView> {
  if (source.kind === 'published') {
    const rows = await listPublishedResults(db, source.year);
    if (rows.length === 0) {
      throw new DomainError('NOT_FOUND', `No published results for ${source.year}`, [
        { path: 'source.year', message: 'not on this computer' },
      ]);
    }
    const report = publishedReport(rows, source.year, publishedAsOf(source.year));
    return {
      report,
      digest: reportDigest(report),
      parameters: [],
      providerParameters: {},
    };
  }

  const campaign = await getCampaign(db, source.campaignId);
  const methodology = campaign
    ? await getMethodology(db, campaign.methodologyId)
    : undefined;
  if (!campaign || !methodology) {
    throw new DomainError('NOT_FOUND', 'No such campaign on this computer', [
      { path: 'source.campaignId', message: 'not found' },
    ]);
  }
  const answers = await campaignAnswers(db, campaign.id);
  const names = new Map<string, string>();
  for (const provider of campaign.providers) {
    names.set(provider.agencyId, await agencyName(db, provider.agencyId));
  }
  const report: EvaluationReport = campaignReport(methodology, campaign, answers, names);
  const providerParameters: ResultsView['providerParameters'] = {};
  for (const provider of providerResults(methodology, campaign, answers)) {
    providerParameters[provider.agencyId] = provider.perParameter.map((parameter) => ({
      code: parameter.code,
      percent: parameter.percent ?? 0,
    }));
  }
  return {
    report,
    digest: reportDigest(report),
    parameters: methodology.parameters.map((parameter) => ({
      code: parameter.code,
      name: parameter.name,
    })),
    providerParameters,
  };
}

/** A provider's published results over the years, oldest first. */
export async function resultsTrend(db: Knex, agencyId: string) {
  return providerTrend(await listPublishedResults(db), agencyId).map((result) => ({
    year: result.year,
    percent: result.percent,
    stars: result.stars,
  }));
}
