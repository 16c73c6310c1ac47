import type { Knex } from 'knex';
import type {
  DecisionState,
  ReviewClock,
  ReviewQueue,
  ReviewQueueQuery,
} from '../../shared/contract/review-views';
import { azerbaijanCalendar } from '../../shared/calendar/az-holidays';
import { reviewDeadline } from '../../shared/calendar/working-days';
import { decisionEntries, queuePage } from '../local-store/review-queue-queries';

/** Where a submission made at `submittedAt` stands against the 7-working-day limit, now. */
export function reviewClock(submittedAt: string, now: string): ReviewClock {
  const { deadline, workingDaysWaited, workingDaysLeft, isOverdue, isCalendarComplete } =
    reviewDeadline(submittedAt, azerbaijanCalendar, { now });
  return {
    submittedAt,
    deadline,
    workingDaysWaited,
    workingDaysLeft,
    isOverdue,
    isCalendarComplete,
  };
}

/** What this desktop's newest decision on the current submission has come to. */
export function decisionStateOf(
  entries: ReadonlyArray<{ state: string; submissionNo: number | null }>,
  submissionNo: number,
): DecisionState {
  const own = entries.filter((entry) => entry.submissionNo === submissionNo).at(-1);
  switch (own?.state) {
    case undefined:
      return 'none';
    case 'pending':
    case 'sending':
      return 'pending';
    case 'applied':
      return 'sent';
    case 'conflict':
      return 'conflict';
    default:
      return 'rejected';
  }
}

/** One page of the reviewer's queue with each item's clock and decision state. */
export async function reviewQueue(
  db: Knex,
  query: ReviewQueueQuery,
  now = new Date().toISOString(),
): Promise<ReviewQueue> {
  const { total, rows } = await queuePage(db, query);
  const entries = await decisionEntries(
    db,
    rows.map((row) => row.id),
  );
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      clock: reviewClock(row.submittedAt, now),
      decisionState: decisionStateOf(
        entries.filter((entry) => entry.entityId === row.id),
        row.submissionNo,
      ),
    })),
  };
}
