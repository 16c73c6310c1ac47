import { describe, expect, it } from 'vitest';
import { invariant } from '../errors';
import { evaluationReportSchema } from '../reports/evaluation-report';
import {
  campaignReport,
  providerResults,
  scoreAnswer,
  serviceResult,
} from './computation';
import {
  answer,
  answersFor,
  campaign,
  evaluator2,
  example,
  level,
  methodology,
  no,
  notApplicable,
  percent,
  uuid,
  values,
  yes,
} from './test-support/hand-checked';

describe('scoring one answer', () => {
  it('scores yes 1 and no 0', () => {
    expect(scoreAnswer({ kind: 'yesNo' }, yes)).toBe(1);
    expect(scoreAnswer({ kind: 'yesNo' }, no)).toBe(0);
  });

  it("scores a level by the level's score and a percentage as its fraction", () => {
    const scale = methodology().parameters[0]?.criteria[1]?.subCriteria[0]?.scale;
    invariant(scale, 'a3 has a scale');
    expect(scoreAnswer(scale, level('partial'))).toBe(0.5);
    expect(scoreAnswer({ kind: 'percent' }, percent(37.5))).toBe(0.375);
  });

  it('scores not applicable as null, on any scale', () => {
    expect(scoreAnswer({ kind: 'yesNo' }, notApplicable)).toBeNull();
    expect(scoreAnswer({ kind: 'percent' }, notApplicable)).toBeNull();
  });

  it('refuses an answer of another kind or an unknown level', () => {
    expect(() => scoreAnswer({ kind: 'percent' }, yes)).toThrow(/does not fit/);
    const scale = methodology().parameters[0]?.criteria[1]?.subCriteria[0]?.scale;
    invariant(scale, 'a3 has a scale');
    expect(() => scoreAnswer(scale, level('most'))).toThrow(/does not fit/);
  });
});

describe("a service's result", () => {
  it('is the weighted mean of weighted means, weights relative within each parent', () => {
    // A1 = (2·1 + 1·0.5) / 3 = 5/6; A2 = 0.5; A = (5/6 + 1/2) / 2 = 2/3;
    // B = 1/2; service = (3 · 2/3 + 1 · 1/2) / 4 = 0.625.
    const result = serviceResult(methodology(), values(example));
    expect(result.percent).toBe(62.5);
    expect(result.perParameter).toEqual([
      { code: 'pa', percent: 66.67, earnedWeight: 50, possibleWeight: 75 },
      { code: 'pb', percent: 50, earnedWeight: 12.5, possibleWeight: 25 },
    ]);
    expect(result).toMatchObject({ answered: 5, unanswered: 0, notApplicable: 0 });
  });

  it('counts unanswered sub-criteria as 0 under "zero"', () => {
    // A1 = 2/3, A2 = 0, A = 1/3, B = 0: (3 · 1/3) / 4 = 25 %.
    const result = serviceResult(methodology(), values({ a1: yes }));
    expect(result.percent).toBe(25);
    expect(result.perParameter.map((parameter) => parameter.percent)).toEqual([33.33, 0]);
    expect(result).toMatchObject({ answered: 1, unanswered: 4, notApplicable: 0 });
  });

  it('leaves unanswered sub-criteria out under "exclude", and with them empty criteria and parameters', () => {
    // Only a1 counts: A1 = 1, A2 and B left out, so the service is 100 %.
    const result = serviceResult(
      methodology({ unanswered: 'exclude' }),
      values({ a1: yes }),
    );
    expect(result.percent).toBe(100);
    expect(result.perParameter).toEqual([
      { code: 'pa', percent: 100, earnedWeight: 100, possibleWeight: 100 },
      { code: 'pb', percent: null, earnedWeight: 0, possibleWeight: 0 },
    ]);
  });

  it('leaves not applicable out of both earned and possible', () => {
    // a2 and a3 N/A: A1 = 1 (a1 alone), A2 left out, A = 1; B = 1/2;
    // (3 + 1/2) / 4 = 87.5 %.
    const result = serviceResult(
      methodology(),
      values({ ...example, a2: notApplicable, a3: notApplicable }),
    );
    expect(result.percent).toBe(87.5);
    expect(result.perParameter[0]).toEqual({
      code: 'pa',
      percent: 100,
      earnedWeight: 75,
      possibleWeight: 75,
    });
    expect(result).toMatchObject({ answered: 3, unanswered: 0, notApplicable: 2 });
  });

  it('leaves out a parameter whose every sub-criterion is not applicable, its weight going to the others', () => {
    const result = serviceResult(
      methodology(),
      values({
        a1: notApplicable,
        a2: notApplicable,
        a3: notApplicable,
        b1: yes,
        b2: no,
      }),
    );
    expect(result.percent).toBe(50);
    expect(result.perParameter).toEqual([
      { code: 'pa', percent: null, earnedWeight: 0, possibleWeight: 0 },
      { code: 'pb', percent: 50, earnedWeight: 50, possibleWeight: 100 },
    ]);
  });

  it('has no percentage when nothing applies', () => {
    const all = { a1: notApplicable, a2: notApplicable, a3: notApplicable };
    expect(
      serviceResult(
        methodology(),
        values({ ...all, b1: notApplicable, b2: notApplicable }),
      ).percent,
    ).toBeNull();
  });

  it('counts a disputed item as unanswered', () => {
    const result = serviceResult(methodology(), values({ ...example, b1: 'disputed' }));
    // B = (0 + 0) / 2 = 0: (3 · 2/3) / 4 = 50 %.
    expect(result.percent).toBe(50);
    expect(result).toMatchObject({ answered: 4, unanswered: 1, disputed: 1 });
  });

  it('rounds only at the end', () => {
    // A1 = 2/3, A2 = 1, A = 5/6, B = 0: (3 · 5/6) / 4 = 62.5 % exactly. Rounding
    // on the way (A1 66.67 %, A 83.34 %) would publish 62.51 %.
    const result = serviceResult(
      methodology(),
      values({ a1: yes, a2: percent(0), a3: level('full'), b1: no, b2: no }),
    );
    expect(result.percent).toBe(62.5);
  });
});

