import { observer } from 'mobx-react-lite';
import type { ReviewQueueItem } from '../../../shared/contract/review-views';
import { reviewKinds } from '../../../shared/contract/review-views';
import { useStores } from '../../app/stores-context';
import { formatCount } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AgencyFilter, CategoryFilter, FilterSelect } from '../../ui/FilterSelect';
import { useTranslate } from '../../ui/use-translate';

/** The queue's filters and its items, oldest submission first. */
export const ReviewQueueList = observer(function ReviewQueueList() {
  const { review } = useStores();
  const { t, language } = useTranslate();

  const handleKind = (value: string) =>
    review.setKind(reviewKinds.find((kind) => kind === value) ?? null);

  return (
    <div className="review-queue">
      <div className="filters" role="search" aria-label={t('review.filters')}>
        <AgencyFilter
          id="review-agency"
          value={review.agencyId}
          onChange={(id) => review.setAgency(id)}
        />
        <CategoryFilter
          id="review-category"
          value={review.category}
          onChange={(code) => review.setCategory(code)}
        />
        <FilterSelect
          id="review-kind"
          label={t('review.kindFilter')}
          value={review.kind}
          options={reviewKinds.map((kind) => ({
            value: kind,
            label: t(`review.kind.${kind}`),
          }))}
          onChange={(value) => handleKind(value ?? '')}
        />
      </div>
      <p className="muted" aria-live="polite">
        {review.hasLoaded
          ? t('review.queueCount', {
              n: review.total,
              total: formatCount(review.total, language),
            })
          : t('common.loading')}
        {review.overdueCount > 0 &&
          ` · ${t('review.overdueCount', { n: review.overdueCount })}`}
      </p>
      <ErrorNotice error={review.loadError} />
      {review.hasLoaded && review.rows.length === 0 && <p>{t('review.empty')}</p>}
      <ol className="review-items" aria-label={t('review.queue')}>
        {review.rows.map((row) => (
          <QueueItem key={row.id} row={row} />
        ))}
      </ol>
    </div>
  );
});

const QueueItem = observer(function QueueItem({ row }: { row: ReviewQueueItem }) {
  const { review, reference } = useStores();
  const { t, language } = useTranslate();
  const isSelected = review.selectedId === row.id;
  const agency = reference.agencyName(row.agencyId, language, row.agencyName);
  return (
    <li>
      <button
        type="button"
        className={`review-item${row.clock.isOverdue ? ' is-overdue' : ''}`}
        aria-current={isSelected ? 'true' : undefined}
        onClick={() => void review.select(row)}
      >
        <span className="review-item-label">{row.label}</span>
        <span className="muted">
          {agency} · {t(`review.kind.${row.kind}`)}
          {row.submissionNo > 1 &&
            ` · ${t('review.resubmission', { number: row.submissionNo })}`}
        </span>
        <span className={row.clock.isOverdue ? 'badge badge-warn' : 'badge'}>
          {row.clock.isOverdue
            ? t('review.overdue', { days: row.clock.workingDaysWaited })
            : t('review.waited', { days: row.clock.workingDaysWaited })}
        </span>
        {row.decisionState !== 'none' && (
          <span className={`badge decision-${row.decisionState}`}>
            {t(`review.decisionState.${row.decisionState}`)}
          </span>
        )}
      </button>
    </li>
  );
});
