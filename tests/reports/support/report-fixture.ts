import type { AgencyGroup } from '../../../shared/domain/agency';
import { presentationAgencies } from '../../../shared/reference/agencies';
import type {
  EvaluationReport,
  ReportGroup,
  ReportProvider,
} from '../../../shared/reports/evaluation-report';

/**
 * Evaluation reports for the report tests and the bench, from the 2023
 * tables of VXSİDA's March 2024 presentation (names, percentages and stars
 * as published). The presentation gives services only per group (208, 170
 * and 60), so each provider's service count here is a made-up share that
 * adds up to its group's total.
 */

type Row = readonly [name: string, percent: number, stars: number];

const central2023: readonly Row[] = [
  ['Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi', 92.38, 5],
  ['Azərbaycan Respublikası Dövlət Miqrasiya Xidməti', 87.63, 5],
  ['Azərbaycan Respublikasının Ədliyyə Nazirliyi', 70.83, 4],
  ['Azərbaycan Respublikasının Energetika Nazirliyi', 67.81, 4],
  ['Azərbaycan Respublikasının İqtisadiyyat Nazirliyi', 64.64, 4],
  ['Azərbaycan Respublikasının Ekologiya və Təbii Sərvətlər Nazirliyi', 64.06, 4],
  ['Azərbaycan Respublikası Elm və Təhsil Nazirliyi', 48.84, 3],
  ['Azərbaycan Respublikasının Dövlət Gömrük Komitəsi', 42.93, 3],
  ['Azərbaycan Respublikasının Kənd Təsərrüfatı Nazirliyi', 40.14, 3],
  ['Azərbaycan Respublikasının Səhiyyə Nazirliyi', 32.61, 2],
  [
    'Azərbaycan Respublikasının Səfərbərlik və Hərbi Xidmətə Çağırış üzrə Dövlət Xidməti',
    32.44,
    2,
  ],
  ['Azərbaycan Respublikasının Dövlət Şəhərsalma və Arxitektura Komitəsi', 31.03, 2],
  ['Azərbaycan Respublikasının Xarici İşlər Nazirliyi', 28.6, 2],
  ['Azərbaycan Respublikası Milli Arxiv İdarəsi', 26.29, 2],
  ['Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi', 24.87, 2],
  [
    'Azərbaycan Respublikasının Qaçqınların və Məcburi Köçkünlərin işləri üzrə Dövlət Komitəsi',
    21.99,
    2,
  ],
  ['Azərbaycan Respublikasının Qida Təhlükəsizliyi Agentliyi', 21.59, 2],
  ['Azərbaycan Respublikasının Dini Qurumlarla İş üzrə Dövlət Komitəsi', 20.48, 2],
  ['Azərbaycan Respublikasının Fövqəladə Hallar Nazirliyi', 19.6, 1],
  ['Azərbaycan Respublikasının Daxili İşlər Nazirliyi', 16.78, 1],
  ['Azərbaycan Respublikasının Gənclər və İdman Nazirliyi', 6.55, 1],
  ['Azərbaycan Respublikasının Diasporla İş üzrə Dövlət Komitəsi', 4.72, 1],
  ['Azərbaycan Respublikası Mədəniyyət Nazirliyi', 3.98, 1],
];

const local2023: readonly Row[] = [
  ['Bakı şəhəri Pirallahı Rayon İcra Hakimiyyəti', 46.87, 3],
  ['Bakı Şəhəri Binəqədi Rayon İcra Hakimiyyəti', 46.77, 3],
  ['Bakı şəhəri Yasamal Rayon İcra Hakimiyyəti', 43.43, 3],
  ['Bakı şəhəri Qaradağ Rayon İcra Hakimiyyəti', 34.67, 2],
  ['Bakı şəhəri Səbail Rayon İcra Hakimiyyəti', 34.36, 2],
  ['Bakı şəhəri Nizami Rayon İcra Hakimiyyəti', 30.59, 2],
  ['Bakı şəhəri Suraxanı Rayon İcra Hakimiyyəti', 29.58, 2],
  ['Bakı şəhəri Xəzər Rayon İcra Hakimiyyəti', 28.71, 2],
  ['Bakı şəhəri Sabunçu Rayon İcra Hakimiyyəti', 22.93, 2],
  ['Bakı şəhəri Xətai Rayon İcra Hakimiyyəti', 17.78, 1],
  ['Bakı şəhəri Nəsimi Rayon İcra Hakimiyyəti', 14.95, 1],
  ['Bakı Şəhər Nərimanov Rayon İcra Hakimiyyəti', 8.4, 1],
  ['Bakı Şəhəri İcra Hakimiyyəti', 8.03, 1],
  ['Sumqayıt Şəhər İcra Hakimiyyəti', 8, 1],
  ['Abşeron Rayon İcra Hakimiyyəti', 4.65, 1],
];

