import type { FieldError } from '../errors';
import type { AnswerValue, Campaign } from './campaign';
import type { AnswerScale, Methodology, SubCriterion } from './methodology';

/** The sub-criterion with this code, wherever it sits in the methodology's tree. */
export function findSubCriterion(
  methodology: Pick<Methodology, 'parameters'>,
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

/**
 * Why a value does not fit a sub-criterion's scale, or null when it does.
 * The path is relative to the value ("kind" or "value"). "Not applicable"
 * fits every scale: whether a question applies to a service is the
 * evaluator's call, and scoring leaves such answers out.
 */
export function answerValueProblem(
  scale: AnswerScale,
  value: AnswerValue,
): FieldError | null {
  if (value.kind === 'notApplicable') return null;
  switch (scale.kind) {
    case 'yesNo':
      return value.kind === 'yesNo'
        ? null
        : { path: 'kind', message: 'this sub-criterion is answered yes or no' };
    case 'percent':
      return value.kind === 'percent'
        ? null
        : { path: 'kind', message: 'this sub-criterion is answered with a percentage' };
    case 'levels': {
      const allowed = scale.levels.map((level) => level.value);
      if (value.kind !== 'level') {
        return {
          path: 'kind',
          message: `this sub-criterion is answered with one of: ${allowed.join(', ')}`,
        };
      }
      return allowed.includes(value.value)
        ? null
        : { path: 'value', message: `must be one of: ${allowed.join(', ')}` };
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
  const problem =
    input.value === null ? null : answerValueProblem(sub.scale, input.value);
  return problem ? [{ path: `value.${problem.path}`, message: problem.message }] : [];
}
