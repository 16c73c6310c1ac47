import { observer } from 'mobx-react-lite';
import type { DecisionState } from '../../../shared/contract/review-views';
import type { ErrorBody } from '../../../shared/errors';
import { useStores } from '../../app/stores-context';
import { useTranslate } from '../../ui/use-translate';

/** Where this desktop's decision stands, and what to do when the server found it stale. */
export const DecisionNotice = observer(function DecisionNotice(props: {
  state: DecisionState;
  entryId: number | null;
  refusal: ErrorBody | null;
}) {
  const { review } = useStores();
  const { t } = useTranslate();
  if (props.state === 'conflict' && props.entryId !== null) {
    const entryId = props.entryId;
    return (
      <div className="notice notice-warn" role="alert">
        <p>{t('review.staleDecision')}</p>
        <button type="button" onClick={() => void review.dismissStale(entryId)}>
          {t('review.reviewAgain')}
        </button>
      </div>
    );
  }
  if (props.state !== 'none') {
    return (
      <p className="notice" role="status">
        {t(`review.decisionNotice.${props.state}`)}
      </p>
    );
  }
  if (props.refusal && props.refusal.code !== 'ILLEGAL_TRANSITION') {
    return (
      <p className="notice notice-warn" role="status">
        {t(`errors.codes.${props.refusal.code}`)}
      </p>
    );
  }
  return null;
});