const legal2023: readonly Row[] = [
  ['"Azərişiq" Açıq Səhmdar Cəmiyyəti', 98.31, 5],
  ['"Azərsu" Açıq Səhmdar Cəmiyyəti', 82.75, 5],
  ['"Azəriqaz" İstehsalat Birliyi', 76.7, 4],
  ['Azərbaycan Respublikası Dövlət İmtahan Mərkəzi', 42.42, 3],
  ['Azərbaycan Respublikasının Dövlət Reklam Agentliyi', 30.65, 2],
  ['İcbari Tibbi Sığorta üzrə Dövlət Agentliyi', 22.88, 2],
  ['"Azəristilikteçizat" Açıq Səhmdar Cəmiyyəti', 19.36, 1],
  ['Azərbaycan Respublikasının Əqli Mülkiyyət Agentliyi', 19.35, 1],
  ['Azərbaycan Avtomobil Yolları Dövlət Agentliyi', 13.76, 1],
];

/** The 2023 central executive table, rank by rank, as the tests expect to read it. */
export const central2023Rows = central2023;

const agencyIds = new Map(
  presentationAgencies.map((agency) => [agency.nameAz, agency.id]),
);

/**
 * Ranks rows best first the way published tables do: equal percentages
 * share a rank and the next rank skips (1, 2, 2, 4), each tied provider
 * naming the others.
 */
export function rankedProviders(
  rows: readonly Row[],
  serviceTotal: number,
): ReportProvider[] {
  const sorted = [...rows].sort((a, b) => b[1] - a[1]);
  const shares = serviceShares(sorted.length, serviceTotal);
  return sorted.map(([name, percent, stars], index) => {
    const rank = sorted.findIndex((row) => row[1] === percent) + 1;
    const tiedWith = sorted
      .filter((row) => row[1] === percent && row[0] !== name)
      .map((row) => row[0]);
    return {
      rank,
      tiedWith,
      agencyId: agencyIds.get(name) ?? null,
      name,
      percent,
      stars,
      serviceCount: shares[index] ?? 0,
    };
  });
}

/** Made-up service counts that add up to the group's published total. */
function serviceShares(count: number, total: number): number[] {
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, index) =>
    index < total - base * count ? base + 1 : base,
  );
}

function report(groups: ReportGroup[]): EvaluationReport {
  return {
    year: 2023,
    campaignId: '4f1c2b9e-7a53-4d0e-9c6b-2d8e5a1f3b70',
    methodology: {
      id: '0b6f3c1d-2e4a-4f5b-8c7d-9e0a1b2c3d4e',
      version: 3,
      name: 'ASAN xidmət indeksi metodologiyası 2023',
    },
    dataAsOf: '2024-02-29T16:30:00+04:00',
    groups,
  };
}

/** All three groups of the 2023 tables: 23 + 15 + 9 providers. */
export function presentationReport2023(): EvaluationReport {
  return report([
    { group: 'centralExecutive', providers: rankedProviders(central2023, 208) },
    { group: 'localExecutive', providers: rankedProviders(local2023, 170) },
    { group: 'legalEntity', providers: rankedProviders(legal2023, 60) },
  ]);
}

/**
 * The central executive table as published plus a small local executive
 * group with a tie: Yasamal's 43.43 % is changed to Binəqədi's 46.77 % so
 * that two providers share rank 2 (the real table has no tie).
 */
export function testReport(): EvaluationReport {
  const local: Row[] = [
    ['Bakı şəhəri Pirallahı Rayon İcra Hakimiyyəti', 46.87, 3],
    ['Bakı Şəhəri Binəqədi Rayon İcra Hakimiyyəti', 46.77, 3],
    ['Bakı şəhəri Yasamal Rayon İcra Hakimiyyəti', 46.77, 3],
    ['Bakı şəhəri Qaradağ Rayon İcra Hakimiyyəti', 34.67, 2],
    ['Sumqayıt Şəhər İcra Hakimiyyəti', 8, 1],
  ];
  return report([
    { group: 'centralExecutive', providers: rankedProviders(central2023, 208) },
    { group: 'localExecutive', providers: rankedProviders(local, 40) },
  ]);
}

/** A group of `count` invented providers, long enough to run over several pages. */
export function longGroup(group: AgencyGroup, count: number): ReportGroup {
  const rows: Row[] = Array.from({ length: count }, (_, index) => {
    const percent = Math.round((99 - (index * 98) / count) * 100) / 100;
    return [
      `Sınaq qurumu № ${index + 1} — Şəki, Gəncə və Lənkəran üzrə ərazi idarəsi`,
      percent,
      Math.min(5, Math.floor(percent / 20) + 1),
    ];
  });
  return { group, providers: rankedProviders(rows, count * 3) };
}
