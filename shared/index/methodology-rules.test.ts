import { describe, expect, it } from 'vitest';
import { methodologyRequestSchema } from '../api/evaluation';
import { canChangeCampaignStatus } from './campaign-rules';
import type { AnswerScale } from './methodology';
import {
  answerValueProblem,
  findSubCriterion,
  methodologyProblems,
} from './methodology-rules';

const named = { az: 'Ad', en: 'Name', ru: 'Имя' };
const levels: AnswerScale = {
  kind: 'levels',
  levels: [
    { value: 'none', label: named, score: 0 },
    { value: 'full', label: named, score: 1 },
  ],
};

function tree(codes: [string, string, string[]][]) {
  return codes.map(([parameter, criterion, subs]) => ({
    code: parameter,
    name: named,
    weight: 1,
    criteria: [
      {
        code: criterion,
        name: named,
        weight: 1,
        subCriteria: subs.map((code) => ({
          code,
          name: named,
          weight: 1,
          scale: { kind: 'yesNo' as const },
        })),
      },
    ],
  }));
}

const bands = [
  { stars: 5, minPercent: 80 },
  { stars: 1, minPercent: 0 },
];

describe('methodology rules', () => {
  it('accept a tree whose codes are unique across all its levels', () => {
    expect(
      methodologyProblems({ parameters: tree([['p1', 'c1', ['s1', 's2']]]), bands }),
    ).toEqual([]);
  });

  it('name every code used twice anywhere in the tree, at its second use', () => {
    const problems = methodologyProblems({
      parameters: tree([
        ['p1', 'c1', ['s1', 's1']],
        ['p2', 'p1', ['c1']],
      ]),
      bands,
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'parameters.0.criteria.0.subCriteria.1.code',
      'parameters.1.criteria.0.code',
      'parameters.1.criteria.0.subCriteria.0.code',
    ]);
    expect(problems[1]?.message).toContain('parameters.0.code');
  });

  it('refuse level values listed twice, two bands for the same stars, and weights that are all zero', () => {
    const parameters = tree([['p1', 'c1', ['s1']]]);
    const sub = parameters[0]?.criteria[0]?.subCriteria[0];
    if (!sub) throw new Error('tree without a sub-criterion');
    Object.assign(sub, {
      weight: 0,
      scale: { kind: 'levels', levels: [...levels.levels, levels.levels[0]] },
    });
    const problems = methodologyProblems({
      parameters,
      bands: [...bands, { stars: 5, minPercent: 90 }],
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'parameters.0.criteria.0.subCriteria',
      'parameters.0.criteria.0.subCriteria.0.scale.levels.2.value',
      'bands.2.stars',
    ]);
  });

  it('turn the problems into 400-style field paths when a request is parsed', () => {
    const parsed = methodologyRequestSchema.safeParse({
      year: 2023,
      version: 1,
      name: named,
      parameters: tree([['p1', 'p1', ['s1']]]),
      bands,
      aggregation: { provider: 'mean', unanswered: 'zero' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'parameters.0.criteria.0.code',
    ]);
  });

  it('find a sub-criterion by its code wherever it sits', () => {
    const parameters = tree([
      ['p1', 'c1', ['s1']],
      ['p2', 'c2', ['s2', 's3']],
    ]);
    expect(findSubCriterion({ parameters }, 's3')?.code).toBe('s3');
    expect(findSubCriterion({ parameters }, 'c2')).toBeUndefined();
  });
});

describe('answer values against a scale', () => {
  it('take a value of the scale’s own kind, and not applicable on every scale', () => {
    expect(answerValueProblem({ kind: 'yesNo' }, { kind: 'yesNo', value: false })).toBe(
      null,
    );
    expect(answerValueProblem({ kind: 'percent' }, { kind: 'percent', value: 40 })).toBe(
      null,
    );
    expect(answerValueProblem(levels, { kind: 'level', value: 'full' })).toBe(null);
    for (const scale of [
      { kind: 'yesNo' as const },
      { kind: 'percent' as const },
      levels,
    ]) {
      expect(answerValueProblem(scale, { kind: 'notApplicable' })).toBe(null);
    }
  });

  it('refuse another kind at "kind" and a level the scale does not list at "value"', () => {
    expect(
      answerValueProblem({ kind: 'yesNo' }, { kind: 'percent', value: 10 })?.path,
    ).toBe('kind');
    expect(
      answerValueProblem({ kind: 'percent' }, { kind: 'yesNo', value: true })?.path,
    ).toBe('kind');
    expect(answerValueProblem(levels, { kind: 'yesNo', value: true })?.path).toBe('kind');
    expect(answerValueProblem(levels, { kind: 'level', value: 'partial' })).toEqual({
      path: 'value',
      message: 'must be one of: none, full',
    });
  });
});

describe('campaign statuses', () => {
  it('close an open campaign, reopen or publish a closed one, and never leave published', () => {
    expect(canChangeCampaignStatus('open', 'closed')).toBe(true);
    expect(canChangeCampaignStatus('closed', 'open')).toBe(true);
    expect(canChangeCampaignStatus('closed', 'published')).toBe(true);
    expect(canChangeCampaignStatus('open', 'published')).toBe(false);
    expect(canChangeCampaignStatus('published', 'open')).toBe(false);
    expect(canChangeCampaignStatus('published', 'closed')).toBe(false);
  });
});
