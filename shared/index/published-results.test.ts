import { describe, expect, it } from 'vitest';
import { presentationAgencies } from '../reference/agencies';
import { evaluationReportSchema } from '../reports/evaluation-report';
import { publishedResultSchema } from './campaign';
import { INDEX_2023_STAR_BANDS } from './default-methodology';
import {
  mlsppHistory,
  PRESENTATION_2023_SOURCE,
  published2023,
  publishedResults,
} from './published-2023';
import {
  agencyMatcher,
  importPublishedResults,
  providerTrend,
  publishedReport,
  type ImportOptions,
  type PublishedRow,
} from './published-results';
import { rankGroups, starsFor } from './ranking';

const agencyByCode = new Map(presentationAgencies.map((agency) => [agency.code, agency]));
const mlsppId = agencyByCode.get('mlspp')?.id ?? '';
const inGroup = (group: string) => published2023.filter((row) => row.group === group);

describe('the 2023 published results', () => {
  it('hold every row of the three tables: 23 central, 15 local, 9 legal entities', () => {
    expect(inGroup('centralExecutive')).toHaveLength(23);
    expect(inGroup('localExecutive')).toHaveLength(15);
    expect(inGroup('legalEntity')).toHaveLength(9);
  });

  it('keep the first and last rows of each table as printed', () => {
    const summary = (group: string) =>
      [inGroup(group).at(0), inGroup(group).at(-1)].map((row) => [
        row?.rank,
        row?.providerName,
        row?.percent,
        row?.stars,
      ]);
    expect(summary('centralExecutive')).toEqual([
      [
        1,
        'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
        92.38,
        5,
      ],
      [23, 'Azərbaycan Respublikası Mədəniyyət Nazirliyi', 3.98, 1],
    ]);
    expect(summary('localExecutive')).toEqual([
      [1, 'Bakı şəhəri Pirallahı Rayon İcra Hakimiyyəti', 46.87, 3],
      [15, 'Abşeron Rayon İcra Hakimiyyəti', 4.65, 1],
    ]);
    expect(summary('legalEntity')).toEqual([
      [1, '"Azərişiq" Açıq Səhmdar Cəmiyyəti', 98.31, 5],
      [9, 'Azərbaycan Avtomobil Yolları Dövlət Agentliyi', 13.76, 1],
    ]);
  });

  it('are valid published results with unique ids, from the March 2024 presentation', () => {
    for (const row of publishedResults) {
      expect(publishedResultSchema.parse(row)).toEqual(row);
    }
    expect(new Set(publishedResults.map((row) => row.id)).size).toBe(
      publishedResults.length,
    );
    expect(new Set(published2023.map((row) => row.source))).toEqual(
      new Set([PRESENTATION_2023_SOURCE]),
    );
  });

  it('match every provider to its agency, in the group the agency is ranked in', () => {
    for (const row of published2023) {
      const agency = presentationAgencies.find(
        (candidate) => candidate.id === row.agencyId,
      );
      expect(agency?.group, row.providerName).toBe(row.group);
    }
  });

  it.each(published2023.map((row) => [row.providerName, row] as const))(
    'give %s the stars its percentage earns in the 20-point bands',
    (_name, row) => {
      expect(starsFor(row.percent, INDEX_2023_STAR_BANDS)).toBe(row.stars);
    },
  );

  it('are ranked by rankGroups exactly as printed', () => {
    const groups = rankGroups(
      published2023.map((row) => ({ ...row, name: row.providerName })),
    );
    for (const { providers } of groups) {
      expect(providers.map((provider) => [provider.rank, provider.providerName])).toEqual(
        published2023
          .filter((row) => row.group === providers[0]?.group)
          .map((row) => [row.rank, row.providerName]),
      );
    }
  });
});

describe("the Ministry of Labour and Social Protection's published history", () => {
  it('runs 2018 to 2024, the two-year evaluations under their later year', () => {
    expect(
      providerTrend(publishedResults, mlsppId).map((row) => [row.year, row.percent]),
    ).toEqual([
      [2018, 5.15],
      [2020, 64.4],
      [2021, 79.65],
      [2022, 88.48],
      [2023, 92.38],
      [2024, 97.77],
    ]);
  });

  it('has no rank outside the 2023 table, where it ranked first', () => {
    expect(mlsppHistory.map((row) => row.rank)).toEqual([null, null, null, null, null]);
    expect(providerTrend(published2023, mlsppId).map((row) => row.rank)).toEqual([1]);
  });
});

