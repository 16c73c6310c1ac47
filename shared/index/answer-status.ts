import type { AnswerValue, Campaign, EvaluationAnswer } from './campaign';
import { indexCampaign, resolveCells } from './campaign-cells';
import { flatten } from './flat-methodology';
import type { Methodology } from './methodology';

/**
 * Where a campaign's answers stand: what evaluators agree on, where they
 * disagree, and how much is left to answer.
 */

/** An item's value once its evaluators' answers are put together. */
export type EffectiveValue = AnswerValue | 'disputed';

/** An item evaluators answered differently, with every answer given. */
export interface Dispute {
  serviceId: string;
  subCriterionCode: string;
  answers: EvaluationAnswer[];
}

/** The agreed values per service and sub-criterion, and the disputes. */
export interface EffectiveAnswers {
  /** Service id → sub-criterion code → the agreed value, or 'disputed'. */
  byService: Map<string, Map<string, EffectiveValue>>;
  /** Disputed items, in the order their first answer came. */
  disputes: Dispute[];
}

/**
 * Puts evaluators' answers together per (service, sub-criterion): the value
 * when every answer gives the same one (not applicable included), else
 * 'disputed', which results count as unanswered until it is settled.
 */
export function effectiveAnswers(answers: readonly EvaluationAnswer[]): EffectiveAnswers {
  const byItem = new Map<string, Map<string, EvaluationAnswer[]>>();
  for (const answer of answers) {
    let items = byItem.get(answer.serviceId);
    if (!items) {
      items = new Map();
      byItem.set(answer.serviceId, items);
    }
    const given = items.get(answer.subCriterionCode);
    if (given) given.push(answer);
    else items.set(answer.subCriterionCode, [answer]);
  }

  const byService = new Map<string, Map<string, EffectiveValue>>();
  const disputes: Dispute[] = [];
  for (const [serviceId, items] of byItem) {
    const values = new Map<string, EffectiveValue>();
    for (const [subCriterionCode, given] of items) {
      const [first, ...others] = given;
      if (!first) continue;
      if (others.every((answer) => sameValue(answer.value, first.value))) {
        values.set(subCriterionCode, first.value);
      } else {
        values.set(subCriterionCode, 'disputed');
        disputes.push({ serviceId, subCriterionCode, answers: given });
      }
    }
    byService.set(serviceId, values);
  }
  return { byService, disputes };
}

function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  if (a.kind === 'notApplicable' || b.kind === 'notApplicable') return a.kind === b.kind;
  return a.kind === b.kind && a.value === b.value;
}

/** Items answered out of items to answer. */
export interface ProgressCount {
  answered: number;
  toAnswer: number;
}

/** A campaign's progress as a whole, per provider and per evaluator. */
export interface CampaignProgress extends ProgressCount {
  /** Answered items whose evaluators disagree. */
  disputed: number;
  providers: Array<ProgressCount & { agencyId: string }>;
  evaluators: Array<ProgressCount & { evaluatorId: string }>;
}

/**
 * How far a campaign has got. An item is one sub-criterion of one service;
 * it is answered once anyone has answered it, not applicable included.
 * The campaign names no evaluator's share of the work, so each evaluator's
 * items to answer are the whole campaign's; once campaigns assign services
 * to evaluators, that assignment is the evaluator's denominator.
 */
export function progress(
  campaign: Campaign,
  methodology: Methodology,
  answers: readonly EvaluationAnswer[],
): CampaignProgress {
  const flat = flatten(methodology);
  const index = indexCampaign(campaign);
  const counted = new Uint8Array(answers.length);
  const cells = resolveCells(flat, index, campaign.id, answers, counted);
  const width = flat.subCriterionCount;
  const toAnswer = new Array<number>(index.providers.length).fill(0);
  const answered = new Array<number>(index.providers.length).fill(0);
  let total = 0;
  let totalAnswered = 0;
  let disputed = 0;

  index.serviceIds.forEach((_serviceId, service) => {
    const provider = index.serviceProvider[service] ?? -1;
    const row = cells.rowOf[service] ?? -1;
    const itemsAnswered = row >= 0 ? (cells.itemsAnswered[row] ?? 0) : 0;
    total += width;
    totalAnswered += itemsAnswered;
    disputed += row >= 0 ? (cells.disputed[row] ?? 0) : 0;
    if (provider < 0) return;
    toAnswer[provider] = (toAnswer[provider] ?? 0) + width;
    answered[provider] = (answered[provider] ?? 0) + itemsAnswered;
  });

  const evaluatorIndex = new Map(campaign.evaluatorIds.map((id, i) => [id, i]));
  const byEvaluator = new Int32Array(campaign.evaluatorIds.length);
  answers.forEach((answer, i) => {
    const evaluator =
      counted[i] === 1 ? evaluatorIndex.get(answer.evaluatorId) : undefined;
    if (evaluator !== undefined)
      byEvaluator[evaluator] = (byEvaluator[evaluator] ?? 0) + 1;
  });

  return {
    answered: totalAnswered,
    toAnswer: total,
    disputed,
    providers: index.providers.map((provider, i) => ({
      agencyId: provider.agencyId,
      answered: answered[i] ?? 0,
      toAnswer: toAnswer[i] ?? 0,
    })),
    evaluators: campaign.evaluatorIds.map((evaluatorId, i) => ({
      evaluatorId,
      answered: byEvaluator[i] ?? 0,
      toAnswer: total,
    })),
  };
}
