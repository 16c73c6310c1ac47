import type { ReviewClock } from '../../../shared/contract/review-views';
import { formatDateTime } from '../../i18n/format';
import { useTranslate } from '../../ui/use-translate';

/** Since when a submission waits, and how it stands against the 7-working-day limit. */
export function ReviewClockText({ clock }: { clock: ReviewClock }) {
  const { t, language } = useTranslate();
  return (
    <p className={clock.isOverdue ? 'review-clock is-overdue' : 'review-clock'}>
      {t('review.submittedAt', { time: formatDateTime(clock.submittedAt, language) })} ·{' '}
      {clock.isOverdue
        ? t('review.overdueSince', { deadline: clock.deadline })
        : t('review.daysLeft', {
            n: clock.workingDaysLeft,
            deadline: clock.deadline,
          })}
      {!clock.isCalendarComplete && ` · ${t('review.calendarIncomplete')}`}
    </p>
  );
}
