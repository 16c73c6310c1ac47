import { describe, expect, it } from 'vitest';
import { labourCodeTransfers } from './labour-code';
import type { CalendarDay, CalendarDayKind } from './working-days';

function entry(date: string, kind: CalendarDayKind = 'holiday'): CalendarDay {
  return { date, kind, name: 'test', note: '' };
}

describe('labourCodeTransfers', () => {
  it('moves a Saturday holiday to the Monday after it', () => {
    // 8 March 2025 was a Saturday.
    expect(labourCodeTransfers([entry('2025-03-08')])).toEqual(['2025-03-10']);
  });

  it('moves weekend days inside a run of holidays to the working days after the run', () => {
    const novruz2025 = ['20', '21', '22', '23', '24'].map((d) => entry(`2025-03-${d}`));

    expect(labourCodeTransfers(novruz2025)).toEqual(['2025-03-25', '2025-03-26']);
  });

  it('gives one more day off for each holiday sharing a date with another', () => {
    // 2026: Gurban on 27–28 May meets Independence Day on 28 May.
    const days = [entry('2026-05-27'), entry('2026-05-28'), entry('2026-05-28')];

    expect(labourCodeTransfers(days)).toEqual(['2026-05-29']);
  });

  it('skips the weekend between the run and the days it owes', () => {
    // 2026: Ramadan (20–21 March) within Novruz (20–24 March), 21–22 a weekend.
    const days = [
      ...['20', '21', '22', '23', '24'].map((d) => entry(`2026-03-${d}`)),
      entry('2026-03-20'),
      entry('2026-03-21'),
    ];

    expect(labourCodeTransfers(days)).toEqual([
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-30',
    ]);
  });

  it('carries a day owed by 31 December into the next year', () => {
    expect(labourCodeTransfers([entry('2023-12-31')])).toEqual(['2024-01-01']);
  });

  it('does not move a day of mourning or a voting day that falls on a weekend', () => {
    const days = [entry('2024-01-20', 'mourningDay'), entry('2024-09-01', 'electionDay')];

    expect(labourCodeTransfers(days)).toEqual([]);
  });

  it('moves nothing for holidays on weekdays', () => {
    expect(labourCodeTransfers([entry('2025-05-09'), entry('2025-05-28')])).toEqual([]);
  });
});
