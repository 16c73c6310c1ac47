import type { CalendarDayInput, CalendarDayKind } from './working-days';
import { buildWorkingCalendar } from './working-days';

/**
 * Azerbaijan's days off for 2024–2027, as shipped until an administrator
 * loads the list of the year. Sources: Labour Code art. 105 (fixed holidays;
 * 12 November and 17 November are holidays but working days, art. 105.2),
 * the Cabinet's yearly decisions on the Novruz, Ramadan and Gurban dates and
 * on swapping working and rest days, and the Ministry of Labour's production
 * calendars for 2024, 2025 and 2026, which the lists below match. 2027 has
 * not been announced: see the notes there. This is data, not law: when the
 * Cabinet announces a date or a swap, the administrator's list corrects it.
 */

const day =
  (kind: CalendarDayKind) =>
  (date: string, name: string, note = ''): CalendarDayInput => ({
    date,
    kind,
    name,
    note,
  });
const holiday = day('holiday');
const mourning = day('mourningDay');
const election = day('electionDay');
const moved = day('transferredDayOff');
const cabinetOff = day('cabinetDayOff');
const cabinetWorking = day('cabinetWorkingDay');

const newYear = 'Yeni il bayramı';
const mourningDay = 'Ümumxalq Hüzn Günü';
const womensDay = 'Qadınlar Günü';
const novruz = 'Novruz bayramı';
const ramadan = 'Ramazan bayramı';
const gurban = 'Qurban bayramı';
const victoryOverFascism = 'Faşizm üzərində Qələbə Günü';
const independence = 'Müstəqillik Günü';
const salvation = 'Azərbaycan xalqının Milli Qurtuluş Günü';
const armedForces = 'Silahlı Qüvvələr Günü';
const victory = 'Zəfər Günü';
const flag = 'Dövlət Bayrağı Günü';
const solidarity = 'Dünya Azərbaycanlılarının Həmrəyliyi Günü';

const novruzDays = (year: number) =>
  [20, 21, 22, 23, 24].map((date) => holiday(`${year}-03-${date}`, novruz));

const days2024: CalendarDayInput[] = [
  holiday('2024-01-01', newYear),
  holiday('2024-01-02', newYear),
  // Cabinet decision No. 447 of 9 December 2023 swapped 30 and 31 December
  // 2023 and 7 January 2024 with 3, 4 and 5 January 2024; the working
  // Saturday 30 December 2023 lies before this list begins.
  cabinetOff('2024-01-03', 'Yeni il tətili'),
  cabinetOff('2024-01-04', 'Yeni il tətili'),
  cabinetOff('2024-01-05', 'Yeni il tətili'),
  cabinetWorking('2024-01-07', 'İş günü (5 yanvarla dəyişdirilib)'),
  mourning('2024-01-20', mourningDay, 'A Saturday; a day of mourning is not moved'),
  election('2024-02-07', 'Prezident seçkiləri günü'),
  holiday('2024-03-08', womensDay),
  ...novruzDays(2024),
  moved('2024-03-25', novruz),
  moved('2024-03-26', novruz),
  cabinetWorking('2024-04-06', 'İş günü (12 aprellə dəyişdirilib)'),
  holiday('2024-04-10', ramadan),
  holiday('2024-04-11', ramadan),
  cabinetOff('2024-04-12', ramadan),
  holiday('2024-05-09', victoryOverFascism),
  holiday('2024-05-28', independence),
  holiday('2024-06-15', salvation),
  holiday('2024-06-16', gurban),
  holiday('2024-06-17', gurban),
  moved('2024-06-18', salvation),
  moved('2024-06-19', gurban),
  holiday('2024-06-26', armedForces),
  holiday('2024-11-08', victory),
  holiday('2024-11-09', flag),
  moved('2024-11-11', flag),
  // Swapped for the COP29 conference in Baku.
  cabinetOff('2024-11-12', 'COP29'),
  cabinetOff('2024-11-13', 'COP29'),
  cabinetWorking('2024-11-16', 'İş günü (12 noyabrla dəyişdirilib)'),
  cabinetWorking('2024-11-23', 'İş günü (13 noyabrla dəyişdirilib)'),
  cabinetWorking('2024-12-28', 'İş günü (30 dekabrla dəyişdirilib)'),
  cabinetWorking('2024-12-29', 'İş günü (3 yanvarla dəyişdirilib)'),
  cabinetOff('2024-12-30', 'Yeni il tətili'),
  holiday('2024-12-31', solidarity),
];

