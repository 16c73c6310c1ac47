import { describe, expect, it } from 'vitest';
import { agencyGroups } from '../../shared/domain/agency';
import {
  azOrdinalSuffix,
  dataDate,
  formatPercent,
  rankLabel,
  reportLabels,
  starsText,
} from '../../src-main/reports/report-labels';

describe('report labels', () => {
  it('give a year the Azerbaijani ordinal suffix that harmonizes with its last word', () => {
    const years: Array<[number, string]> = [
      [2023, 'cü'],
      [2024, 'cü'],
      [2025, 'ci'],
      [2026, 'cı'],
      [2029, 'cu'],
      [2030, 'cu'],
      [2040, 'cı'],
      [2050, 'ci'],
      [2060, 'cı'],
      [2090, 'cı'],
      [2100, 'cü'],
      [2000, 'ci'],
    ];
    for (const [year, suffix] of years)
      expect(`${year}-${azOrdinalSuffix(year)}`).toBe(`${year}-${suffix}`);
    expect(reportLabels('az').title(2023)).toBe(
      'ASAN xidmət indeksi — 2023-cü ilin nəticələri',
    );
  });

  it('name every agency group in every language, with sheet names Excel accepts', () => {
    for (const language of ['az', 'en', 'ru'] as const) {
      const labels = reportLabels(language);
      for (const group of agencyGroups) {
        expect(labels.groups[group].length).toBeGreaterThan(0);
        expect(labels.groupSheets[group].length).toBeLessThanOrEqual(31);
        expect(labels.groupSheets[group]).not.toMatch(/[:\\/?*[\]]/);
      }
      expect(labels.summarySheet.length).toBeLessThanOrEqual(31);
      expect(labels.verification.length).toBeLessThanOrEqual(31);
    }
  });

  it('print percentages with two decimals in each language', () => {
    expect(formatPercent(28.6, reportLabels('az'))).toBe('28.60 %');
    expect(formatPercent(92.38, reportLabels('en'))).toBe('92.38%');
    expect(formatPercent(3.98, reportLabels('ru'))).toBe('3,98 %');
  });

  it('mark a shared rank and draw stars out of five', () => {
    expect(rankLabel({ rank: 2, tiedWith: ['Yasamal'] })).toBe('2=');
    expect(rankLabel({ rank: 4, tiedWith: [] })).toBe('4');
    expect(starsText(3)).toBe('★★★☆☆');
    expect(starsText(5)).toBe('★★★★★');
  });

  it('date the data by the calendar day in Baku', () => {
    expect(dataDate('2024-02-29T16:30:00+04:00')).toBe('2024-02-29');
    expect(dataDate('2024-02-29T21:30:00Z')).toBe('2024-03-01');
  });
});
