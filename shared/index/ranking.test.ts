import { describe, expect, it } from 'vitest';
import { INDEX_2023_STAR_BANDS } from './default-methodology';
import { rankGroups, roundPercent, starsFor } from './ranking';

describe('stars and ranks', () => {
  it('give the stars of the highest band reached', () => {
    const bands = INDEX_2023_STAR_BANDS;
    expect(
      [100, 80, 79.99, 60, 40, 39.99, 20, 19.99, 0].map((p) => starsFor(p, bands)),
    ).toEqual([5, 5, 4, 4, 3, 2, 2, 1, 1]);
    expect(starsFor(5, [{ stars: 3, minPercent: 10 }])).toBe(1);
  });

  it('round half up to two decimals without binary noise', () => {
    expect(roundPercent(1.005)).toBe(1.01);
    expect(roundPercent(66.666666)).toBe(66.67);
    expect(roundPercent(62.5)).toBe(62.5);
  });

  it('rank 1, 2, 2, 4 on the percentage as published, naming who shares a rank', () => {
    const [group] = rankGroups([
      { group: 'localExecutive', percent: 70, name: 'Zaqatala' },
      { group: 'localExecutive', percent: 80.004, name: 'Füzuli' },
      { group: 'localExecutive', percent: 90, name: 'Bərdə' },
      { group: 'localExecutive', percent: 79.996, name: 'Əli Bayramlı' },
    ]);
    expect(
      group?.providers.map((provider) => [
        provider.rank,
        provider.name,
        provider.tiedWith,
      ]),
    ).toEqual([
      [1, 'Bərdə', []],
      // 80.004 and 79.996 are both 80.00 as published; ə comes before f.
      [2, 'Əli Bayramlı', ['Füzuli']],
      [2, 'Füzuli', ['Əli Bayramlı']],
      [4, 'Zaqatala', []],
    ]);
  });

  it('rank each group apart, groups in the index order', () => {
    const groups = rankGroups([
      { group: 'legalEntity', percent: 50, name: 'Azərsu' },
      { group: 'centralExecutive', percent: 10, name: 'Nazirlik' },
      { group: 'legalEntity', percent: 60, name: 'Azərişiq' },
    ]);
    expect(
      groups.map((g) => [g.group, g.providers.map((p) => [p.rank, p.name])]),
    ).toEqual([
      ['centralExecutive', [[1, 'Nazirlik']]],
      [
        'legalEntity',
        [
          [1, 'Azərişiq'],
          [2, 'Azərsu'],
        ],
      ],
    ]);
  });
});