describe("a provider's result", () => {
  it("is its one service's result when it has one service", () => {
    const [result] = providerResults(
      methodology(),
      campaign([{ agency: 1, services: [101] }]),
      answersFor(101, example),
    );
    expect(result).toEqual({
      agencyId: uuid(1),
      group: 'centralExecutive',
      percent: 62.5,
      stars: 4,
      serviceCount: 1,
      perParameter: [
        { code: 'pa', percent: 66.67 },
        { code: 'pb', percent: 50 },
      ],
      disputedCount: 0,
    });
  });

  it('is the mean of its services under "mean", unanswered services counting 0', () => {
    const answers = [...answersFor(101, example), ...answersFor(102, { a1: yes })];
    const [result] = providerResults(
      methodology(),
      campaign([{ agency: 1, services: [101, 102, 103] }]),
      answers,
    );
    // (62.5 + 25 + 0) / 3
    expect(result?.percent).toBe(29.17);
    expect(result?.serviceCount).toBe(3);
  });

  it('weighs each service by the share of the methodology it has answers for under "weightedByAnswers"', () => {
    // Service 102 answered only a1, whose share is 3/4 · 1/2 · 2/3 = 1/4:
    // (62.5 · 1 + 25 · 1/4) / (1 + 1/4) = 55 %; service 103 has no answers and no weight.
    const answers = [...answersFor(101, example), ...answersFor(102, { a1: yes })];
    const [result] = providerResults(
      methodology({ provider: 'weightedByAnswers' }),
      campaign([{ agency: 1, services: [101, 102, 103] }]),
      answers,
    );
    expect(result?.percent).toBe(55);
  });

  it('leaves out services with nothing counted under "exclude", and is 0 with none at all', () => {
    const results = providerResults(
      methodology({ unanswered: 'exclude' }),
      campaign([
        { agency: 1, services: [101, 102] },
        { agency: 2, services: [103] },
      ]),
      answersFor(101, example),
    );
    expect(results.map((result) => [result.percent, result.stars])).toEqual([
      [62.5, 4],
      [0, 1],
    ]);
  });

  it('averages each parameter over the services it applies to', () => {
    const answers = [
      ...answersFor(101, example),
      ...answersFor(102, {
        a1: notApplicable,
        a2: notApplicable,
        a3: notApplicable,
        b1: yes,
        b2: yes,
      }),
    ];
    const [result] = providerResults(
      methodology(),
      campaign([{ agency: 1, services: [101, 102] }]),
      answers,
    );
    expect(result?.perParameter).toEqual([
      { code: 'pa', percent: 66.67 },
      { code: 'pb', percent: 75 },
    ]);
    expect(result?.percent).toBe(81.25);
  });

  it('ignores answers of another campaign, to services outside the campaign or to unknown codes', () => {
    const stray = [
      { ...answer(101, 'b2', yes), campaignId: uuid(801) },
      answer(999, 'b2', yes),
      answer(101, 'no-such-code', yes),
    ];
    const [result] = providerResults(
      methodology(),
      campaign([{ agency: 1, services: [101] }]),
      [...answersFor(101, example), ...stray],
    );
    expect(result?.percent).toBe(62.5);
  });

  it('refuses an answer that does not fit its scale, naming it', () => {
    expect(() =>
      providerResults(methodology(), campaign([{ agency: 1, services: [101] }]), [
        answer(101, 'a2', yes),
      ]),
    ).toThrow(/does not fit/);
  });
});

