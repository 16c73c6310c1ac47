import type { AgencyGroup } from '../domain/agency';
import { presentationAgencies } from '../reference/agencies';
import type { PublishedResult } from './campaign';
import { INDEX_2023_STAR_BANDS } from './default-methodology';
import { agencyMatcher } from './published-results';
import { starsFor } from './ranking';

/**
 * The published ASAN service index results DXER ships: the three 2023
 * tables of VXSİDA's March 2024 presentation, every row as printed, and
 * the Ministry of Labour and Social Protection's results of other years.
 * Ids are fixed so every installation seeds the same rows.
 */

/** Where the 2023 tables were published. */
export const PRESENTATION_2023_SOURCE = 'VXSİDA presentation, March 2024';

/** A printed row: rank, provider as printed, percent, the asterisks; then the row's id. */
type PrintedRow = readonly [
  rank: number,
  name: string,
  percent: number,
  stars: string,
  id: string,
];

// The tables keep one printed row per line, so they read against the
// presentation line by line.
// prettier-ignore
const centralExecutive: readonly PrintedRow[] = [
  [1, 'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi', 92.38, '*****', '4c35cb40-e5a4-4ab3-b031-dfec436edb04'],
  [2, 'Azərbaycan Respublikası Dövlət Miqrasiya Xidməti', 87.63, '*****', '4844d25e-7bac-4cd2-86a6-31d9cd4f43c5'],
  [3, 'Azərbaycan Respublikasının Ədliyyə Nazirliyi', 70.83, '****', 'f7d26d2c-83ae-4663-89a8-bdbe153c8dd0'],
  [4, 'Azərbaycan Respublikasının Energetika Nazirliyi', 67.81, '****', '962c838e-7e13-4acc-b68b-31e4b413e575'],
  [5, 'Azərbaycan Respublikasının İqtisadiyyat Nazirliyi', 64.64, '****', '1854324a-d897-432d-8b63-ba865e64ddb7'],
  [6, 'Azərbaycan Respublikasının Ekologiya və Təbii Sərvətlər Nazirliyi', 64.06, '****', '80c8085e-990d-4f87-8530-eec542091161'],
  [7, 'Azərbaycan Respublikası Elm və Təhsil Nazirliyi', 48.84, '***', 'abe1ef0a-24f0-4abf-ba97-c7dbbbc5697c'],
  [8, 'Azərbaycan Respublikasının Dövlət Gömrük Komitəsi', 42.93, '***', '2619bc45-ca80-4099-8875-7c05bb2a6e3f'],
  [9, 'Azərbaycan Respublikasının Kənd Təsərrüfatı Nazirliyi', 40.14, '***', 'e91ec11f-abc7-4c61-a9dc-066e3db1ab78'],
  [10, 'Azərbaycan Respublikasının Səhiyyə Nazirliyi', 32.61, '**', '619e81f3-9e95-43e9-a4e8-754eaceda274'],
  [11, 'Azərbaycan Respublikasının Səfərbərlik və Hərbi Xidmətə Çağırış üzrə Dövlət Xidməti', 32.44, '**', '4df28af6-d815-4663-9d70-bf055c8d8dc8'],
  [12, 'Azərbaycan Respublikasının Dövlət Şəhərsalma və Arxitektura Komitəsi', 31.03, '**', 'd2e8075a-f130-4089-b915-af9a5e3e5485'],
  [13, 'Azərbaycan Respublikasının Xarici İşlər Nazirliyi', 28.6, '**', '43be122f-c542-4474-9643-43be661049f1'],
  [14, 'Azərbaycan Respublikası Milli Arxiv İdarəsi', 26.29, '**', '8006dcc5-f47a-4b7a-99c2-941131a1928b'],
  [15, 'Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi', 24.87, '**', '651a7cf1-4cfa-4b22-804c-5be3782b09b9'],
  [16, 'Azərbaycan Respublikasının Qaçqınların və Məcburi Köçkünlərin işləri üzrə Dövlət Komitəsi', 21.99, '**', '1fd15150-65b8-417c-b5b9-d22ebbb9f7c1'],
  [17, 'Azərbaycan Respublikasının Qida Təhlükəsizliyi Agentliyi', 21.59, '**', '7db7efdc-eabc-469c-aa05-50866eb1f7ec'],
  [18, 'Azərbaycan Respublikasının Dini Qurumlarla İş üzrə Dövlət Komitəsi', 20.48, '**', 'd5cf46fc-54b9-43ac-97ae-90f75ac48cbb'],
  [19, 'Azərbaycan Respublikasının Fövqəladə Hallar Nazirliyi', 19.6, '*', '7524ff7b-ff54-44f5-beac-4c95202ab54d'],
  [20, 'Azərbaycan Respublikasının Daxili İşlər Nazirliyi', 16.78, '*', 'f35546a7-5c5a-4b77-bd47-16c001e733af'],
  [21, 'Azərbaycan Respublikasının Gənclər və İdman Nazirliyi', 6.55, '*', '70cdc14f-96b1-4b0e-8372-b3a091d8f3df'],
  [22, 'Azərbaycan Respublikasının Diasporla İş üzrə Dövlət Komitəsi', 4.72, '*', '6e42f8ec-102b-4282-8415-9928f8386051'],
  [23, 'Azərbaycan Respublikası Mədəniyyət Nazirliyi', 3.98, '*', '591ee9c8-6b7d-4407-93cb-4e7442686341'],
];

