import type { TFunction } from 'i18next';

/** "87%": a score of 0..1 as people read it. */
export function percentText(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** The reasons a pair was flagged, in the user's language, comma-separated. */
export function reasonsText(t: TFunction, reasons: readonly string[]): string {
  return reasons.map((reason) => t(`duplicates.reason.${reason}`)).join(', ');
}
