import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { azerbaijanCalendar } from './az-holidays';
import {
  addWorkingDays,
  bakuDate,
  buildWorkingCalendar,
  isWorkingDay,
  reviewDeadline,
  workingDaysBetween,
  type CalendarDayInput,
} from './working-days';

const calendar = azerbaijanCalendar;
const weekendsOnly = buildWorkingCalendar([]);

/** Runs `action` and returns the DomainError it throws. */
function domainErrorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but nothing was thrown');
}

describe('isWorkingDay', () => {
  it('works Monday to Friday and rests on Saturday and Sunday', () => {
    expect(isWorkingDay('2025-05-12', weekendsOnly)).toBe(true);
    expect(isWorkingDay('2025-05-16', weekendsOnly)).toBe(true);
    expect(isWorkingDay('2025-05-17', weekendsOnly)).toBe(false);
    expect(isWorkingDay('2025-05-18', weekendsOnly)).toBe(false);
  });

  it('rests on a public holiday that falls on a weekday', () => {
    expect(isWorkingDay('2025-05-28', calendar)).toBe(false);
  });

  it('rests on 20 January, the day of national mourning', () => {
    expect(isWorkingDay('2025-01-20', calendar)).toBe(false);
  });

  it('rests on the Monday after holidays on Saturday and Sunday', () => {
    // 8 and 9 November 2025 were a Saturday and a Sunday.
    expect(isWorkingDay('2025-11-10', calendar)).toBe(false);
    expect(isWorkingDay('2025-11-11', calendar)).toBe(false);
    expect(isWorkingDay('2025-11-12', calendar)).toBe(true);
  });

  it('works a Saturday the Cabinet made a working day', () => {
    expect(isWorkingDay('2024-12-28', calendar)).toBe(true);
    expect(isWorkingDay('2024-12-30', calendar)).toBe(false);
  });

  it('works a moved day off that the Cabinet swapped away', () => {
    // 10 March 2025 was moved from 8 March, then swapped for 27 March.
    expect(isWorkingDay('2025-03-10', calendar)).toBe(true);
    expect(isWorkingDay('2025-03-27', calendar)).toBe(false);
  });

  it('refuses a date that is not a calendar date, naming it', () => {
    for (const text of ['2025-02-30', '2025-13-01', '25-01-01', '2025-1-1', 'today']) {
      const error = domainErrorOf(() => isWorkingDay(text, calendar));

      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields[0]?.message).toContain(text);
    }
  });
});

describe('bakuDate', () => {
  it('takes the day in Baku, four hours ahead of UTC', () => {
    expect(bakuDate('2025-03-07T19:59:59Z')).toBe('2025-03-07');
    expect(bakuDate('2025-03-07T20:00:00Z')).toBe('2025-03-08');
    expect(bakuDate('2025-03-07T23:30:00Z')).toBe('2025-03-08');
  });

  it('reads instants written with any offset', () => {
    expect(bakuDate('2025-03-08T00:30:00+04:00')).toBe('2025-03-08');
    expect(bakuDate('2025-03-07T21:30:00+01:00')).toBe('2025-03-08');
  });

  it('refuses an instant without an offset, since its day is unknown', () => {
    const error = domainErrorOf(() => bakuDate('2025-03-07T23:30:00'));

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields[0]?.path).toBe('instant');
    expect(error.fields[0]?.message).toContain('with an offset');
  });
});

