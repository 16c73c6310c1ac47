import type { AnswerValue, Campaign, EvaluationAnswer } from '../campaign';
import type { EffectiveValue } from '../computation';
import { INDEX_2023_STAR_BANDS } from '../default-methodology';
import type { AggregationRule, Methodology } from '../methodology';

/**
 * A methodology small enough to check every figure by hand, and builders
 * for campaigns and answers around it, shared by the index tests.
 */

/** A UUID numbered n, so fixtures read as "service 2", "agency 11". */
export const uuid = (n: number) =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const name = (en: string) => ({ az: en, en, ru: en });
export const yes: AnswerValue = { kind: 'yesNo', value: true };
export const no: AnswerValue = { kind: 'yesNo', value: false };
export const notApplicable: AnswerValue = { kind: 'notApplicable' };
export const percent = (value: number): AnswerValue => ({ kind: 'percent', value });
export const level = (value: string): AnswerValue => ({ kind: 'level', value });

/**
 * Parameter A (weight 3): criterion A1 (a1 yes/no weight 2, a2 percent
 * weight 1) and A2 (a3 levels); parameter B (weight 1): criterion B1
 * (b1, b2 yes/no). Small enough to check every figure by hand.
 */
export function methodology(aggregation: Partial<AggregationRule> = {}): Methodology {
  return {
    id: uuid(900),
    year: 2023,
    version: 1,
    name: name('Hand-checked'),
    parameters: [
      {
        code: 'pa',
        name: name('A'),
        weight: 3,
        criteria: [
          {
            code: 'ca1',
            name: name('A1'),
            weight: 1,
            subCriteria: [
              { code: 'a1', name: name('a1'), weight: 2, scale: { kind: 'yesNo' } },
              { code: 'a2', name: name('a2'), weight: 1, scale: { kind: 'percent' } },
            ],
          },
          {
            code: 'ca2',
            name: name('A2'),
            weight: 1,
            subCriteria: [
              {
                code: 'a3',
                name: name('a3'),
                weight: 1,
                scale: {
                  kind: 'levels',
                  levels: [
                    { value: 'full', label: name('Full'), score: 1 },
                    { value: 'partial', label: name('Partial'), score: 0.5 },
                    { value: 'none', label: name('None'), score: 0 },
                  ],
                },
              },
            ],
          },
        ],
      },
      {
        code: 'pb',
        name: name('B'),
        weight: 1,
        criteria: [
          {
            code: 'cb1',
            name: name('B1'),
            weight: 1,
            subCriteria: [
              { code: 'b1', name: name('b1'), weight: 1, scale: { kind: 'yesNo' } },
              { code: 'b2', name: name('b2'), weight: 1, scale: { kind: 'yesNo' } },
            ],
          },
        ],
      },
    ],
    bands: INDEX_2023_STAR_BANDS.map((band) => ({ ...band })),
    aggregation: { provider: 'mean', unanswered: 'zero', ...aggregation },
    createdAt: '2024-01-01T00:00:00.000Z',
    frozenAt: '2024-01-02T00:00:00.000Z',
  };
}

export const values = (entries: Record<string, EffectiveValue>) =>
  new Map(Object.entries(entries));

/** a1 yes, a2 50 %, a3 partial, b1 yes, b2 no: 62.5 % (worked out in the first test). */
export const example = {
  a1: yes,
  a2: percent(50),
  a3: level('partial'),
  b1: yes,
  b2: no,
};

export const evaluator1 = uuid(501);
export const evaluator2 = uuid(502);

/** A campaign of the given providers, each with its services, numbered from 100. */
export function campaign(
  providers: Array<{
    agency: number;
    group?: Campaign['providers'][number]['group'];
    services: number[];
  }>,
): Campaign {
  return {
    id: uuid(800),
    year: 2023,
    name: name('Campaign'),
    methodologyId: uuid(900),
    status: 'open',
    providers: providers.map((provider) => ({
      agencyId: uuid(provider.agency),
      group: provider.group ?? 'centralExecutive',
    })),
    services: providers.flatMap((provider) =>
      provider.services.map((service) => ({
        serviceId: uuid(service),
        agencyId: uuid(provider.agency),
      })),
    ),
    evaluatorIds: [evaluator1, evaluator2],
    createdAt: '2024-01-05T00:00:00.000Z',
    revision: 1,
  };
}

let answerNumber = 10_000;
export function answer(
  service: number,
  code: string,
  value: AnswerValue,
  evaluatorId = evaluator1,
  updatedAt = '2024-02-01T10:00:00.000Z',
): EvaluationAnswer {
  answerNumber += 1;
  return {
    id: uuid(answerNumber),
    campaignId: uuid(800),
    serviceId: uuid(service),
    subCriterionCode: code,
    evaluatorId,
    evaluatorName: evaluatorId === evaluator1 ? 'Evaluator 1' : 'Evaluator 2',
    value,
    note: '',
    evidenceRef: '',
    revision: 1,
    updatedAt,
  };
}

export function answersFor(service: number, entries: Record<string, AnswerValue>) {
  return Object.entries(entries).map(([code, value]) => answer(service, code, value));
}

export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
