import type { AgencyGroup } from '../domain/agency';
import { DomainError, invariant } from '../errors';
import type { EvaluationReport } from '../reports/evaluation-report';
import type { EffectiveValue } from './answer-status';
import type { AnswerValue, Campaign, EvaluationAnswer } from './campaign';
import {
  DISPUTED,
  indexCampaign,
  NO_ANSWER,
  resolveCells,
  type CampaignCells,
} from './campaign-cells';
import {
  encodeAnswer,
  flatten,
  NOT_APPLICABLE_KEY,
  scoreOfKey,
  UNFIT_KEY,
  type FlatMethodology,
} from './flat-methodology';
import type { AnswerScale, Methodology } from './methodology';
import { rankGroups, roundPercent, starsFor } from './ranking';

/**
 * The ASAN index computation, the one implementation the desktop and the
 * server run: answers → service percentages → provider percentages → stars
 * and ranks → the report. Weights are relative within their parent and
 * each level is a weighted mean of the level below; percentages are
 * rounded to two decimals only when they leave this module.
 */

export { rankGroups, roundPercent, starsFor } from './ranking';
export type { Rankable, Ranked, RankedGroup } from './ranking';
export { effectiveAnswers, progress } from './answer-status';
export type {
  CampaignProgress,
  Dispute,
  EffectiveAnswers,
  EffectiveValue,
  ProgressCount,
} from './answer-status';

/** An answer's score (0 to 1), null when not applicable; throws when it does not fit. */
export function scoreAnswer(scale: AnswerScale, value: AnswerValue): number | null {
  if (value.kind === 'notApplicable') return null;
  if (scale.kind === 'yesNo' && value.kind === 'yesNo') return value.value ? 1 : 0;
  if (scale.kind === 'percent' && value.kind === 'percent') {
    if (value.value >= 0 && value.value <= 100) return value.value / 100;
  }
  if (scale.kind === 'levels' && value.kind === 'level') {
    const level = scale.levels.find((candidate) => candidate.value === value.value);
    if (level) return level.score;
  }
  throw new DomainError('VALIDATION_FAILED', 'The answer does not fit the scale', [
    {
      path: 'value',
      message: `A ${value.kind} answer does not fit a ${scale.kind} scale`,
    },
  ]);
}

/** One parameter of a service's result. */
export interface ParameterResult {
  code: string;
  /** The parameter's own percentage; null when none of its sub-criteria applies. */
  percent: number | null;
  /**
   * Points of the service's 100 this parameter earned and could earn, so
   * a report can show where points were lost; two decimals, so their sum
   * may differ from the service's percentage by rounding.
   */
  earnedWeight: number;
  possibleWeight: number;
}

/** A service's result under a methodology. */
export interface ServiceResult {
  /** 0–100, two decimals; null when no sub-criterion applies. */
  percent: number | null;
  perParameter: ParameterResult[];
  answered: number;
  /** Items without an answer, disputed ones included. */
  unanswered: number;
  notApplicable: number;
  disputed: number;
}

/** A service's result from its values by sub-criterion code; unknown codes are skipped. */
export function serviceResult(
  methodology: Methodology,
  answers: ReadonlyMap<string, EffectiveValue>,
): ServiceResult {
  const flat = flatten(methodology);
  const keys = new Float64Array(flat.subCriterionCount).fill(NO_ANSWER);
  for (const [code, value] of answers) {
    const s = flat.subCriterionIndex.get(code);
    if (s === undefined) continue;
    const key = value === 'disputed' ? DISPUTED : encodeAnswer(flat, s, value);
    if (key === UNFIT_KEY) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `The answer to "${code}" does not fit its scale`,
        [{ path: code, message: 'Does not fit the scale' }],
      );
    }
    keys[s] = key;
  }

  const parameters = flat.parameterCodes.length;
  const fractions = new Float64Array(parameters);
  const weights = new Float64Array(parameters);
  const unansweredAsZero = methodology.aggregation.unanswered === 'zero';
  const fraction = aggregateService(flat, keys, 0, unansweredAsZero, fractions, weights);
  const included = weights.reduce((sum, weight) => sum + weight, 0);
  const counts = { answered: 0, unanswered: 0, notApplicable: 0, disputed: 0 };
  for (const key of keys) {
    if (key >= 0) counts.answered += 1;
    else if (key === NOT_APPLICABLE_KEY) counts.notApplicable += 1;
    else counts.unanswered += 1;
    if (key === DISPUTED) counts.disputed += 1;
  }
  return {
    percent: Number.isNaN(fraction) ? null : roundPercent(fraction * 100),
    perParameter: flat.parameterCodes.map((code, p) => {
      const parameterFraction = fractions[p] ?? NaN;
      const possibleWeight = included > 0 ? (100 * (weights[p] ?? 0)) / included : 0;
      const isExcluded = Number.isNaN(parameterFraction);
      return {
        code,
        percent: isExcluded ? null : roundPercent(parameterFraction * 100),
        earnedWeight: isExcluded ? 0 : roundPercent(possibleWeight * parameterFraction),
        possibleWeight: roundPercent(possibleWeight),
      };
    }),
    ...counts,
  };
}

