import type { AgencyGroup } from '../../shared/domain/agency';

/**
 * The words the PDF and XLSX writers put on a page, in the three UI
 * languages. Main has no i18n library and these are the only strings it
 * renders, so they live here as one typed table: a missing translation is a
 * type error, not a blank cell.
 */

/** The languages a report can be written in; Azerbaijani is the official one. */
export type ReportLanguage = 'az' | 'en' | 'ru';

/** Every label a report writer needs in one language. */
export interface ReportLabels {
  title: (year: number) => string;
  groups: Record<AgencyGroup, string>;
  /** Sheet names: Excel allows 31 characters, too few for the full group names. */
  groupSheets: Record<AgencyGroup, string>;
  continued: string;
  summary: string;
  summarySheet: string;
  group: string;
  agencies: string;
  services: string;
  total: string;
  rank: string;
  provider: string;
  result: string;
  stars: string;
  starsCount: string;
  chart: string;
  tieNote: (rank: string, names: readonly string[]) => string;
  methodology: string;
  version: string;
  methodologyVersion: string;
  methodologyId: string;
  dataAsOf: string;
  campaign: string;
  noCampaign: string;
  year: string;
  page: (page: number, pages: number) => string;
  digestNote: string;
  verification: string;
  /** Decimal separator of percentages shown to people (data files always use a dot). */
  decimal: '.' | ',';
  percentSign: string;
}

const az: ReportLabels = {
  title: (year) =>
    `ASAN xidmət indeksi — ${year}-${azOrdinalSuffix(year)} ilin nəticələri`,
  groups: {
    centralExecutive: 'Mərkəzi icra hakimiyyəti orqanları',
    localExecutive: 'Yerli icra hakimiyyəti orqanları',
    legalEntity: 'Hüquqi şəxslər',
    other: 'Digər',
  },
  groupSheets: {
    centralExecutive: 'Mərkəzi icra hakimiyyəti',
    localExecutive: 'Yerli icra hakimiyyəti',
    legalEntity: 'Hüquqi şəxslər',
    other: 'Digər',
  },
  continued: '(davamı)',
  summary: 'Qiymətləndirilmiş qurumların və xidmətlərin sayı',
  summarySheet: 'Xülasə',
  group: 'Qrup',
  agencies: 'Qurumların sayı',
  services: 'Xidmətlərin sayı',
  total: 'Cəmi',
  rank: 'S/s',
  provider: 'Xidmət təminatçısı',
  result: 'Nəticə (%)',
  stars: 'ASAN indeks',
  starsCount: 'Ulduzların sayı',
  chart: 'Nəticələr, %',
  tieNote: (rank, names) => `${rank} — bərabər yer: ${names.join('; ')}`,
  methodology: 'Metodologiya',
  version: 'versiya',
  methodologyVersion: 'Metodologiyanın versiyası',
  methodologyId: 'Metodologiyanın identifikatoru',
  dataAsOf: 'Məlumatların tarixi',
  campaign: 'Qiymətləndirmə kampaniyası',
  noCampaign: 'dərc olunmuş nəticələrdən idxal edilib',
  year: 'İl',
  page: (page, pages) => `Səhifə ${page} / ${pages}`,
  digestNote:
    'Hesabatın məlumatlarının SHA-256 yoxlama kodu. Eyni məlumatlardan yenidən ' +
    'hesablanan kod bununla üst-üstə düşməlidir.',
  verification: 'Yoxlama',
  decimal: '.',
  percentSign: ' %',
};

const en: ReportLabels = {
  title: (year) => `ASAN service index — results for ${year}`,
  groups: {
    centralExecutive: 'Central executive bodies',
    localExecutive: 'Local executive bodies',
    legalEntity: 'Legal entities',
    other: 'Other',
  },
  groupSheets: {
    centralExecutive: 'Central executive bodies',
    localExecutive: 'Local executive bodies',
    legalEntity: 'Legal entities',
    other: 'Other',
  },
  continued: '(continued)',
  summary: 'Agencies and services evaluated',
  summarySheet: 'Summary',
  group: 'Group',
  agencies: 'Agencies',
  services: 'Services',
  total: 'Total',
  rank: 'Rank',
  provider: 'Service provider',
  result: 'Result (%)',
  stars: 'ASAN index',
  starsCount: 'Stars',
  chart: 'Results, %',
  tieNote: (rank, names) => `${rank} — shared rank: ${names.join('; ')}`,
  methodology: 'Methodology',
  version: 'version',
  methodologyVersion: 'Methodology version',
  methodologyId: 'Methodology id',
  dataAsOf: 'Data as of',
  campaign: 'Evaluation campaign',
  noCampaign: 'imported from published results',
  year: 'Year',
  page: (page, pages) => `Page ${page} of ${pages}`,
  digestNote:
    'SHA-256 digest of the report data. A digest recomputed from the same ' +
    'data must equal it.',
  verification: 'Verification',
  decimal: '.',
  percentSign: '%',
};