describe('matching a printed name to an agency', () => {
  const match = agencyMatcher(presentationAgencies);

  it('ignores case by Azerbaijani rules, spacing and the kind of quotes', () => {
    expect(match('BAKI ŞƏHƏRİ  BİNƏQƏDİ RAYON İCRA HAKİMİYYƏTİ')).toBe(
      agencyByCode.get('baku-binagadi')?.id,
    );
    expect(match('“Azərsu” Açıq Səhmdar Cəmiyyəti')).toBe(agencyByCode.get('azersu')?.id);
  });

  it('gives null for a provider the registry does not have', () => {
    expect(match('Bakı Metropoliteni')).toBeNull();
  });
});

const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
};
const options = (): ImportOptions => ({
  bands: INDEX_2023_STAR_BANDS,
  agencies: presentationAgencies,
  newId: ids(),
  source: 'VXSİDA annual report 2022',
});

describe('importing a published table', () => {
  const rows: PublishedRow[] = [
    {
      year: '2022',
      group: 'centralExecutive',
      provider: 'Azərbaycan Respublikasının Ədliyyə Nazirliyi',
      percent: '61,5 %',
      stars: '****',
    },
    {
      year: 2022,
      group: 'centralExecutive',
      provider: 'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
      percent: 88.48,
      stars: '',
    },
    { year: '2022', group: 'legalEntity', provider: 'Bakı Metropoliteni', percent: '12' },
  ];

  it('reads the cells, ranks by percent within year and group, and takes missing stars from the bands', () => {
    const outcome = importPublishedResults(rows, options());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(
      outcome.results.map((result) => [
        result.providerName,
        result.percent,
        result.rank,
        result.stars,
        result.agencyId,
      ]),
    ).toEqual([
      [
        'Azərbaycan Respublikasının Ədliyyə Nazirliyi',
        61.5,
        2,
        4,
        agencyByCode.get('justice')?.id,
      ],
      [
        'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
        88.48,
        1,
        5,
        mlsppId,
      ],
      ['Bakı Metropoliteni', 12, 1, 1, null],
    ]);
    expect(
      outcome.results.every((result) => result.source === 'VXSİDA annual report 2022'),
    ).toBe(true);
  });

  it('keeps a printed rank', () => {
    const outcome = importPublishedResults([{ ...rows[2], rank: '3' }], options());
    expect(outcome.ok && outcome.results[0]?.rank).toBe(3);
  });

  it('refuses the whole table when a row is at fault, naming each row and field', () => {
    const outcome = importPublishedResults(
      [
        ...rows,
        { year: '2022', group: 'ministries', provider: 'X', percent: '101' },
        { ...rows[0], stars: '6' },
        { year: 'last year', group: 'legalEntity', provider: ' ', percent: 'n/a' },
      ],
      options(),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => error.path)).toEqual([
      'rows.3.group',
      'rows.3.percent',
      'rows.4.stars',
      'rows.4.provider',
      'rows.5.year',
      'rows.5.provider',
      'rows.5.percent',
    ]);
    expect(outcome.errors[0]?.message).toBe(
      'Row 4 (X): give one of centralExecutive, localExecutive, legalEntity',
    );
    expect(outcome.errors[3]?.message).toBe(
      'Row 5 (Azərbaycan Respublikasının Ədliyyə Nazirliyi): already given for 2022 in row 1',
    );
  });
});

describe("a published year's report", () => {
  it('ranks each group as published, is a valid report and names its source', () => {
    const report = publishedReport(publishedResults, 2023, '2024-03-01T00:00:00.000Z');
    expect(evaluationReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      year: 2023,
      campaignId: null,
      methodology: { id: null, version: 0, name: PRESENTATION_2023_SOURCE },
      dataAsOf: '2024-03-01T00:00:00.000Z',
    });
    expect(report.groups.map((group) => [group.group, group.providers.length])).toEqual([
      ['centralExecutive', 23],
      ['localExecutive', 15],
      ['legalEntity', 9],
    ]);
    expect(report.groups[2]?.providers[0]).toEqual({
      rank: 1,
      tiedWith: [],
      agencyId: agencyByCode.get('azerishiq')?.id,
      name: '"Azərişiq" Açıq Səhmdar Cəmiyyəti',
      percent: 98.31,
      stars: 5,
      serviceCount: 0,
    });
  });

  it('ranks rows published without a rank by their percentage', () => {
    const report = publishedReport(publishedResults, 2018, '2019-03-01T00:00:00.000Z');
    expect(report.groups).toEqual([
      {
        group: 'centralExecutive',
        providers: [
          expect.objectContaining({
            rank: 1,
            percent: 5.15,
            stars: 1,
            agencyId: mlsppId,
          }),
        ],
      },
    ]);
  });

  it('names the providers that share a published rank', () => {
    const tied = published2023.slice(0, 2).map((row) => ({ ...row, rank: 1 }));
    const providers = publishedReport(tied, 2023, '2024-03-01T00:00:00.000Z').groups[0]
      ?.providers;
    expect(
      providers?.map((provider) => [provider.rank, provider.tiedWith.length]),
    ).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});