/** A provider's parameter result: the mean over the services it applies to. */
export interface ProviderParameterResult {
  code: string;
  /** Null when the parameter applies to none of its services. */
  percent: number | null;
}

/** A provider's result in a campaign. */
export interface ProviderResult {
  agencyId: string;
  group: AgencyGroup;
  /** 0–100, two decimals; 0 while none of its services has a result. */
  percent: number;
  stars: number;
  /** Services of the provider in the campaign, with a result or not. */
  serviceCount: number;
  perParameter: ProviderParameterResult[];
  /** Items of its services that evaluators disagree on, left out as unanswered. */
  disputedCount: number;
}

/** Every provider's result, in the campaign's order. */
export function providerResults(
  methodology: Methodology,
  campaign: Campaign,
  answers: readonly EvaluationAnswer[],
): ProviderResult[] {
  return computeCampaign(methodology, campaign, answers).providers;
}

/** A campaign's evaluation report; a provider missing from `providerNames` shows its id. */
export function campaignReport(
  methodology: Methodology,
  campaign: Campaign,
  answers: readonly EvaluationAnswer[],
  providerNames: ReadonlyMap<string, string>,
): EvaluationReport {
  const { providers, cells } = computeCampaign(methodology, campaign, answers);
  const named = providers.map((provider) => ({
    ...provider,
    name: providerNames.get(provider.agencyId) ?? provider.agencyId,
  }));
  const dataAsOf = Math.max(
    cells.latestMs,
    Date.parse(campaign.createdAt),
    Date.parse(methodology.createdAt),
  );
  return {
    year: campaign.year,
    campaignId: campaign.id,
    methodology: {
      id: methodology.id,
      version: methodology.version,
      name: methodology.name.az,
    },
    dataAsOf: new Date(dataAsOf).toISOString(),
    groups: rankGroups(named).map(({ group, providers: ranked }) => ({
      group,
      providers: ranked.map((provider) => ({
        rank: provider.rank,
        tiedWith: provider.tiedWith,
        agencyId: provider.agencyId,
        name: provider.name,
        percent: provider.percent,
        stars: provider.stars,
        serviceCount: provider.serviceCount,
      })),
    })),
  };
}