// prettier-ignore
const localExecutive: readonly PrintedRow[] = [
  [1, 'Bakı şəhəri Pirallahı Rayon İcra Hakimiyyəti', 46.87, '***', 'bbfaf114-bbdc-499e-9e70-c578dddf24ed'],
  [2, 'Bakı Şəhəri Binəqədi Rayon İcra Hakimiyyəti', 46.77, '***', '87e0b100-bf00-46d3-8606-69046d0b04b0'],
  [3, 'Bakı şəhəri Yasamal Rayon İcra Hakimiyyəti', 43.43, '***', '282cf053-e3b2-495e-bcb2-f1065c2cfcc6'],
  [4, 'Bakı şəhəri Qaradağ Rayon İcra Hakimiyyəti', 34.67, '**', 'd5af5d1a-43c4-463c-b8dd-a0475426bfdd'],
  [5, 'Bakı şəhəri Səbail Rayon İcra Hakimiyyəti', 34.36, '**', '42a9583f-2d9d-4246-a9d0-27bd86430bbd'],
  [6, 'Bakı şəhəri Nizami Rayon İcra Hakimiyyəti', 30.59, '**', '2658c04a-9881-4242-b330-b8fc7537890f'],
  [7, 'Bakı şəhəri Suraxanı Rayon İcra Hakimiyyəti', 29.58, '**', '212f38c4-077b-4dc2-b887-01384b3e464f'],
  [8, 'Bakı şəhəri Xəzər Rayon İcra Hakimiyyəti', 28.71, '**', '9c87c4e6-a6d2-4ea8-980b-f5c287dd06ac'],
  [9, 'Bakı şəhəri Sabunçu Rayon İcra Hakimiyyəti', 22.93, '**', '5f004d72-9488-41e0-a0b3-fe8399cde4e2'],
  [10, 'Bakı şəhəri Xətai Rayon İcra Hakimiyyəti', 17.78, '*', 'c53cf1d1-de44-4e1d-a3a5-2ab0770a8ab0'],
  [11, 'Bakı şəhəri Nəsimi Rayon İcra Hakimiyyəti', 14.95, '*', 'e1d0cae3-25c0-4e07-9857-cc06e7baa228'],
  [12, 'Bakı Şəhər Nərimanov Rayon İcra Hakimiyyəti', 8.4, '*', '836c7065-2715-4a39-bfcd-70ff92d3bc23'],
  [13, 'Bakı Şəhəri İcra Hakimiyyəti', 8.03, '*', 'a6d6e220-88d9-44da-9ea8-9c3d66da46d2'],
  [14, 'Sumqayıt Şəhər İcra Hakimiyyəti', 8, '*', '39ea05d2-aa48-4cf9-9a37-5d3389732891'],
  [15, 'Abşeron Rayon İcra Hakimiyyəti', 4.65, '*', 'cdf90aec-5461-41fb-967c-1fbaf52aae24'],
];