describe("a campaign's report", () => {
  const twoGroups = campaign([
    { agency: 1, services: [101] },
    { agency: 2, services: [102] },
    { agency: 3, services: [103] },
    { agency: 4, group: 'legalEntity', services: [104] },
  ]);
  const names = new Map([
    [uuid(1), 'Fövqəladə Hallar Nazirliyi'],
    [uuid(2), 'Ədliyyə Nazirliyi'],
    [uuid(4), '"Azərsu" ASC'],
  ]);
  const answers = [
    ...answersFor(101, example),
    ...answersFor(102, example),
    ...answersFor(103, { ...example, b2: yes }),
    answer(104, 'a1', yes, evaluator2, '2024-02-20T08:30:00.000Z'),
  ];

  it('ranks providers per group with ties named, and is a valid report', () => {
    const report = campaignReport(methodology(), twoGroups, answers, names);
    expect(evaluationReportSchema.parse(report)).toEqual(report);
    expect(report.groups.map((group) => group.group)).toEqual([
      'centralExecutive',
      'legalEntity',
    ]);
    expect(
      report.groups[0]?.providers.map((p) => [
        p.rank,
        p.name,
        p.percent,
        p.stars,
        p.tiedWith,
      ]),
    ).toEqual([
      [1, uuid(3), 75, 4, []],
      [2, 'Ədliyyə Nazirliyi', 62.5, 4, ['Fövqəladə Hallar Nazirliyi']],
      [2, 'Fövqəladə Hallar Nazirliyi', 62.5, 4, ['Ədliyyə Nazirliyi']],
    ]);
    expect(report.groups[1]?.providers).toEqual([
      {
        rank: 1,
        tiedWith: [],
        agencyId: uuid(4),
        name: '"Azərsu" ASC',
        percent: 25,
        stars: 2,
        serviceCount: 1,
      },
    ]);
  });

  it('names the campaign, the methodology version and when its data last changed', () => {
    const report = campaignReport(methodology(), twoGroups, answers, names);
    expect(report).toMatchObject({
      year: 2023,
      campaignId: uuid(800),
      methodology: { id: uuid(900), version: 1, name: 'Hand-checked' },
      dataAsOf: '2024-02-20T08:30:00.000Z',
    });
  });

  it('reads answer times written with an offset', () => {
    const late = answer(101, 'b2', no, evaluator2, '2024-02-20T14:00:00+04:00');
    const report = campaignReport(methodology(), twoGroups, [...answers, late], names);
    expect(report.dataAsOf).toBe('2024-02-20T10:00:00.000Z');
  });

  it('refuses a methodology the campaign is not scored by', () => {
    expect(() =>
      campaignReport({ ...methodology(), id: uuid(901) }, twoGroups, answers, names),
    ).toThrow(/scored by methodology/);
  });
});