const days2025: CalendarDayInput[] = [
  holiday('2025-01-01', newYear),
  holiday('2025-01-02', newYear),
  cabinetOff('2025-01-03', 'Yeni il tətili'),
  mourning('2025-01-20', mourningDay),
  election('2025-01-29', 'Bələdiyyə seçkiləri günü'),
  holiday('2025-03-08', womensDay),
  // The Labour Code moved 8 March to 10 March and Ramadan's Sunday to
  // 1 April; the Cabinet then swapped both for 27 and 28 March, so that
  // 20–31 March were all off.
  moved('2025-03-10', womensDay),
  cabinetWorking('2025-03-10', 'İş günü (27 martla dəyişdirilib)'),
  ...novruzDays(2025),
  moved('2025-03-25', novruz),
  moved('2025-03-26', novruz),
  cabinetOff('2025-03-27', 'Novruz və Ramazan tətili'),
  cabinetOff('2025-03-28', 'Novruz və Ramazan tətili'),
  holiday('2025-03-30', ramadan),
  holiday('2025-03-31', ramadan),
  moved('2025-04-01', ramadan),
  cabinetWorking('2025-04-01', 'İş günü (28 martla dəyişdirilib)'),
  holiday('2025-05-09', victoryOverFascism),
  holiday('2025-05-28', independence),
  holiday('2025-06-06', gurban),
  holiday('2025-06-07', gurban),
  moved('2025-06-09', gurban),
  holiday('2025-06-15', salvation),
  moved('2025-06-16', salvation),
  holiday('2025-06-26', armedForces),
  holiday('2025-11-08', victory),
  holiday('2025-11-09', flag),
  moved('2025-11-10', victory),
  moved('2025-11-11', flag),
  holiday('2025-12-31', solidarity),
];

// Cabinet decision No. 362 of 2 December 2025 and the production calendar:
// Ramadan falls within Novruz, so art. 105.6 adds 27 and 30 March, and
// Gurban meets Independence Day on 28 May, which adds 29 May.
const days2026: CalendarDayInput[] = [
  holiday('2026-01-01', newYear),
  holiday('2026-01-02', newYear),
  mourning('2026-01-20', mourningDay),
  holiday('2026-03-08', womensDay),
  moved('2026-03-09', womensDay),
  ...novruzDays(2026),
  holiday('2026-03-20', ramadan),
  holiday('2026-03-21', ramadan),
  moved('2026-03-25', novruz),
  moved('2026-03-26', novruz),
  moved('2026-03-27', ramadan),
  moved('2026-03-30', ramadan),
  holiday('2026-05-09', victoryOverFascism),
  moved('2026-05-11', victoryOverFascism),
  holiday('2026-05-27', gurban),
  holiday('2026-05-28', gurban),
  holiday('2026-05-28', independence),
  moved('2026-05-29', gurban),
  holiday('2026-06-15', salvation),
  holiday('2026-06-26', armedForces),
  holiday('2026-11-08', victory),
  holiday('2026-11-09', flag),
  moved('2026-11-10', victory),
  holiday('2026-12-31', solidarity),
];

// Not announced when this list was written: the Cabinet fixes the Bayram
// dates in December of the year before, from the Caucasian Muslims Board's
// moon sighting, and announces swaps later still. The fixed holidays and
// their moves follow the Labour Code; the Bayram dates are astronomical
// estimates (one lunar year after 2026) and may be a day off either way.
const estimated = 'Estimated; the Cabinet has not announced the 2027 date';
const days2027: CalendarDayInput[] = [
  holiday('2027-01-01', newYear),
  holiday('2027-01-02', newYear),
  moved('2027-01-04', newYear),
  mourning('2027-01-20', mourningDay),
  holiday('2027-03-08', womensDay),
  holiday('2027-03-09', ramadan, estimated),
  holiday('2027-03-10', ramadan, estimated),
  ...novruzDays(2027),
  moved('2027-03-25', novruz),
  moved('2027-03-26', novruz),
  holiday('2027-05-09', victoryOverFascism),
  moved('2027-05-10', victoryOverFascism),
  holiday('2027-05-16', gurban, estimated),
  holiday('2027-05-17', gurban, estimated),
  moved('2027-05-18', gurban, estimated),
  holiday('2027-05-28', independence),
  holiday('2027-06-15', salvation),
  holiday('2027-06-26', armedForces),
  moved('2027-06-28', armedForces),
  holiday('2027-11-08', victory),
  holiday('2027-11-09', flag),
  holiday('2027-12-31', solidarity),
];

/** The shipped days off and Cabinet swaps for 2024–2027, in date order. */
export const azerbaijanCalendarDays: readonly CalendarDayInput[] = [
  ...days2024,
  ...days2025,
  ...days2026,
  ...days2027,
];

/** Azerbaijan's working calendar built from the shipped data. */
export const azerbaijanCalendar = buildWorkingCalendar(azerbaijanCalendarDays);