describe('workingDaysBetween', () => {
  it('counts nothing on the day of submission', () => {
    expect(
      workingDaysBetween('2025-05-16T06:00:00Z', '2025-05-16T13:00:00Z', calendar),
    ).toBe(0);
  });

  it('counts one working day from Friday evening to Monday', () => {
    // 16 May 2025 was a Friday; 18:30 in Baku.
    expect(
      workingDaysBetween('2025-05-16T14:30:00Z', '2025-05-19T05:00:00Z', calendar),
    ).toBe(1);
  });

  it('counts no working day over a weekend', () => {
    expect(
      workingDaysBetween('2025-05-16T14:30:00Z', '2025-05-18T12:00:00Z', calendar),
    ).toBe(0);
  });

  it('takes both days in Baku time: 23:30 UTC is already the next day', () => {
    // Thursday 23:30 UTC is Friday 03:30 in Baku, so Friday noon is the same day.
    expect(
      workingDaysBetween('2025-05-15T23:30:00Z', '2025-05-16T08:00:00Z', calendar),
    ).toBe(0);
    expect(
      workingDaysBetween('2025-05-15T19:30:00Z', '2025-05-16T08:00:00Z', calendar),
    ).toBe(1);
  });

  it('skips the twelve days off of Novruz and Ramadan 2025', () => {
    // From Wednesday 19 March to Wednesday 2 April: only 1 and 2 April are worked.
    expect(
      workingDaysBetween('2025-03-19T09:00:00Z', '2025-04-02T09:00:00Z', calendar),
    ).toBe(2);
  });

  it('counts across the new year holidays', () => {
    // 31 December 2025 and 1–2 January 2026 are off, then a weekend.
    expect(
      workingDaysBetween('2025-12-30T09:00:00Z', '2026-01-05T09:00:00Z', calendar),
    ).toBe(1);
  });

  it('never counts below zero when `to` is before `from`', () => {
    expect(
      workingDaysBetween('2025-05-19T09:00:00Z', '2025-05-12T09:00:00Z', calendar),
    ).toBe(0);
  });

  it('refuses an invalid instant, naming the argument at fault', () => {
    const error = domainErrorOf(() =>
      workingDaysBetween('2025-05-19T09:00:00Z', 'not a time', calendar),
    );

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields[0]?.path).toBe('to');
  });
});

describe('addWorkingDays', () => {
  it('counts working days after the start date, skipping weekends', () => {
    // Friday + 1 is Monday; Friday + 7 is the Tuesday after next.
    expect(addWorkingDays('2025-05-16', 1, calendar)).toBe('2025-05-19');
    expect(addWorkingDays('2025-05-16', 7, calendar)).toBe('2025-05-27');
  });

  it('skips a holiday in the way', () => {
    // 28 May 2025 (Wednesday) is Independence Day.
    expect(addWorkingDays('2025-05-26', 2, calendar)).toBe('2025-05-29');
  });

  it('skips Gurban Bayram and the days moved from it and from 15 June', () => {
    // 2025: 6–7 June Gurban, 9 June moved from it; 16 June moved from Sunday 15 June.
    expect(addWorkingDays('2025-06-05', 7, calendar)).toBe('2025-06-19');
  });

  it('lands on a working Saturday the Cabinet announced', () => {
    // Friday 27 December 2024, then Saturday 28 December was worked.
    expect(addWorkingDays('2024-12-27', 1, calendar)).toBe('2024-12-28');
  });

  it('crosses the year boundary', () => {
    expect(addWorkingDays('2025-12-30', 7, calendar)).toBe('2026-01-13');
  });

  it('gives the start date itself for zero days', () => {
    expect(addWorkingDays('2025-05-17', 0, calendar)).toBe('2025-05-17');
  });

  it('refuses a negative or fractional count', () => {
    for (const n of [-1, 1.5, Number.NaN]) {
      const error = domainErrorOf(() => addWorkingDays('2025-05-16', n, calendar));

      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields[0]?.path).toBe('n');
    }
  });
});

