import type { Language } from '../../shared/contract/contract';

/**
 * Formatting by the conventions of the chosen language. Azerbaijani groups
 * thousands with a dot and writes decimals after a comma (1.186; 12,50 ₼),
 * and names months in lower case ("3 dekabr 2026").
 */

const locales: Record<Language, string> = { az: 'az-Latn-AZ', en: 'en-GB', ru: 'ru-RU' };

/** The BCP 47 locale used for a UI language. */
export function localeOf(language: Language): string {
  return locales[language];
}

/*
 * Azerbaijani is written out by hand: browsers built with a reduced ICU (as
 * some Linux Chromium builds are) lack its date and number data and fall
 * back to "2026 M12 3", which no reader here would accept.
 */
const azMonths = [
  'yanvar',
  'fevral',
  'mart',
  'aprel',
  'may',
  'iyun',
  'iyul',
  'avqust',
  'sentyabr',
  'oktyabr',
  'noyabr',
  'dekabr',
];

/** Digits grouped by three with a dot, as Azerbaijani writes 1.186. */
function groupAz(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
}

/** A whole count with the language's thousands separator. */
export function formatCount(value: number, language: Language): string {
  const whole = Math.round(value);
  if (language === 'az') return (whole < 0 ? '-' : '') + groupAz(Math.abs(whole));
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0 }).format(
    whole,
  );
}

/** An amount kept in qəpik shown in manat: 1250 → "12,50 ₼" (the sign stays on the line). */
export function formatQepik(amountQepik: number, language: Language): string {
  if (language === 'az') {
    const qepik = String(amountQepik % 100).padStart(2, '0');
    return `${groupAz(Math.floor(amountQepik / 100))},${qepik}\u00a0₼`;
  }
  return new Intl.NumberFormat(localeOf(language), {
    style: 'currency',
    currency: 'AZN',
    currencyDisplay: 'narrowSymbol',
  }).format(amountQepik / 100);
}

/** A percentage given as 0–100: 57 → "57%". */
export function formatPercent(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value / 100);
}

/** A moment as date and time in the local time zone, or "" for null. */
export function formatDateTime(iso: string | null, language: Language): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (language === 'az') {
    const time = `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
    return `${date.getDate()} ${azMonths[date.getMonth()]} ${date.getFullYear()}, ${time}`;
  }
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Parses a manat amount as people type it ("12,50", "12.5", "1 200") into
 * qəpik; null for empty input, NaN for something that is not an amount.
 */
export function parseManatToQepik(text: string): number | null {
  const compact = text.replace(/[\s\u00a0₼]|AZN|manat/giu, '');
  if (compact === '') return null;
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/u.exec(compact);
  if (!match) return Number.NaN;
  const manat = Number(match[1]);
  const qepik = Number((match[2] ?? '0').padEnd(2, '0'));
  return manat * 100 + qepik;
}

/** Qəpik written back as an editable manat amount: 1250 → "12,50" in az. */
export function qepikToManatText(amountQepik: number | null, language: Language): string {
  if (amountQepik === null) return '';
  const manat = Math.floor(amountQepik / 100);
  const qepik = String(amountQepik % 100).padStart(2, '0');
  const separator = language === 'en' ? '.' : ',';
  return `${manat}${separator}${qepik}`;
}

/** A file size in megabytes with one decimal: 2 621 440 → "2,5 MB" in Azerbaijani. */
export function formatMegabytes(bytes: number, language: Language): string {
  const megabytes = bytes / (1024 * 1024);
  const text =
    language === 'az'
      ? megabytes.toFixed(1).replace('.', ',')
      : new Intl.NumberFormat(localeOf(language), {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(megabytes);
  return `${text} MB`;
}
