import { describe, expect, it } from 'vitest';
import type { Campaign } from './campaign';
import type { Methodology } from './methodology';
import { answerProblems, findSubCriterion } from './answer-rules';

const name = { az: 'Ad', en: 'Name', ru: 'Имя' };
const methodology: Methodology = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  year: 2023,
  version: 1,
  name,
  parameters: [
    {
      code: 'information',
      name,
      weight: 1,
      criteria: [
        {
          code: 'documents',
          name,
          weight: 1,
          subCriteria: [
            { code: 'docs-listed', name, weight: 1, scale: { kind: 'yesNo' } },
            { code: 'answer-speed', name, weight: 1, scale: { kind: 'percent' } },
            {
              code: 'fee-clarity',
              name,
              weight: 1,
              scale: {
                kind: 'levels',
                levels: [
                  { value: 'none', label: name, score: 0 },
                  { value: 'full', label: name, score: 1 },
                ],
              },
            },
          ],
        },
      ],
    },
  ],
  bands: [{ stars: 1, minPercent: 0 }],
  aggregation: { provider: 'mean', unanswered: 'zero' },
  createdAt: '2023-01-10T09:00:00.000Z',
  frozenAt: null,
};
const evaluator = 'a1b2c3d4-0000-4000-8000-0000000000e1';
const serviceId = 'a1b2c3d4-0000-4000-8000-0000000000s1'.replace('s', '5');
const campaign: Campaign = {
  id: 'a1b2c3d4-0000-4000-8000-0000000000c1',
  year: 2023,
  name,
  methodologyId: methodology.id,
  status: 'open',
  providers: [],
  services: [{ serviceId, agencyId: 'a1b2c3d4-0000-4000-8000-0000000000a1' }],
  evaluatorIds: [evaluator],
  createdAt: '2023-01-10T09:00:00.000Z',
  revision: 1,
};
const answer = (code: string, value: Parameters<typeof answerProblems>[3]['value']) => ({
  serviceId,
  subCriterionCode: code,
  value,
});
const paths = (...args: Parameters<typeof answerProblems>) =>
  answerProblems(...args).map((problem) => problem.path);

describe('answer rules', () => {
  it('finds a sub-criterion anywhere in the tree', () => {
    expect(findSubCriterion(methodology, 'fee-clarity')?.scale.kind).toBe('levels');
    expect(findSubCriterion(methodology, 'missing')).toBeUndefined();
  });

  it('accepts an answer on each scale, not applicable, and a withdrawal', () => {
    for (const input of [
      answer('docs-listed', { kind: 'yesNo', value: true }),
      answer('answer-speed', { kind: 'percent', value: 55 }),
      answer('fee-clarity', { kind: 'level', value: 'full' }),
      answer('fee-clarity', { kind: 'notApplicable' }),
      answer('docs-listed', null),
    ]) {
      expect(answerProblems(methodology, campaign, evaluator, input)).toEqual([]);
    }
  });

  it('refuses a value off the sub-criterion’s scale, naming the value', () => {
    expect(
      paths(
        methodology,
        campaign,
        evaluator,
        answer('docs-listed', { kind: 'percent', value: 5 }),
      ),
    ).toEqual(['value.kind']);
    expect(
      paths(
        methodology,
        campaign,
        evaluator,
        answer('fee-clarity', { kind: 'level', value: 'half' }),
      ),
    ).toEqual(['value.value']);
  });

  it('refuses an evaluator not assigned, a closed campaign, a service not assessed and an unknown code', () => {
    const ok = answer('docs-listed', { kind: 'yesNo', value: false });
    expect(paths(methodology, campaign, serviceId, ok)).toEqual(['campaignId']);
    expect(paths(methodology, { ...campaign, status: 'closed' }, evaluator, ok)).toEqual([
      'campaignId',
    ]);
    expect(
      paths(methodology, campaign, evaluator, { ...ok, serviceId: evaluator }),
    ).toEqual(['serviceId']);
    expect(
      paths(methodology, campaign, evaluator, { ...ok, subCriterionCode: 'x-y' }),
    ).toEqual(['subCriterionCode']);
  });
});
