import { describe, expect, it } from 'vitest';
import { azerbaijanCalendar, azerbaijanCalendarDays } from './az-holidays';
import { labourCodeTransfers } from './labour-code';
import { calendarDaySchema, isWorkingDay } from './working-days';

const entries = azerbaijanCalendarDays.map((day) => calendarDaySchema.parse(day));

function workingDaysIn(year: number): number {
  let count = 0;
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) {
    if (isWorkingDay(new Date(ms).toISOString().slice(0, 10), azerbaijanCalendar)) {
      count += 1;
    }
  }
  return count;
}

function offDatesIn(year: number): string[] {
  return [...azerbaijanCalendar.nonWorkingDays]
    .filter((date) => date.startsWith(`${year}-`))
    .sort();
}

describe('the shipped Azerbaijan calendar', () => {
  it('covers 2024 to 2027', () => {
    expect([...azerbaijanCalendar.coveredYears].sort()).toEqual([2024, 2025, 2026, 2027]);
  });

  it('moves exactly the days off that Labour Code art. 105.5–105.6 moves', () => {
    const listed = entries
      .filter((entry) => entry.kind === 'transferredDayOff')
      .map((entry) => entry.date);

    expect(labourCodeTransfers(entries)).toEqual(listed);
  });

  it('has as many working days in 2025 and 2026 as the Ministry of Labour counted', () => {
    // Production calendars: 239 working days in 2025, 241 in 2026 (five-day week).
    expect(workingDaysIn(2025)).toBe(239);
    expect(workingDaysIn(2026)).toBe(241);
  });

  it('has the 2024 count of the production calendar plus the later changes', () => {
    // 239 in the calendar of December 2023; then the December swap gave two
    // working weekend days for one day off, and the municipal elections it
    // allowed a day for were held in January 2025 instead.
    expect(workingDaysIn(2024)).toBe(239 + 1 + 1);
  });

  it('lists the days off of 2026 as the production calendar does', () => {
    expect(offDatesIn(2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-20',
      '2026-03-08',
      '2026-03-09',
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-30',
      '2026-05-09',
      '2026-05-11',
      '2026-05-27',
      '2026-05-28',
      '2026-05-29',
      '2026-06-15',
      '2026-06-26',
      '2026-11-08',
      '2026-11-09',
      '2026-11-10',
      '2026-12-31',
    ]);
  });

  it('keeps 12 and 17 November as working days, as art. 105.2 does', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      for (const date of [`${year}-11-12`, `${year}-11-17`]) {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        const isCop29 = date === '2024-11-12';
        if (weekday !== 0 && weekday !== 6 && !isCop29) {
          expect(isWorkingDay(date, azerbaijanCalendar), date).toBe(true);
        }
      }
    }
  });

  it('marks every unannounced 2027 Bayram date as an estimate', () => {
    const bayrams2027 = entries.filter(
      (entry) =>
        entry.date.startsWith('2027-') &&
        entry.kind === 'holiday' &&
        /Ramazan|Qurban/.test(entry.name),
    );

    expect(bayrams2027).toHaveLength(4);
    for (const entry of bayrams2027) expect(entry.note).toMatch(/Estimated/);
  });
});