const ru: ReportLabels = {
  title: (year) => `Индекс ASAN xidmət — итоги ${year} года`,
  groups: {
    centralExecutive: 'Центральные органы исполнительной власти',
    localExecutive: 'Местные органы исполнительной власти',
    legalEntity: 'Юридические лица',
    other: 'Другие',
  },
  groupSheets: {
    centralExecutive: 'Центральные органы',
    localExecutive: 'Местные органы',
    legalEntity: 'Юридические лица',
    other: 'Другие',
  },
  continued: '(продолжение)',
  summary: 'Число оценённых органов и услуг',
  summarySheet: 'Сводка',
  group: 'Группа',
  agencies: 'Органов',
  services: 'Услуг',
  total: 'Всего',
  rank: '№',
  provider: 'Поставщик услуг',
  result: 'Результат (%)',
  stars: 'Индекс ASAN',
  starsCount: 'Звёзд',
  chart: 'Результаты, %',
  tieNote: (rank, names) => `${rank} — общее место: ${names.join('; ')}`,
  methodology: 'Методология',
  version: 'версия',
  methodologyVersion: 'Версия методологии',
  methodologyId: 'Идентификатор методологии',
  dataAsOf: 'Данные на',
  campaign: 'Кампания оценки',
  noCampaign: 'импортировано из опубликованных результатов',
  year: 'Год',
  page: (page, pages) => `Стр. ${page} из ${pages}`,
  digestNote:
    'Контрольная сумма SHA-256 данных отчёта. Сумма, заново вычисленная по тем ' +
    'же данным, должна совпасть с ней.',
  verification: 'Проверка',
  decimal: ',',
  percentSign: ' %',
};

const labelsByLanguage: Record<ReportLanguage, ReportLabels> = { az, en, ru };

/** The labels of one language. */
export function reportLabels(language: ReportLanguage): ReportLabels {
  return labelsByLanguage[language];
}

/** A percentage with two decimals as people read it: "92.38 %", "92,38 %", "92.38%". */
export function formatPercent(percent: number, labels: ReportLabels): string {
  return percent.toFixed(2).replace('.', labels.decimal) + labels.percentSign;
}

/** A rank as tables print it: "2=" when it is shared, "2" otherwise. */
export function rankLabel(provider: {
  rank: number;
  tiedWith: readonly string[];
}): string {
  return provider.tiedWith.length > 0 ? `${provider.rank}=` : String(provider.rank);
}

/** Stars out of five as text: "★★★☆☆". */
export function starsText(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));
}

/** The calendar day of `dataAsOf` in Baku, where the index is run: "2024-02-29". */
export function dataDate(isoDateTime: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Baku',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(isoDateTime));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The Azerbaijani ordinal suffix of a year ("2023-cü", "2025-ci", "2030-cu",
 * "2026-cı"): it follows vowel harmony with the last word of the spoken
 * number, which is the last non-zero unit, ten, hundred or thousand.
 */
export function azOrdinalSuffix(year: number): string {
  const units = ['', 'ci', 'ci', 'cü', 'cü', 'ci', 'cı', 'ci', 'ci', 'cu'];
  const tens = ['', 'cu', 'ci', 'cu', 'cı', 'ci', 'cı', 'ci', 'ci', 'cı'];
  const n = Math.abs(Math.trunc(year));
  if (n % 10 !== 0) return units[n % 10] ?? 'ci';
  if (n % 100 !== 0) return tens[Math.floor(n / 10) % 10] ?? 'ci';
  // "yüz" (hundred) takes -cü, "min" (thousand) -ci.
  if (n % 1000 !== 0) return 'cü';
  return 'ci';
}
