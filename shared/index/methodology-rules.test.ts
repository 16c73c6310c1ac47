import { describe, expect, it } from 'vitest';
import { DomainError, invariant } from '../errors';
import type { Methodology } from './methodology';
import {
  checkMethodology,
  freeze,
  isFrozen,
  methodologyProblems,
  reviseMethodology,
} from './methodology-rules';

const name = (en: string) => ({ az: en, en, ru: en });
const now = '2024-02-01T09:00:00.000Z';
const later = '2024-03-01T09:00:00.000Z';
const newId = '9b2f4c1e-7d3a-4e5b-8c6d-1a2b3c4d5e6f';

/** Two parameters, three criteria, five sub-criteria, every rule kept. */
function methodology(): Methodology {
  return {
    id: '3f0e9a1b-2c4d-4e6f-8a0b-1c2d3e4f5a6b',
    year: 2023,
    version: 1,
    name: name('Test methodology'),
    parameters: [
      {
        code: 'information',
        name: name('Information'),
        weight: 2,
        criteria: [
          {
            code: 'documents',
            name: name('Documents'),
            weight: 1,
            subCriteria: [
              {
                code: 'listed',
                name: name('Listed'),
                weight: 1,
                scale: { kind: 'yesNo' },
              },
              {
                code: 'forms',
                name: name('Forms'),
                weight: 1,
                scale: { kind: 'percent' },
              },
            ],
          },
          {
            code: 'fee',
            name: name('Fee'),
            weight: 1,
            subCriteria: [
              {
                code: 'fee-stated',
                name: name('Fee stated'),
                weight: 1,
                scale: {
                  kind: 'levels',
                  levels: [
                    { value: 'full', label: name('Full'), score: 1 },
                    { value: 'none', label: name('None'), score: 0 },
                  ],
                },
              },
            ],
          },
        ],
      },
      {
        code: 'duration',
        name: name('Duration'),
        weight: 1,
        criteria: [
          {
            code: 'kept',
            name: name('Kept'),
            weight: 1,
            subCriteria: [
              {
                code: 'on-time',
                name: name('On time'),
                weight: 3,
                scale: { kind: 'percent' },
              },
              {
                code: 'shorter',
                name: name('Shorter'),
                weight: 1,
                scale: { kind: 'yesNo' },
              },
            ],
          },
        ],
      },
    ],
    bands: [
      { stars: 5, minPercent: 80 },
      { stars: 3, minPercent: 40 },
      { stars: 1, minPercent: 0 },
    ],
    aggregation: { provider: 'mean', unanswered: 'zero' },
    createdAt: '2024-01-01T00:00:00.000Z',
    frozenAt: null,
  };
}

function problemsAfter(change: (m: Methodology) => void) {
  const changed = methodology();
  change(changed);
  return methodologyProblems(changed);
}

describe('methodology rules', () => {
  it('find nothing wrong with a methodology that keeps them', () => {
    expect(methodologyProblems(methodology())).toEqual([]);
  });

  it('refuse a parameter code used twice, at the second use', () => {
    const problems = problemsAfter((m) => {
      at(m.parameters, 1).code = 'information';
    });
    expect(problems).toEqual([
      {
        path: 'parameters.1.code',
        message: 'The parameter code "information" is already used at parameters.0.code',
      },
    ]);
  });

  it('refuse a sub-criterion code used twice even under different parameters, since answers name it alone', () => {
    const problems = problemsAfter((m) => {
      subCriterion(m, 1, 0, 1).code = 'listed';
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'parameters.1.criteria.0.subCriteria.1.code',
    ]);
  });

  it('refuse a criterion code used twice across parameters', () => {
    const problems = problemsAfter((m) => {
      at(at(m.parameters, 1).criteria, 0).code = 'fee';
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'parameters.1.criteria.0.code',
    ]);
  });

  it('refuse a level value used twice on one scale', () => {
    const problems = problemsAfter((m) => {
      const scale = subCriterion(m, 0, 1, 0).scale;
      if (scale.kind === 'levels') at(scale.levels, 1).value = 'full';
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'parameters.0.criteria.1.subCriteria.0.scale.levels.1.value',
    ]);
  });

  it('refuse weights summing to 0 at any level, naming the first weight of that level', () => {
    const problems = problemsAfter((m) => {
      for (const criterion of at(m.parameters, 1).criteria) criterion.weight = 0;
      for (const item of at(at(m.parameters, 0).criteria, 0).subCriteria) {
        item.weight = 0;
      }
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'parameters.0.criteria.0.subCriteria.0.weight',
      'parameters.1.criteria.0.weight',
    ]);
  });

  it('accept a zero weight beside a positive one', () => {
    expect(
      problemsAfter((m) => {
        at(m.parameters, 1).weight = 0;
      }),
    ).toEqual([]);
  });

  it('refuse two bands with the same stars or the same minimum', () => {
    const problems = problemsAfter((m) => {
      m.bands = [
        { stars: 5, minPercent: 80 },
        { stars: 5, minPercent: 60 },
        { stars: 3, minPercent: 60 },
        { stars: 1, minPercent: 0 },
      ];
    });
    expect(problems.map((problem) => problem.path)).toContain('bands.1.stars');
    expect(problems.map((problem) => problem.path)).toContain('bands.2.minPercent');
  });

  it('refuse bands without one starting at 0 %', () => {
    const problems = problemsAfter((m) => {
      m.bands = [
        { stars: 5, minPercent: 80 },
        { stars: 1, minPercent: 10 },
      ];
    });
    expect(problems).toEqual([
      {
        path: 'bands',
        message: 'One band must start at 0 % so that every result gets stars',
      },
    ]);
  });

  it('refuse a band that gives fewer stars for a higher percentage', () => {
    const problems = problemsAfter((m) => {
      m.bands = [
        { stars: 3, minPercent: 80 },
        { stars: 5, minPercent: 40 },
        { stars: 1, minPercent: 0 },
      ];
    });
    expect(problems.map((problem) => problem.path)).toEqual(['bands.0.stars']);
  });
});

