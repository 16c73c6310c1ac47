import type { FieldError } from '../errors';
import type { AnswerValue, Campaign } from './campaign';
import type { Methodology, SubCriterion } from './methodology';

/** The sub-criterion with this code, wherever it sits in the methodology's tree. */
export function findSubCriterion(
  methodology: Methodology,
  code: string,
): SubCriterion | undefined {
  for (const parameter of methodology.parameters) {
    for (const criterion of parameter.criteria) {
      const found = criterion.subCriteria.find((sub) => sub.code === code);
      if (found) return found;
    }
  }
  return undefined;
}

/** Why `value` does not fit the sub-criterion's scale, or null when it does. */
export function scaleProblem(sub: SubCriterion, value: AnswerValue): string | null {
  if (value.kind === 'notApplicable') return null;
  switch (sub.scale.kind) {
    case 'yesNo':
      return value.kind === 'yesNo' ? null : 'This sub-criterion is answered yes or no';
    case 'percent':
      return value.kind === 'percent'
        ? null
        : 'This sub-criterion is answered as a percentage';
    case 'levels': {
      if (value.kind !== 'level')
        return 'This sub-criterion is answered with one of its levels';
      const known = sub.scale.levels.some((level) => level.value === value.value);
      return known ? null : `Unknown level "${value.value}"`;
    }
  }
}

/** What an answer is about and what it says, as the desktop and the server both check it. */
export interface AnswerInput {
  serviceId: string;
  subCriterionCode: string;
  value: AnswerValue | null;
}

/**
 * Why `evaluatorId` may not give this answer in this campaign: not
 * assigned, campaign not open, service not assessed in it, unknown
 * sub-criterion, or a value off its scale. Empty when the answer may be
 * given. The same rules run on the desktop and the server, so an answer the
 * desktop accepted offline is refused by the server only when the campaign
 * changed meanwhile.
 */
export function answerProblems(
  methodology: Methodology,
  campaign: Campaign,
  evaluatorId: string,
  input: AnswerInput,
): FieldError[] {
  if (!campaign.evaluatorIds.includes(evaluatorId)) {
    return [{ path: 'campaignId', message: 'You are not an evaluator of this campaign' }];
  }
  if (campaign.status !== 'open') {
    return [{ path: 'campaignId', message: `The campaign is ${campaign.status}` }];
  }
  if (!campaign.services.some((service) => service.serviceId === input.serviceId)) {
    return [
      { path: 'serviceId', message: 'The service is not assessed in this campaign' },
    ];
  }
  const sub = findSubCriterion(methodology, input.subCriterionCode);
  if (!sub) {
    return [
      { path: 'subCriterionCode', message: 'No such sub-criterion in the methodology' },
    ];
  }
  const problem = input.value === null ? null : scaleProblem(sub, input.value);
  return problem ? [{ path: 'value', message: problem }] : [];
}
