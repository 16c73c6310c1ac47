import { observer } from 'mobx-react-lite';
import type { ServiceNameReview } from '../../../shared/contract/review-views';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { DecisionNotice } from './DecisionNotice';
import { ReviewClockText } from './ReviewClockText';

/** A proposed service name, the existing names it resembles, and the decision. */
export const NameReviewPane = observer(function NameReviewPane({
  review: detail,
}: {
  review: ServiceNameReview;
}) {
  const { review, reference } = useStores();
  const { t, language } = useTranslate();
  const { serviceName } = detail;
  const canDecide = review.canDecide;
  const reasonMissing = review.hasTriedDecide && review.reason.trim() === '';

  return (
    <article className="review-detail" aria-labelledby="review-detail-title">
      <header>
        <h2 id="review-detail-title">{serviceName.name}</h2>
        <p className="muted">
          {t('review.kind.serviceName')} ·{' '}
          {reference.agencyName(serviceName.agencyId, language, detail.agencyName)}
        </p>
        {detail.clock && <ReviewClockText clock={detail.clock} />}
      </header>
      {serviceName.aliases.length > 0 && (
        <p>
          {t('names.aliases')}: {serviceName.aliases.join(' · ')}
        </p>
      )}
      <DecisionNotice
        state={detail.decision.state}
        entryId={detail.decision.entryId}
        refusal={detail.refusal}
      />
      {detail.similar.length > 0 ? (
        <section className="notice notice-warn" aria-labelledby="similar-title">
          <h3 id="similar-title">{t('review.similarTitle')}</h3>
          <ul>
            {detail.similar.map((match) => (
              <li key={match.id}>
                {match.name} <span className="muted">({match.agencyName})</span> —{' '}
                {t('review.similarScore', { score: Math.round(match.score * 100) })}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="muted">{t('review.noSimilar')}</p>
      )}
      {canDecide && (
        <div className="field field-wide">
          <label htmlFor="reject-reason">{t('review.rejectReason')}</label>
          <textarea
            id="reject-reason"
            rows={3}
            value={review.reason}
            aria-invalid={reasonMissing}
            onChange={(event) => review.setReason(event.target.value)}
          />
          {reasonMissing && <p className="field-errors">{t('review.reasonMissing')}</p>}
        </div>
      )}
      <ErrorNotice error={review.decideError} />
      <div className="review-actions">
        <button
          type="button"
          className="primary"
          disabled={!canDecide}
          onClick={() => void review.approve()}
        >
          {t('review.approveName')}
        </button>
        <button type="button" disabled={!canDecide} onClick={() => void review.reject()}>
          {t('review.rejectName')}
        </button>
      </div>
    </article>
  );
});
