import { z } from 'zod';
import { DomainError, parseOrThrow } from '../errors';
import { isoDateSchema, isoDateTimeSchema, optionalText } from '../domain/ids';
import { dayAtOffset, dayNumber, formatDate, isWeekend } from './days';

/**
 * Azerbaijan's working days, for deadlines counted in working days (the 2025
 * Law "On state services" gives VXSİDA 7 of them to check a submission).
 * Which days are off is data: public holidays, the days off that Labour Code
 * art. 105.5–105.6 moves from a holiday on a weekend, and the Cabinet's
 * yearly swaps. Days are taken in Baku time, which is UTC+4 all year.
 */

/** Why a day is listed in a calendar's data. */
export const calendarDayKinds = [
  /** A non-working public holiday (Labour Code art. 105.2). */
  'holiday',
  /** 20 January: not a working day, but not moved when it falls on a weekend. */
  'mourningDay',
  /** A voting day, not a working day (Electoral Code art. 8.2). */
  'electionDay',
  /** A day off moved from a holiday on a weekend or coinciding with another (art. 105.5–105.6). */
  'transferredDayOff',
  /** A working day the Cabinet swapped with a rest day, so it is off. */
  'cabinetDayOff',
  /** A rest day the Cabinet swapped with a working day, so it is worked. */
  'cabinetWorkingDay',
] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/** One dated entry of the calendar's data, as an administrator would enter it. */
export const calendarDaySchema = z.object({
  date: isoDateSchema,
  kind: z.enum(calendarDayKinds),
  name: z.string().trim().min(1).max(300),
  /** Where the date comes from, or what about it is uncertain. */
  note: optionalText(1000),
});
export type CalendarDay = z.output<typeof calendarDaySchema>;
export type CalendarDayInput = z.input<typeof calendarDaySchema>;

/** Which days are worked; every other day follows the Monday–Friday week. */
export type WorkingCalendar = {
  /** ISO dates that are not worked: holidays and the days off moved from them. */
  readonly nonWorkingDays: ReadonlySet<string>;
  /** A Saturday or Sunday the Cabinet made a working day. */
  readonly workingWeekendDays: ReadonlySet<string>;
  /** Years whose holidays the data lists; in other years only weekends are off. */
  readonly coveredYears: ReadonlySet<number>;
};

const offKinds: ReadonlySet<CalendarDayKind> = new Set([
  'holiday',
  'mourningDay',
  'electionDay',
  'transferredDayOff',
  'cabinetDayOff',
]);
/** Kinds a Cabinet swap may override: a holiday itself cannot be worked by swap. */
const movableOffKinds: ReadonlySet<CalendarDayKind> = new Set([
  'transferredDayOff',
  'cabinetDayOff',
]);

/**
 * Builds a calendar from its data. A Cabinet working day overrides a moved
 * day off on the same date (2025: 10 March was moved from 8 March, then
 * swapped to 27 March). Throws VALIDATION_FAILED for a malformed entry, a
 * working day on a holiday, or a working weekday that overrides nothing
 * (it would change no count, so it is surely a typing slip).
 */
export function buildWorkingCalendar(days: readonly CalendarDayInput[]): WorkingCalendar {
  const entries = parseOrThrow(
    z.array(calendarDaySchema).max(10_000),
    days,
    'calendar days',
  );
  const kindsByDate = new Map<string, Set<CalendarDayKind>>();
  for (const entry of entries) {
    const kinds = kindsByDate.get(entry.date) ?? new Set<CalendarDayKind>();
    kinds.add(entry.kind);
    kindsByDate.set(entry.date, kinds);
  }

  const nonWorkingDays = new Set<string>();
  const workingWeekendDays = new Set<string>();
  for (const [date, kinds] of kindsByDate) {
    const offs = [...kinds].filter((kind) => offKinds.has(kind));
    if (!kinds.has('cabinetWorkingDay')) {
      if (offs.length > 0) nonWorkingDays.add(date);
      continue;
    }
    const fixed = offs.filter((kind) => !movableOffKinds.has(kind));
    if (fixed.length > 0) {
      throw calendarError(date, `A ${fixed[0]} cannot be made a working day`);
    }
    if (isWeekend(dayNumber(date))) workingWeekendDays.add(date);
    else if (offs.length === 0) {
      throw calendarError(date, 'A weekday is a working day already');
    }
  }

  const coveredYears = new Set(
    entries
      .filter((entry) => entry.kind === 'holiday')
      .map((entry) => Number(entry.date.slice(0, 4))),
  );
  return { nonWorkingDays, workingWeekendDays, coveredYears };
}

function calendarError(date: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `Invalid calendar day ${date}`, [
    { path: date, message },
  ]);
}

/** Whether the given ISO date (yyyy-mm-dd) is worked. */
export function isWorkingDay(dateIso: string, calendar: WorkingCalendar): boolean {
  return isWorking(parseDate(dateIso, 'date'), calendar);
}

/** The date (yyyy-mm-dd) in Baku of an ISO instant with an offset ("…Z", "…+04:00"). */
export function bakuDate(instantIso: string): string {
  return formatDate(bakuDayNumber(instantIso, 'instant'));
}

