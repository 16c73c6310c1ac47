import type { AnswerValue } from './campaign';
import type { AnswerScale, Methodology } from './methodology';

/**
 * A methodology laid out in flat typed arrays for the computation: the
 * sub-criteria in order, each criterion's sub-criteria a contiguous range,
 * each parameter's criteria a contiguous range. Built once per methodology
 * object and cached, so recomputing a campaign costs no walk of the tree,
 * no allocation per answer and one map lookup per code. The cache relies on
 * methodologies never being mutated: every change makes a new object
 * (reviseMethodology).
 */
export interface FlatMethodology {
  readonly methodology: Methodology;
  readonly subCriterionCount: number;
  readonly subCriterionCodes: readonly string[];
  readonly subCriterionIndex: ReadonlyMap<string, number>;
  /** Each sub-criterion's weight within its criterion. */
  readonly subCriterionWeight: Float64Array;
  /** Each sub-criterion's share of the whole methodology (all shares sum to 1). */
  readonly subCriterionShare: Float64Array;
  readonly scaleKind: Uint8Array;
  /** For a levels scale, each level's position by its value. */
  readonly levelIndex: ReadonlyArray<ReadonlyMap<string, number> | null>;
  readonly levelScore: ReadonlyArray<Float64Array | null>;
  /** Criterion c holds sub-criteria criterionStart[c] up to criterionStart[c + 1]. */
  readonly criterionStart: Int32Array;
  readonly criterionWeight: Float64Array;
  /** Parameter p holds criteria parameterStart[p] up to parameterStart[p + 1]. */
  readonly parameterStart: Int32Array;
  readonly parameterWeight: Float64Array;
  readonly parameterCodes: readonly string[];
}

/** Scale kinds as small integers for the typed arrays. */
export const SCALE_YES_NO = 0;
export const SCALE_LEVELS = 1;
export const SCALE_PERCENT = 2;

/** The key an answer to a not-applicable item gets; real answers' keys are >= 0. */
export const NOT_APPLICABLE_KEY = -2;
/** What encodeAnswer returns for a value the scale cannot hold. */
export const UNFIT_KEY = -3;

const cache = new WeakMap<Methodology, FlatMethodology>();

/** The flat layout of a methodology, built on first use and cached per object. */
export function flatten(methodology: Methodology): FlatMethodology {
  const cached = cache.get(methodology);
  if (cached) return cached;
  const flat = build(methodology);
  cache.set(methodology, flat);
  return flat;
}

function build(methodology: Methodology): FlatMethodology {
  const criteria = methodology.parameters.flatMap((parameter) => parameter.criteria);
  const subCriteria = criteria.flatMap((criterion) => criterion.subCriteria);
  const count = subCriteria.length;
  const subCriterionWeight = new Float64Array(count);
  const subCriterionShare = new Float64Array(count);
  const scaleKind = new Uint8Array(count);
  const levelIndex: Array<ReadonlyMap<string, number> | null> = [];
  const levelScore: Array<Float64Array | null> = [];
  const subCriterionIndex = new Map<string, number>();
  const criterionStart = new Int32Array(criteria.length + 1);
  const criterionWeight = new Float64Array(criteria.length);
  const parameterStart = new Int32Array(methodology.parameters.length + 1);
  const parameterWeight = new Float64Array(methodology.parameters.length);
  const parameterTotal = sumWeights(methodology.parameters);

  let s = 0;
  let c = 0;
  methodology.parameters.forEach((parameter, p) => {
    parameterStart[p] = c;
    parameterWeight[p] = parameter.weight;
    const criterionTotal = sumWeights(parameter.criteria);
    for (const criterion of parameter.criteria) {
      criterionStart[c] = s;
      criterionWeight[c] = criterion.weight;
      const subTotal = sumWeights(criterion.subCriteria);
      for (const subCriterion of criterion.subCriteria) {
        subCriterionWeight[s] = subCriterion.weight;
        subCriterionShare[s] =
          share(parameter.weight, parameterTotal) *
          share(criterion.weight, criterionTotal) *
          share(subCriterion.weight, subTotal);
        scaleKind[s] = kindOf(subCriterion.scale);
        levelIndex.push(levelIndexOf(subCriterion.scale));
        levelScore.push(levelScoreOf(subCriterion.scale));
        // The rules keep codes unique; should a duplicate slip through, the
        // first one wins so answers never land on two items.
        if (!subCriterionIndex.has(subCriterion.code)) {
          subCriterionIndex.set(subCriterion.code, s);
        }
        s += 1;
      }
      c += 1;
    }
  });
  criterionStart[criteria.length] = s;
  parameterStart[methodology.parameters.length] = c;

  return {
    methodology,
    subCriterionCount: count,
    subCriterionCodes: subCriteria.map((subCriterion) => subCriterion.code),
    subCriterionIndex,
    subCriterionWeight,
    subCriterionShare,
    scaleKind,
    levelIndex,
    levelScore,
    criterionStart,
    criterionWeight,
    parameterStart,
    parameterWeight,
    parameterCodes: methodology.parameters.map((parameter) => parameter.code),
  };
}

/**
 * The key of an answer to sub-criterion `s`: the yes/no as 1/0, the
 * level's position, the percentage, NOT_APPLICABLE_KEY, or UNFIT_KEY for a
 * value of another kind or an unknown level. Two answers agree exactly when
 * their keys are equal, because one sub-criterion has one scale.
 */
export function encodeAnswer(
  flat: FlatMethodology,
  s: number,
  value: AnswerValue,
): number {
  const kind = flat.scaleKind[s];
  switch (value.kind) {
    case 'notApplicable':
      return NOT_APPLICABLE_KEY;
    case 'yesNo':
      return kind === SCALE_YES_NO ? (value.value ? 1 : 0) : UNFIT_KEY;
    case 'level':
      return kind === SCALE_LEVELS
        ? (flat.levelIndex[s]?.get(value.value) ?? UNFIT_KEY)
        : UNFIT_KEY;
    case 'percent':
      return kind === SCALE_PERCENT && value.value >= 0 && value.value <= 100
        ? value.value
        : UNFIT_KEY;
  }
}

/** The score (0 to 1) of a real answer's key for sub-criterion `s`. */
export function scoreOfKey(flat: FlatMethodology, s: number, key: number): number {
  const kind = flat.scaleKind[s];
  if (kind === SCALE_PERCENT) return key / 100;
  if (kind === SCALE_LEVELS) return flat.levelScore[s]?.[key] ?? 0;
  return key;
}

function kindOf(scale: AnswerScale): number {
  switch (scale.kind) {
    case 'yesNo':
      return SCALE_YES_NO;
    case 'levels':
      return SCALE_LEVELS;
    case 'percent':
      return SCALE_PERCENT;
  }
}

function levelIndexOf(scale: AnswerScale): ReadonlyMap<string, number> | null {
  if (scale.kind !== 'levels') return null;
  return new Map(scale.levels.map((level, index) => [level.value, index]));
}

function levelScoreOf(scale: AnswerScale): Float64Array | null {
  if (scale.kind !== 'levels') return null;
  return Float64Array.from(scale.levels.map((level) => level.score));
}

function sumWeights(items: ReadonlyArray<{ weight: number }>): number {
  return items.reduce((sum, item) => sum + item.weight, 0);
}

function share(weight: number, total: number): number {
  return total > 0 ? weight / total : 0;
}
