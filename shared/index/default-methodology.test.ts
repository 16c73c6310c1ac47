import { describe, expect, it } from 'vitest';
import { DEFAULT_METHODOLOGY_ID, defaultMethodology } from './default-methodology';
import { methodologySchema } from './methodology';
import { methodologyProblems } from './methodology-rules';

const criteria = defaultMethodology.parameters.flatMap((parameter) => parameter.criteria);
const subCriteria = criteria.flatMap((criterion) => criterion.subCriteria);

describe('the default methodology', () => {
  it('is a valid methodology that breaks none of the rules', () => {
    expect(methodologySchema.parse(defaultMethodology)).toEqual(defaultMethodology);
    expect(methodologyProblems(defaultMethodology)).toEqual([]);
  });

  it('is version 1 of 2023 under a fixed id, not yet frozen', () => {
    expect(defaultMethodology).toMatchObject({
      id: DEFAULT_METHODOLOGY_ID,
      year: 2023,
      version: 1,
      frozenAt: null,
    });
  });

  it('has the seven parameters of Decree 262 item 2.4, in its order', () => {
    expect(defaultMethodology.parameters.map((parameter) => parameter.name.en)).toEqual([
      'Information about the service',
      'Ways to apply',
      'How long the service takes',
      'Electronic information resources integrated with other bodies',
      'Training of the staff delivering the service',
      'Complaint and control mechanisms',
      'Mechanisms for measuring citizen satisfaction',
    ]);
  });

  it('names every parameter, criterion and sub-criterion in Azerbaijani, English and Russian', () => {
    for (const item of [...defaultMethodology.parameters, ...criteria, ...subCriteria]) {
      expect(item.name.az.trim(), item.code).not.toBe('');
      expect(item.name.en.trim(), item.code).not.toBe('');
      expect(item.name.ru, item.code).toMatch(/[а-яё]/iu);
    }
  });

  it('breaks each parameter into 2–4 criteria and each criterion into 2–4 sub-criteria', () => {
    for (const parameter of defaultMethodology.parameters) {
      expect(parameter.criteria.length, parameter.code).toBeGreaterThanOrEqual(2);
      expect(parameter.criteria.length, parameter.code).toBeLessThanOrEqual(4);
    }
    for (const criterion of criteria) {
      expect(criterion.subCriteria.length, criterion.code).toBeGreaterThanOrEqual(2);
      expect(criterion.subCriteria.length, criterion.code).toBeLessThanOrEqual(4);
    }
  });

  it('uses codes once across the whole methodology', () => {
    const codes = [...defaultMethodology.parameters, ...criteria, ...subCriteria].map(
      (item) => item.code,
    );
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses all three answer scales', () => {
    expect(new Set(subCriteria.map((subCriterion) => subCriterion.scale.kind))).toEqual(
      new Set(['yesNo', 'levels', 'percent']),
    );
  });

  it('gives stars by the 20-point bands the 2023 tables fit', () => {
    expect(defaultMethodology.bands).toEqual([
      { stars: 5, minPercent: 80 },
      { stars: 4, minPercent: 60 },
      { stars: 3, minPercent: 40 },
      { stars: 2, minPercent: 20 },
      { stars: 1, minPercent: 0 },
    ]);
  });

  it('averages services per provider and counts unanswered sub-criteria as zero', () => {
    expect(defaultMethodology.aggregation).toEqual({
      provider: 'mean',
      unanswered: 'zero',
    });
  });
});