describe('checking a methodology', () => {
  it('returns the parsed methodology when schema and rules hold', () => {
    expect(checkMethodology(methodology())).toEqual(methodology());
  });

  it('throws VALIDATION_FAILED with the schema faults and the rule faults as fields', () => {
    const broken = { ...methodology(), year: 1999 };
    const error = catchError(() => checkMethodology(broken));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((field) => field.path)).toEqual(['year']);

    const ruleBroken = methodology();
    ruleBroken.bands = [{ stars: 5, minPercent: 80 }];
    expect(catchError(() => checkMethodology(ruleBroken)).fields).toEqual([
      {
        path: 'bands',
        message: 'One band must start at 0 % so that every result gets stars',
      },
    ]);
  });
});

describe('freezing and revising a methodology', () => {
  it('is unfrozen until frozen, and freezing twice keeps the first time', () => {
    const m = methodology();
    expect(isFrozen(m)).toBe(false);
    const frozen = freeze(m, now);
    expect(isFrozen(frozen)).toBe(true);
    expect(frozen.frozenAt).toBe(now);
    expect(freeze(frozen, later).frozenAt).toBe(now);
    expect(m.frozenAt).toBeNull();
  });

  it('edits an unfrozen version in place: same id, version and creation time', () => {
    const m = methodology();
    const revised = reviseMethodology(
      m,
      { aggregation: { provider: 'mean', unanswered: 'exclude' } },
      now,
      newId,
    );
    expect(revised).toEqual({
      ...m,
      aggregation: { provider: 'mean', unanswered: 'exclude' },
    });
  });

  it('makes the next version when the edited one is frozen, leaving the frozen one as it was', () => {
    const frozen = freeze(methodology(), now);
    const bands = [
      { stars: 5, minPercent: 90 },
      { stars: 1, minPercent: 0 },
    ];
    const revised = reviseMethodology(frozen, { bands }, later, newId);
    expect(revised).toEqual({
      ...frozen,
      id: newId,
      version: 2,
      bands,
      createdAt: later,
      frozenAt: null,
    });
    expect(frozen.version).toBe(1);
    expect(frozen.bands).toHaveLength(3);
    expect(isFrozen(frozen)).toBe(true);
  });

  it('keeps a field whose change is given as undefined', () => {
    const m = methodology();
    expect(reviseMethodology(m, { bands: undefined }, now, newId).bands).toEqual(m.bands);
  });

  it('refuses a revision that breaks a rule, with the field at fault', () => {
    const error = catchError(() =>
      reviseMethodology(
        methodology(),
        { bands: [{ stars: 5, minPercent: 80 }] },
        now,
        newId,
      ),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((field) => field.path)).toEqual(['bands']);
  });
});

function catchError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  invariant(item !== undefined, `no item at ${index}`);
  return item;
}

function subCriterion(m: Methodology, p: number, c: number, s: number) {
  return at(at(at(m.parameters, p).criteria, c).subCriteria, s);
}
