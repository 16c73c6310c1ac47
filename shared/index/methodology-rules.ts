import type { FieldError } from '../errors';
import type { AnswerValue } from './campaign';
import type { AnswerScale, Methodology, SubCriterion } from './methodology';

/**
 * Rules of a methodology that its schema's shape cannot state. Answers name
 * a sub-criterion by its code alone, and reports key parameters and
 * criteria by theirs, so every code is unique across the whole tree.
 */
export function methodologyProblems(
  methodology: Pick<Methodology, 'parameters' | 'bands'>,
): FieldError[] {
  const problems: FieldError[] = [];
  const firstUse = new Map<string, string>();
  const claim = (code: string, path: string) => {
    const first = firstUse.get(code);
    if (first === undefined) firstUse.set(code, path);
    else problems.push({ path, message: `code "${code}" is already used at ${first}` });
  };
  const weighable = (weights: number[], path: string) => {
    if (weights.every((weight) => weight === 0)) {
      problems.push({ path, message: 'at least one weight must be above 0' });
    }
  };

  weighable(
    methodology.parameters.map((parameter) => parameter.weight),
    'parameters',
  );
  methodology.parameters.forEach((parameter, p) => {
    const parameterPath = `parameters.${p}`;
    claim(parameter.code, `${parameterPath}.code`);
    weighable(
      parameter.criteria.map((criterion) => criterion.weight),
      `${parameterPath}.criteria`,
    );
    parameter.criteria.forEach((criterion, c) => {
      const criterionPath = `${parameterPath}.criteria.${c}`;
      claim(criterion.code, `${criterionPath}.code`);
      weighable(
        criterion.subCriteria.map((sub) => sub.weight),
        `${criterionPath}.subCriteria`,
      );
      criterion.subCriteria.forEach((sub, s) => {
        const subPath = `${criterionPath}.subCriteria.${s}`;
        claim(sub.code, `${subPath}.code`);
        problems.push(...scaleProblems(sub.scale, `${subPath}.scale`));
      });
    });
  });

  const stars = new Set<number>();
  methodology.bands.forEach((band, b) => {
    if (stars.has(band.stars)) {
      problems.push({
        path: `bands.${b}.stars`,
        message: `${band.stars} stars already has a band`,
      });
    }
    stars.add(band.stars);
  });
  return problems;
}

function scaleProblems(scale: AnswerScale, path: string): FieldError[] {
  if (scale.kind !== 'levels') return [];
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  scale.levels.forEach((level, l) => {
    if (seen.has(level.value)) {
      problems.push({
        path: `${path}.levels.${l}.value`,
        message: `level "${level.value}" is listed twice`,
      });
    }
    seen.add(level.value);
  });
  return problems;
}

/** The sub-criterion with this code, wherever it sits in the tree. */
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
