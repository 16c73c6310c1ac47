import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { reviewShortcut } from '../../stores/review-shortcuts';
import { focusRemark } from './FieldRemarks';
import { NameReviewPane } from './NameReviewPane';
import { ReviewQueueList } from './ReviewQueueList';
import { ServiceReviewPane } from './ServiceReviewPane';

function isTypingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** The reviewer's desk: the queue beside the submission open in it, worked by keyboard. */
export const ReviewScreen = observer(function ReviewScreen() {
  const { review } = useStores();
  const { t } = useTranslate();

  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      const action = reviewShortcut({
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        isTyping: isTypingIn(event.target),
      });
      if (!action) return;
      event.preventDefault();
      switch (action) {
        case 'next':
          review.next();
          break;
        case 'previous':
          review.previous();
          break;
        case 'approve':
          void review.approve();
          break;
        case 'return':
          void review.returnForCorrection();
          break;
        case 'remark': {
          const key = review.addRemarkOnFirstChange();
          if (key !== null) focusRemark(key);
          break;
        }
      }
    };
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, [review]);

  const open = review.open;
  return (
    <section aria-labelledby="review-title" className="screen review-desk">
      <h1 id="review-title">{t('review.title')}</h1>
      <p className="muted">{t('review.shortcuts')}</p>
      <div className="review-layout">
        <ReviewQueueList />
        <div className="review-pane">
          <ErrorNotice error={review.openError} />
          {open?.kind === 'service' && <ServiceReviewPane review={open.review} />}
          {open?.kind === 'serviceName' && <NameReviewPane review={open.review} />}
          {!open && !review.openError && <p className="muted">{t('review.pick')}</p>}
        </div>
      </div>
    </section>
  );
});