function computeCampaign(
  methodology: Methodology,
  campaign: Campaign,
  answers: readonly EvaluationAnswer[],
): { providers: ProviderResult[]; cells: CampaignCells } {
  invariant(
    campaign.methodologyId === methodology.id,
    `campaign ${campaign.id} is scored by methodology ${campaign.methodologyId}, not ${methodology.id}`,
  );
  const flat = flatten(methodology);
  const index = indexCampaign(campaign);
  const cells = resolveCells(flat, index, campaign.id, answers);
  const parameters = flat.parameterCodes.length;
  const providerCount = index.providers.length;
  const unansweredAsZero = methodology.aggregation.unanswered === 'zero';
  const isWeightedByAnswers = methodology.aggregation.provider === 'weightedByAnswers';

  const serviceCount = new Int32Array(providerCount);
  const disputedCount = new Int32Array(providerCount);
  const weightSum = new Float64Array(providerCount);
  const earnedSum = new Float64Array(providerCount);
  const parameterWeightSum = new Float64Array(providerCount * parameters);
  const parameterEarnedSum = new Float64Array(providerCount * parameters);
  const fractions = new Float64Array(parameters);
  const weights = new Float64Array(parameters);

  // Every service nobody has answered has the same result: computed once.
  const emptyFractions = new Float64Array(parameters);
  const emptyRow = new Float64Array(flat.subCriterionCount).fill(NO_ANSWER);
  const emptyFraction = aggregateService(
    flat,
    emptyRow,
    0,
    unansweredAsZero,
    emptyFractions,
    weights,
  );

  for (let service = 0; service < index.serviceIds.length; service += 1) {
    const provider = index.serviceProvider[service] ?? -1;
    if (provider < 0) continue;
    serviceCount[provider] = (serviceCount[provider] ?? 0) + 1;
    const row = cells.rowOf[service] ?? -1;
    let fraction = emptyFraction;
    let serviceFractions = emptyFractions;
    // A provider's mean counts each service once; weighted by answers, a
    // service counts by the share of the methodology it has answers for.
    let serviceWeight = isWeightedByAnswers ? 0 : 1;
    if (row >= 0) {
      fraction = aggregateService(
        flat,
        cells.keys,
        row * cells.width,
        unansweredAsZero,
        fractions,
        weights,
      );
      serviceFractions = fractions;
      disputedCount[provider] =
        (disputedCount[provider] ?? 0) + (cells.disputed[row] ?? 0);
      if (isWeightedByAnswers) serviceWeight = cells.answeredShare[row] ?? 0;
    }
    if (Number.isNaN(fraction) || serviceWeight === 0) continue;

    weightSum[provider] = (weightSum[provider] ?? 0) + serviceWeight;
    earnedSum[provider] = (earnedSum[provider] ?? 0) + serviceWeight * fraction;
    const base = provider * parameters;
    for (let p = 0; p < parameters; p += 1) {
      const parameterFraction = serviceFractions[p] ?? NaN;
      if (Number.isNaN(parameterFraction)) continue;
      parameterWeightSum[base + p] = (parameterWeightSum[base + p] ?? 0) + serviceWeight;
      parameterEarnedSum[base + p] =
        (parameterEarnedSum[base + p] ?? 0) + serviceWeight * parameterFraction;
    }
  }

  const bands = methodology.bands;
  const providers = index.providers.map((provider, i): ProviderResult => {
    const totalWeight = weightSum[i] ?? 0;
    const percent =
      totalWeight > 0 ? roundPercent((100 * (earnedSum[i] ?? 0)) / totalWeight) : 0;
    return {
      agencyId: provider.agencyId,
      group: provider.group,
      percent,
      stars: starsFor(percent, bands),
      serviceCount: serviceCount[i] ?? 0,
      perParameter: flat.parameterCodes.map((code, p) => {
        const weight = parameterWeightSum[i * parameters + p] ?? 0;
        const earned = parameterEarnedSum[i * parameters + p] ?? 0;
        return {
          code,
          percent: weight > 0 ? roundPercent((100 * earned) / weight) : null,
        };
      }),
      disputedCount: disputedCount[i] ?? 0,
    };
  });
  return { providers, cells };
}

/**
 * One service's fraction (0 to 1) from its row of keys at `base`, or NaN
 * when nothing in it counts. Writes each parameter's fraction (NaN when
 * left out) and its weight as counted (0 when left out) into the outputs.
 * A sub-criterion counts when answered, or when unanswered (disputed
 * included) and unanswered items count as zero; not applicable never
 * counts. A criterion or parameter with nothing that counts is left out of
 * its parent, so its weight goes to its siblings.
 */
function aggregateService(
  flat: FlatMethodology,
  keys: Float64Array,
  base: number,
  unansweredAsZero: boolean,
  parameterFractions: Float64Array,
  parameterWeights: Float64Array,
): number {
  const { parameterStart, parameterWeight, criterionStart, criterionWeight } = flat;
  const subCriterionWeight = flat.subCriterionWeight;
  const parameters = parameterWeight.length;
  let total = 0;
  let earned = 0;

  for (let p = 0; p < parameters; p += 1) {
    let parameterTotal = 0;
    let parameterEarned = 0;
    const criteriaEnd = parameterStart[p + 1] ?? 0;
    for (let c = parameterStart[p] ?? 0; c < criteriaEnd; c += 1) {
      let criterionTotal = 0;
      let criterionEarned = 0;
      const subCriteriaEnd = criterionStart[c + 1] ?? 0;
      for (let s = criterionStart[c] ?? 0; s < subCriteriaEnd; s += 1) {
        const key = keys[base + s] ?? NO_ANSWER;
        const weight = subCriterionWeight[s] ?? 0;
        if (key >= 0) {
          criterionTotal += weight;
          criterionEarned += weight * scoreOfKey(flat, s, key);
        } else if (unansweredAsZero && key !== NOT_APPLICABLE_KEY) {
          criterionTotal += weight;
        }
      }
      if (criterionTotal > 0) {
        const weight = criterionWeight[c] ?? 0;
        parameterTotal += weight;
        parameterEarned += (weight * criterionEarned) / criterionTotal;
      }
    }
    if (parameterTotal > 0) {
      const fraction = parameterEarned / parameterTotal;
      const weight = parameterWeight[p] ?? 0;
      parameterFractions[p] = fraction;
      parameterWeights[p] = weight;
      total += weight;
      earned += weight * fraction;
    } else {
      parameterFractions[p] = NaN;
      parameterWeights[p] = 0;
    }
  }
  return total > 0 ? earned / total : NaN;
}
