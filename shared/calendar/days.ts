/**
 * Calendar dates as day numbers (days since 1970-01-01): they have no time
 * zone, and the next day and the weekday are plain arithmetic.
 */

const MS_PER_DAY = 86_400_000;

/** The day number of an ISO date (yyyy-mm-dd); NaN for text of another form. */
export function dayNumber(dateIso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateIso)) return NaN;
  return Date.parse(`${dateIso}T00:00:00Z`) / MS_PER_DAY;
}

/** The ISO date (yyyy-mm-dd) of a day number. */
export function formatDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day number of the calendar day an instant falls on at a fixed offset from UTC. */
export function dayAtOffset(ms: number, offsetMs: number): number {
  return Math.floor((ms + offsetMs) / MS_PER_DAY);
}

/** Whether a day is a Saturday or a Sunday. */
export function isWeekend(day: number): boolean {
  // 1970-01-01 was a Thursday, so day 2 was a Saturday and day 3 a Sunday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}
