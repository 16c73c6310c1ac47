import { observer } from 'mobx-react-lite';
import type { ServiceReview } from '../../../shared/contract/review-views';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { SimilarServicesNotice } from '../duplicates/SimilarServicesNotice';
import { HistoryPanel } from '../history/HistoryPanel';
import { DecisionNotice } from './DecisionNotice';
import { DiffField } from './DiffField';
import { ReviewClockText } from './ReviewClockText';

/** A service submission field by field beside its approved version, with the decision. */
export const ServiceReviewPane = observer(function ServiceReviewPane({
  review: detail,
}: {
  review: ServiceReview;
}) {
  const { review, reference } = useStores();
  const { t, language } = useTranslate();
  const { submitted, diff } = detail;
  const canDecide = review.canDecide;
  const returnProblem = review.hasTriedDecide ? review.returnProblem : null;

  return (
    <article className="review-detail" aria-labelledby="review-detail-title">
      <header>
        <h2 id="review-detail-title">{detail.label}</h2>
        <p className="muted">
          {detail.registryCode !== '' && `${detail.registryCode} · `}
          {reference.agencyName(detail.agencyId, language, detail.agencyName)}
          {submitted &&
            ` · ${t('review.submissionNo', { number: submitted.submissionNo })}`}
        </p>
        {detail.clock && <ReviewClockText clock={detail.clock} />}
      </header>
      <DecisionNotice
        state={detail.decision.state}
        entryId={detail.decision.entryId}
        refusal={detail.refusal}
      />
      {submitted && <SimilarServicesNotice serviceId={detail.serviceId} />}
      {!submitted && <p>{t('review.notInReview')}</p>}
      {submitted && diff && (
        <>
          <p className="muted">
            {diff.isFirstSubmission
              ? t('review.firstSubmission')
              : t('review.changedCount', {
                  n: diff.fields.filter((field) => field.status !== 'unchanged').length,
                })}
          </p>
          <div className="diff">
            {diff.fields.map((field) => (
              <DiffField
                key={field.field}
                diff={field}
                before={detail.published?.record ?? null}
                after={submitted.record}
                canRemark={canDecide}
              />
            ))}
          </div>
          <ErrorNotice error={review.decideError} />
          {returnProblem && (
            <p className="field-errors" role="alert">
              {t(`review.returnProblem.${returnProblem}`)}
            </p>
          )}
          <div className="review-actions">
            <button
              type="button"
              className="primary"
              disabled={!canDecide}
              onClick={() => void review.approve()}
            >
              {t('review.approve')}
            </button>
            <button
              type="button"
              disabled={!canDecide}
              onClick={() => void review.returnForCorrection()}
            >
              {t('review.return', { n: review.writtenRemarks.length })}
            </button>
          </div>
        </>
      )}
      <HistoryPanel serviceId={detail.serviceId} />
    </article>
  );
});
