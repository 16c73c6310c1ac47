import { dayNumber, formatDate, isWeekend } from './days';
import type { CalendarDay } from './working-days';

/**
 * The days off that Labour Code art. 105.5–105.6 moves from holidays, so an
 * administrator entering a new year can be offered them instead of working
 * them out by hand, and the shipped data can be checked against the rule.
 *
 * - 105.5: a holiday on a Saturday or Sunday moves that rest day to the first
 *   working day after the holiday (after the whole run of days off).
 * - 105.6: Ramadan or Gurban Bayram on the same date as another non-working
 *   holiday makes the next working day a day off too. The rule is applied to
 *   any two holidays on one date: only a lunar Bayram can meet another
 *   holiday, since no two fixed-date holidays share a date.
 *
 * Only 'holiday' entries count: 20 January (a day of mourning) and voting
 * days are not moved when they fall on a weekend. Cabinet swaps are not
 * part of the rule; they are entered as they are announced.
 */
export function labourCodeTransfers(days: readonly CalendarDay[]): string[] {
  const holidaysByDate = new Map<string, number>();
  for (const day of days) {
    if (day.kind !== 'holiday') continue;
    holidaysByDate.set(day.date, (holidaysByDate.get(day.date) ?? 0) + 1);
  }
  const dates = [...holidaysByDate.keys()].sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) return [];

  const transfers: string[] = [];
  let owed = 0;
  for (let day = dayNumber(first); day <= dayNumber(last) || owed > 0; day += 1) {
    const date = formatDate(day);
    const holidays = holidaysByDate.get(date) ?? 0;
    if (holidays > 0) {
      owed += (isWeekend(day) ? 1 : 0) + holidays - 1;
    } else if (!isWeekend(day) && owed > 0) {
      transfers.push(date);
      owed -= 1;
    }
  }
  return transfers;
}
