import { DomainError, fieldErrorsFromZod, type FieldError } from '../errors';
import { methodologySchema, type Methodology } from './methodology';

/**
 * Rules a methodology must keep beyond its schema, and how it changes:
 * a version that has scored a campaign is frozen, because a report must be
 * recomputable from the methodology it names, so a change to a frozen
 * version makes the next version instead.
 */

/** What an administrator may change; id, year, version and dates follow the rules. */
export type MethodologyChanges = Partial<
  Pick<Methodology, 'name' | 'parameters' | 'bands' | 'aggregation'>
>;

/** Every rule the methodology breaks, as field errors with dotted paths. */
export function methodologyProblems(
  methodology: Pick<Methodology, 'parameters' | 'bands'>,
): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const criterionCodes = new Map<string, string>();
  const subCriterionCodes = new Map<string, string>();

  addDuplicates(
    methodology.parameters.map((parameter, index) => [
      parameter.code,
      `parameters.${index}.code`,
    ]),
    new Map(),
    'parameter',
    add,
  );
  addZeroWeights(methodology.parameters, 'parameters', 'The parameters', add);
  methodology.parameters.forEach((parameter, p) => {
    const parameterPath = `parameters.${p}`;
    // Criteria and sub-criteria codes are unique across the whole
    // methodology, not only within their parent: answers name a
    // sub-criterion by its code alone.
    addDuplicates(
      parameter.criteria.map((criterion, c) => [
        criterion.code,
        `${parameterPath}.criteria.${c}.code`,
      ]),
      criterionCodes,
      'criterion',
      add,
    );
    addZeroWeights(
      parameter.criteria,
      `${parameterPath}.criteria`,
      `The criteria of parameter "${parameter.code}"`,
      add,
    );
    parameter.criteria.forEach((criterion, c) => {
      const criterionPath = `${parameterPath}.criteria.${c}`;
      addDuplicates(
        criterion.subCriteria.map((subCriterion, s) => [
          subCriterion.code,
          `${criterionPath}.subCriteria.${s}.code`,
        ]),
        subCriterionCodes,
        'sub-criterion',
        add,
      );
      addZeroWeights(
        criterion.subCriteria,
        `${criterionPath}.subCriteria`,
        `The sub-criteria of criterion "${criterion.code}"`,
        add,
      );
      criterion.subCriteria.forEach((subCriterion, s) => {
        if (subCriterion.scale.kind !== 'levels') return;
        addDuplicates(
          subCriterion.scale.levels.map((level, l) => [
            level.value,
            `${criterionPath}.subCriteria.${s}.scale.levels.${l}.value`,
          ]),
          new Map(),
          'level',
          add,
        );
      });
    });
  });
  addBandProblems(methodology, add);
  return problems;
}

/** Parses and checks a methodology; throws VALIDATION_FAILED naming every fault. */
export function checkMethodology(value: unknown): Methodology {
  const parsed = methodologySchema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Invalid methodology',
      fieldErrorsFromZod(parsed.error),
    );
  }
  const problems = methodologyProblems(parsed.data);
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid methodology', problems);
  }
  return parsed.data;
}

/** Whether the version has scored a campaign and so may no longer change. */
export function isFrozen(methodology: Methodology): boolean {
  return methodology.frozenAt !== null;
}

/** The version frozen at `now`; an already frozen one keeps its first freeze time. */
export function freeze(methodology: Methodology, now: string): Methodology {
  if (isFrozen(methodology)) return methodology;
  return { ...methodology, frozenAt: now };
}

/**
 * The methodology with `changes` applied, checked. An unfrozen version is
 * edited in place (same id and version); a frozen one is left as it is and
 * the changes make the next version, with `newId`, created `now` and not
 * frozen. Two revisions of the same frozen version would both be numbered
 * version + 1: the store's unique (year, version) refuses the second, so
 * revise the latest version. Throws VALIDATION_FAILED when the result
 * breaks a rule.
 */
export function reviseMethodology(
  methodology: Methodology,
  changes: MethodologyChanges,
  now: string,
  newId: string,
): Methodology {
  const edited = { ...methodology, ...definedChanges(changes) };
  const revised = isFrozen(methodology)
    ? {
        ...edited,
        id: newId,
        version: methodology.version + 1,
        createdAt: now,
        frozenAt: null,
      }
    : edited;
  return checkMethodology(revised);
}

/** Drops keys set to undefined, so `{ bands: undefined }` keeps the bands. */
function definedChanges(changes: MethodologyChanges): MethodologyChanges {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  );
}

type Add = (path: string, message: string) => void;

/** Reports each code seen before, at `seen` or earlier in `entries`. */
function addDuplicates(
  entries: Array<[code: string, path: string]>,
  seen: Map<string, string>,
  what: string,
  add: Add,
): void {
  for (const [code, path] of entries) {
    const first = seen.get(code);
    if (first === undefined) seen.set(code, path);
    else add(path, `The ${what} code "${code}" is already used at ${first}`);
  }
}

/** A level whose weights sum to 0 has no result; reported at its first weight. */
function addZeroWeights(
  items: ReadonlyArray<{ weight: number }>,
  path: string,
  what: string,
  add: Add,
): void {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  if (items.length > 0 && total <= 0) {
    add(
      `${path}.0.weight`,
      `${what} have weights summing to 0; give one a weight above 0`,
    );
  }
}

function addBandProblems(methodology: Pick<Methodology, 'bands'>, add: Add): void {
  const bands = methodology.bands;
  const firstWithStars = new Map<number, number>();
  const firstWithMinimum = new Map<number, number>();
  bands.forEach((band, index) => {
    const sameStars = firstWithStars.get(band.stars);
    if (sameStars === undefined) firstWithStars.set(band.stars, index);
    else
      add(
        `bands.${index}.stars`,
        `Band ${sameStars + 1} already gives ${band.stars} stars`,
      );
    const sameMinimum = firstWithMinimum.get(band.minPercent);
    if (sameMinimum === undefined) firstWithMinimum.set(band.minPercent, index);
    else {
      add(
        `bands.${index}.minPercent`,
        `Band ${sameMinimum + 1} already starts at ${band.minPercent} %`,
      );
    }
  });
  if (!bands.some((band) => band.minPercent === 0)) {
    add('bands', 'One band must start at 0 % so that every result gets stars');
  }
  // More stars must need a higher percentage, or a better result could
  // get fewer stars than a worse one. Equal stars are reported above.
  const ordered = bands
    .map((band, index) => ({ band, index }))
    .sort((a, b) => a.band.minPercent - b.band.minPercent);
  ordered.forEach(({ band, index }, position) => {
    const lower = ordered[position - 1];
    if (lower !== undefined && lower.band.stars > band.stars) {
      add(
        `bands.${index}.stars`,
        `A band starting at ${band.minPercent} % must give more stars than the one at ${lower.band.minPercent} %`,
      );
    }
  });
}
