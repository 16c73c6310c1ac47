import { describe, expect, it } from 'vitest';
import type { AnswerValue, EvaluationAnswer } from './campaign';
import {
  effectiveAnswers,
  progress,
  providerResults,
  serviceResult,
  type EffectiveValue,
} from './computation';
import {
  answer,
  answersFor,
  campaign,
  evaluator1,
  evaluator2,
  example,
  level,
  methodology,
  no,
  notApplicable,
  percent,
  seeded,
  uuid,
  yes,
} from './test-support/hand-checked';

describe("evaluators' answers put together", () => {
  it('give the value evaluators agree on, and "disputed" where they disagree, listing every answer', () => {
    const agreed = [answer(101, 'b1', yes), answer(101, 'b1', yes, evaluator2)];
    const split = [answer(101, 'b2', yes), answer(101, 'b2', no, evaluator2)];
    const result = effectiveAnswers([
      ...agreed,
      ...split,
      answer(102, 'a1', notApplicable),
    ]);
    expect(result.byService.get(uuid(101))).toEqual(
      new Map<string, EffectiveValue>([
        ['b1', yes],
        ['b2', 'disputed'],
      ]),
    );
    expect(result.byService.get(uuid(102))).toEqual(new Map([['a1', notApplicable]]));
    expect(result.disputes).toEqual([
      { serviceId: uuid(101), subCriterionCode: 'b2', answers: split },
    ]);
  });

  it('dispute an item one evaluator found not applicable and another answered', () => {
    const result = effectiveAnswers([
      answer(101, 'a2', notApplicable),
      answer(101, 'a2', percent(40), evaluator2),
    ]);
    expect(result.byService.get(uuid(101))?.get('a2')).toBe('disputed');
  });

  it('leave a disputed item out as unanswered in results and count it per provider', () => {
    const answers = [
      ...answersFor(101, { ...example, b2: yes }),
      answer(101, 'b2', no, evaluator2),
      answer(101, 'b1', yes, evaluator2),
    ];
    const [result] = providerResults(
      methodology(),
      campaign([{ agency: 1, services: [101] }]),
      answers,
    );
    // b2 disputed counts 0 like the example's "no": 62.5 %.
    expect(result?.percent).toBe(62.5);
    expect(result?.disputedCount).toBe(1);
  });

  it('give the same provider results through effectiveAnswers and serviceResult as the fast path', () => {
    const random = seeded(7);
    const codes = ['a1', 'a2', 'a3', 'b1', 'b2'];
    const pick = (code: string): AnswerValue => {
      if (random() < 0.1) return notApplicable;
      if (code === 'a2') return percent(Math.round(random() * 100));
      if (code === 'a3')
        return level(['full', 'partial', 'none'][Math.floor(random() * 3)] ?? 'none');
      return random() < 0.5 ? yes : no;
    };
    const providers = Array.from({ length: 6 }, (_, p) => ({
      agency: p + 1,
      services: Array.from({ length: 1 + (p % 3) }, (_, s) => 100 + p * 10 + s),
    }));
    const answers: EvaluationAnswer[] = [];
    for (const { services } of providers) {
      for (const service of services) {
        for (const code of codes) {
          if (random() < 0.2) continue;
          const value = pick(code);
          answers.push(answer(service, code, value));
          if (random() < 0.3) {
            answers.push(
              answer(service, code, random() < 0.5 ? value : pick(code), evaluator2),
            );
          }
        }
      }
    }
    for (const rule of [
      { provider: 'mean', unanswered: 'zero' },
      { provider: 'mean', unanswered: 'exclude' },
    ] as const) {
      const m = methodology(rule);
      const fast = providerResults(m, campaign(providers), answers);
      const { byService } = effectiveAnswers(answers);
      providers.forEach(({ services }, p) => {
        const percents = services
          .map(
            (service) =>
              serviceResult(m, byService.get(uuid(service)) ?? new Map()).percent,
          )
          .filter((value): value is number => value !== null);
        const mean = percents.length
          ? percents.reduce((a, b) => a + b, 0) / percents.length
          : 0;
        // The reference averages rounded service figures: within 0.01.
        expect(Math.abs((fast[p]?.percent ?? NaN) - mean)).toBeLessThanOrEqual(0.01);
      });
    }
  });
});

describe("a campaign's progress", () => {
  it('counts items answered out of items to answer, per campaign, provider and evaluator', () => {
    const twoProviders = campaign([
      { agency: 1, services: [101, 102] },
      { agency: 2, services: [103] },
    ]);
    const answers = [
      ...answersFor(101, example),
      answer(101, 'a1', yes, evaluator2),
      answer(101, 'b2', yes, evaluator2),
      answer(103, 'a3', notApplicable, evaluator2),
    ];
    expect(progress(twoProviders, methodology(), answers)).toEqual({
      answered: 6,
      toAnswer: 15,
      disputed: 1,
      providers: [
        { agencyId: uuid(1), answered: 5, toAnswer: 10 },
        { agencyId: uuid(2), answered: 1, toAnswer: 5 },
      ],
      evaluators: [
        { evaluatorId: evaluator1, answered: 5, toAnswer: 15 },
        { evaluatorId: evaluator2, answered: 3, toAnswer: 15 },
      ],
    });
  });
});
