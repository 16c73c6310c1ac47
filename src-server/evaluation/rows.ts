import type {
  Campaign,
  CampaignStatus,
  EvaluationAnswer,
} from '../../shared/index/campaign';
import type { PublishedResult } from '../../shared/index/campaign';
import type { Methodology } from '../../shared/index/methodology';
import { toNumber } from '../db/rows';

/**
 * Explicit row ↔ model mapping for the evaluation tables. A methodology's
 * and a campaign's JSON body holds exactly the fields their columns do not,
 * so a pull can splice the body into the object its columns start
 * (sync/page-json.ts) without a key appearing twice.
 */

export interface MethodologyRow {
  id: string;
  year: unknown;
  version: unknown;
  body: string;
  frozen_at: string | null;
  created_at: string;
}

export interface CampaignRow {
  id: string;
  year: unknown;
  methodology_id: string;
  status: string;
  body: string;
  revision: unknown;
  created_at: string;
}

export interface AnswerRow {
  id: string;
  campaign_id: string;
  service_id: string;
  sub_criterion_code: string;
  evaluator_id: string;
  doc: string | null;
  revision: unknown;
  updated_at: string;
}

export interface PublishedResultRow {
  id: string;
  year: unknown;
  group_name: string;
  provider_name: string;
  agency_id: string | null;
  doc: string;
}

type MethodologyBody = Pick<Methodology, 'name' | 'parameters' | 'bands' | 'aggregation'>;
type CampaignBody = Pick<Campaign, 'name' | 'providers' | 'services' | 'evaluatorIds'>;

export function methodologyToRow(methodology: Methodology): MethodologyRow {
  const body: MethodologyBody = {
    name: methodology.name,
    parameters: methodology.parameters,
    bands: methodology.bands,
    aggregation: methodology.aggregation,
  };
  return {
    id: methodology.id,
    year: methodology.year,
    version: methodology.version,
    body: JSON.stringify(body),
    frozen_at: methodology.frozenAt,
    created_at: methodology.createdAt,
  };
}

export function methodologyFromRow(row: MethodologyRow): Methodology {
  const body = JSON.parse(row.body) as MethodologyBody;
  return {
    id: row.id,
    year: toNumber(row.year),
    version: toNumber(row.version),
    ...body,
    createdAt: row.created_at,
    frozenAt: row.frozen_at,
  };
}

export function campaignToRow(campaign: Campaign): CampaignRow {
  const body: CampaignBody = {
    name: campaign.name,
    providers: campaign.providers,
    services: campaign.services,
    evaluatorIds: campaign.evaluatorIds,
  };
  return {
    id: campaign.id,
    year: campaign.year,
    methodology_id: campaign.methodologyId,
    status: campaign.status,
    body: JSON.stringify(body),
    revision: campaign.revision,
    created_at: campaign.createdAt,
  };
}

export function campaignFromRow(row: CampaignRow): Campaign {
  const body = JSON.parse(row.body) as CampaignBody;
  return {
    id: row.id,
    year: toNumber(row.year),
    methodologyId: row.methodology_id,
    status: row.status as CampaignStatus,
    ...body,
    createdAt: row.created_at,
    revision: toNumber(row.revision),
  };
}

/** The answer as stored, or null while it is withdrawn. */
export function answerFromRow(row: AnswerRow): EvaluationAnswer | null {
  return row.doc === null ? null : (JSON.parse(row.doc) as EvaluationAnswer);
}

export function answerToRow(answer: EvaluationAnswer): AnswerRow {
  return {
    id: answer.id,
    campaign_id: answer.campaignId,
    service_id: answer.serviceId,
    sub_criterion_code: answer.subCriterionCode,
    evaluator_id: answer.evaluatorId,
    doc: JSON.stringify(answer),
    revision: answer.revision,
    updated_at: answer.updatedAt,
  };
}

/** The doc lists the fields in one order, so equal results store equal text. */
export function publishedResultToRow(result: PublishedResult): PublishedResultRow {
  const doc: PublishedResult = {
    id: result.id,
    year: result.year,
    group: result.group,
    agencyId: result.agencyId,
    providerName: result.providerName,
    rank: result.rank,
    percent: result.percent,
    stars: result.stars,
    source: result.source,
  };
  return {
    id: result.id,
    year: result.year,
    group_name: result.group,
    provider_name: result.providerName,
    agency_id: result.agencyId,
    doc: JSON.stringify(doc),
  };
}

export function publishedResultFromRow(row: PublishedResultRow): PublishedResult {
  return JSON.parse(row.doc) as PublishedResult;
}