describe('reviewDeadline', () => {
  // Submitted on Wednesday 19 March 2025 at 15:00 in Baku, just before Novruz.
  const submittedAt = '2025-03-19T11:00:00Z';

  it('sets the deadline seven working days after the day of submission', () => {
    const status = reviewDeadline(submittedAt, calendar, { now: submittedAt });

    expect(status).toEqual({
      deadline: '2025-04-09',
      workingDaysWaited: 0,
      isOverdue: false,
      workingDaysLeft: 7,
      isCalendarComplete: true,
    });
  });

  it('counts the days waited and left while the review is on time', () => {
    const status = reviewDeadline(submittedAt, calendar, {
      now: '2025-04-03T06:00:00Z',
    });

    expect(status.workingDaysWaited).toBe(3);
    expect(status.workingDaysLeft).toBe(4);
    expect(status.isOverdue).toBe(false);
  });

  it('is not overdue yet on the deadline day itself', () => {
    const status = reviewDeadline(submittedAt, calendar, {
      now: '2025-04-09T15:00:00Z',
    });

    expect(status.workingDaysLeft).toBe(0);
    expect(status.isOverdue).toBe(false);
  });

  it('is overdue from the first day after the deadline in Baku', () => {
    // 9 April 2025 was a Wednesday; 20:00 UTC is already 10 April in Baku.
    const status = reviewDeadline(submittedAt, calendar, {
      now: '2025-04-09T20:00:00Z',
    });

    expect(status.isOverdue).toBe(true);
    expect(status.workingDaysWaited).toBe(8);
    expect(status.workingDaysLeft).toBe(0);
  });

  it('is overdue on a rest day after the deadline', () => {
    // Submitted Wednesday 21 May 2025 (28 May a holiday): due Monday 2 June.
    const status = reviewDeadline('2025-05-21T08:00:00Z', calendar, {
      now: '2025-06-07T08:00:00Z',
    });

    expect(status.deadline).toBe('2025-06-02');
    expect(status.isOverdue).toBe(true);
    expect(status.workingDaysWaited).toBe(10);
  });

  it('takes another limit, such as the provider’s seven days to resubmit', () => {
    const status = reviewDeadline(submittedAt, calendar, {
      now: submittedAt,
      limit: 1,
    });

    expect(status.deadline).toBe('2025-04-01');
  });

  it('says the figures are a guess when they reach a year without holiday data', () => {
    const status = reviewDeadline('2027-12-28T08:00:00Z', calendar, {
      now: '2027-12-28T09:00:00Z',
    });

    expect(status.isCalendarComplete).toBe(false);
  });

  it('refuses an invalid submission time or limit', () => {
    expect(
      domainErrorOf(() => reviewDeadline('', calendar, { now: submittedAt })).fields[0]
        ?.path,
    ).toBe('submittedAt');
    expect(
      domainErrorOf(() =>
        reviewDeadline(submittedAt, calendar, { now: submittedAt, limit: 0 }),
      ).fields[0]?.path,
    ).toBe('limit');
  });
});

describe('buildWorkingCalendar', () => {
  const day = (
    date: string,
    kind: CalendarDayInput['kind'],
    name = 'test',
  ): CalendarDayInput => ({ date, kind, name });

  it('makes holidays, moved days and Cabinet days off non-working', () => {
    const built = buildWorkingCalendar([
      day('2030-05-28', 'holiday'),
      day('2030-05-29', 'transferredDayOff'),
      day('2030-05-30', 'cabinetDayOff'),
      day('2030-01-20', 'mourningDay'),
      day('2030-02-06', 'electionDay'),
    ]);

    expect([...built.nonWorkingDays].sort()).toEqual([
      '2030-01-20',
      '2030-02-06',
      '2030-05-28',
      '2030-05-29',
      '2030-05-30',
    ]);
    expect(built.coveredYears).toEqual(new Set([2030]));
  });

  it('works a weekend day or a moved day off that the Cabinet swapped', () => {
    const built = buildWorkingCalendar([
      day('2030-06-01', 'cabinetWorkingDay'),
      day('2030-06-03', 'transferredDayOff'),
      day('2030-06-03', 'cabinetWorkingDay'),
    ]);

    expect(built.workingWeekendDays).toEqual(new Set(['2030-06-01']));
    expect(isWorkingDay('2030-06-01', built)).toBe(true);
    expect(isWorkingDay('2030-06-03', built)).toBe(true);
  });

  it('refuses to make a holiday a working day', () => {
    const error = domainErrorOf(() =>
      buildWorkingCalendar([
        day('2030-05-28', 'holiday'),
        day('2030-05-28', 'cabinetWorkingDay'),
      ]),
    );

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields[0]?.path).toBe('2030-05-28');
  });

  it('refuses a working weekday that overrides nothing, as a likely slip', () => {
    const error = domainErrorOf(() =>
      buildWorkingCalendar([day('2030-06-04', 'cabinetWorkingDay')]),
    );

    expect(error.fields[0]?.message).toMatch(/working day already/);
  });

  it('refuses a malformed entry, naming its position and field', () => {
    const error = domainErrorOf(() =>
      buildWorkingCalendar([
        day('2030-02-30', 'holiday'),
        day('2030-03-01', 'holiday', ''),
      ]),
    );

    expect(error.fields.map((field) => field.path)).toEqual(['0.date', '1.name']);
  });
});