/**
 * Working days that have fully passed after the Baku day of `from`, up to
 * and including the Baku day of `to`: a submission made on Friday evening
 * has waited 1 working day on Monday and 0 on Friday itself. Never negative:
 * a `to` before `from` (a clock behind the server's) counts as no time.
 */
export function workingDaysBetween(
  fromInstantIso: string,
  toInstantIso: string,
  calendar: WorkingCalendar,
): number {
  const from = bakuDayNumber(fromInstantIso, 'from');
  const to = bakuDayNumber(toInstantIso, 'to');
  return countWorkingDays(from, to, calendar);
}

/** The largest count addWorkingDays takes; about 40 years, far past any legal limit. */
export const MAX_WORKING_DAYS = 10_000;

/**
 * The date (yyyy-mm-dd) that is the n-th working day after `dateIso`; n = 0
 * gives `dateIso` itself, even when it is a day off.
 */
export function addWorkingDays(
  dateIso: string,
  n: number,
  calendar: WorkingCalendar,
): string {
  const start = parseDate(dateIso, 'date');
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid number of working days', [
      { path: 'n', message: `Expected a whole number from 0 to ${MAX_WORKING_DAYS}` },
    ]);
  }
  return formatDate(nthWorkingDayAfter(start, n, calendar));
}

/** Where a submission stands against the operator's review limit. */
export type ReviewDeadline = {
  /** The last Baku date (yyyy-mm-dd) on which the review is on time. */
  deadline: string;
  /** Working days passed since the day of submission, up to and including today. */
  workingDaysWaited: number;
  /** Today (in Baku) is past the deadline. */
  isOverdue: boolean;
  /** Working days left after today; 0 on the deadline day and after it. */
  workingDaysLeft: number;
  /**
   * False when a day from the submission to the deadline or to now falls in a
   * year the calendar lists no holidays for, so a holiday may have been
   * counted as a working day: the screen should say the figures are a guess.
   */
  isCalendarComplete: boolean;
};

/** The operator's review limit in working days (2025 Law "On state services"). */
export const REVIEW_LIMIT_WORKING_DAYS = 7;

/** The review deadline of a submission made at `submittedAtIso`, as it stands at `now`. */
export function reviewDeadline(
  submittedAtIso: string,
  calendar: WorkingCalendar,
  options: { now: string; limit?: number },
): ReviewDeadline {
  const submitted = bakuDayNumber(submittedAtIso, 'submittedAt');
  const today = bakuDayNumber(options.now, 'now');
  const limit = options.limit ?? REVIEW_LIMIT_WORKING_DAYS;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_WORKING_DAYS) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid review limit', [
      { path: 'limit', message: `Expected a whole number from 1 to ${MAX_WORKING_DAYS}` },
    ]);
  }

  const deadline = nthWorkingDayAfter(submitted, limit, calendar);
  const workingDaysWaited = countWorkingDays(submitted, today, calendar);
  const lastDay = Math.max(deadline, today);
  return {
    deadline: formatDate(deadline),
    workingDaysWaited,
    isOverdue: today > deadline,
    workingDaysLeft: Math.max(0, limit - workingDaysWaited),
    isCalendarComplete: coversDays(submitted, lastDay, calendar),
  };
}

const BAKU_OFFSET_MS = 4 * 3_600_000;

function parseDate(dateIso: string, path: string): number {
  const parsed = isoDateSchema.safeParse(dateIso);
  const day = parsed.success ? dayNumber(parsed.data) : NaN;
  if (!Number.isFinite(day) || formatDate(day) !== dateIso) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid date', [
      { path, message: `Expected a calendar date as yyyy-mm-dd, got "${dateIso}"` },
    ]);
  }
  return day;
}

function bakuDayNumber(instantIso: string, path: string): number {
  const parsed = isoDateTimeSchema.safeParse(instantIso);
  const ms = parsed.success ? Date.parse(parsed.data) : NaN;
  if (!Number.isFinite(ms)) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid instant', [
      {
        path,
        message: `Expected an ISO date-time with an offset, got "${instantIso}"`,
      },
    ]);
  }
  return dayAtOffset(ms, BAKU_OFFSET_MS);
}

function isWorking(day: number, calendar: WorkingCalendar): boolean {
  const date = formatDate(day);
  if (calendar.nonWorkingDays.has(date)) return false;
  return !isWeekend(day) || calendar.workingWeekendDays.has(date);
}

function countWorkingDays(from: number, to: number, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) {
    if (isWorking(day, calendar)) count += 1;
  }
  return count;
}

function nthWorkingDayAfter(start: number, n: number, calendar: WorkingCalendar): number {
  let day = start;
  for (let found = 0; found < n;) {
    day += 1;
    if (isWorking(day, calendar)) found += 1;
  }
  return day;
}

function coversDays(from: number, to: number, calendar: WorkingCalendar): boolean {
  const firstYear = Number(formatDate(from).slice(0, 4));
  const lastYear = Number(formatDate(to).slice(0, 4));
  for (let year = firstYear; year <= lastYear; year += 1) {
    if (!calendar.coveredYears.has(year)) return false;
  }
  return true;
}