// prettier-ignore
const legalEntity: readonly PrintedRow[] = [
  [1, '"Azərişiq" Açıq Səhmdar Cəmiyyəti', 98.31, '*****', '9097459e-89e2-4b02-9436-c1e81b94a915'],
  [2, '"Azərsu" Açıq Səhmdar Cəmiyyəti', 82.75, '*****', 'f7d3bc99-17ee-4d05-b114-cebd9bcaacd8'],
  [3, '"Azəriqaz" İstehsalat Birliyi', 76.7, '****', 'f3ea194d-8f75-455a-9d69-ddc410ac9d55'],
  [4, 'Azərbaycan Respublikası Dövlət İmtahan Mərkəzi', 42.42, '***', '6d582bd2-1945-4103-a5a9-e56410dec843'],
  [5, 'Azərbaycan Respublikasının Dövlət Reklam Agentliyi', 30.65, '**', 'e053a0d5-308d-414c-af58-268ff39b529e'],
  [6, 'İcbari Tibbi Sığorta üzrə Dövlət Agentliyi', 22.88, '**', 'ce7efa68-7fff-4838-951f-205e8c2e569a'],
  [7, '"Azəristilikteçizat" Açıq Səhmdar Cəmiyyəti', 19.36, '*', 'dfd951e6-4ec9-461e-8187-893f29cf7b31'],
  [8, 'Azərbaycan Respublikasının Əqli Mülkiyyət Agentliyi', 19.35, '*', '387d24ad-0f4d-4dcd-80c6-a5500daa9741'],
  [9, 'Azərbaycan Avtomobil Yolları Dövlət Agentliyi', 13.76, '*', 'a6d4cabc-40f7-4901-bb95-0bc9ecec6571'],
];

const matchAgency = agencyMatcher(presentationAgencies);

function fromTable(group: AgencyGroup, rows: readonly PrintedRow[]): PublishedResult[] {
  return rows.map(([rank, name, percent, stars, id]) => ({
    id,
    year: 2023,
    group,
    agencyId: matchAgency(name),
    providerName: name,
    rank,
    percent,
    stars: stars.length,
    source: PRESENTATION_2023_SOURCE,
  }));
}

/** The 2023 results: 23 central and 15 local executive bodies, 9 legal entities. */
export const published2023: readonly PublishedResult[] = [
  ...fromTable('centralExecutive', centralExecutive),
  ...fromTable('localExecutive', localExecutive),
  ...fromTable('legalEntity', legalEntity),
];

const MLSPP_NAME =
  'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi';

/**
 * The Ministry of Labour and Social Protection's results of the other
 * years; its 2023 result is the first row of the 2023 table. Evaluations
 * named by two years take the later one: 2019–20 is 2020 and 2020–21 is
 * 2021. These figures come without their tables, so they have no rank,
 * and their stars are the 2023 bands' reading, which may not be how those
 * years gave stars.
 */
export const mlsppHistory: readonly PublishedResult[] = (
  [
    ['6559ceae-7969-4419-853b-49a5ca4b95ee', 2018, 5.15],
    ['367d45c1-d20b-4df2-9d73-2d1ad7254351', 2020, 64.4],
    ['da9bd76e-4fc6-443f-824e-5646f79ccb91', 2021, 79.65],
    ['a0fe5070-0497-421f-8bb8-a7abf82429c1', 2022, 88.48],
    ['79a9f5bc-edab-449f-9918-33cb30b831cd', 2024, 97.77],
  ] as const
).map(([id, year, percent]) => ({
  id,
  year,
  group: 'centralExecutive',
  agencyId: matchAgency(MLSPP_NAME),
  providerName: MLSPP_NAME,
  rank: null,
  percent,
  stars: starsFor(percent, INDEX_2023_STAR_BANDS),
  source: 'ASAN service index results published by VXSİDA',
}));

/** Every published result DXER ships: the 2023 tables, then the ministry's other years. */
export const publishedResults: readonly PublishedResult[] = [
  ...published2023,
  ...mlsppHistory,
];
