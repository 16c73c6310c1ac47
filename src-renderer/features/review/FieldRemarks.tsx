import { observer } from 'mobx-react-lite';
import type { ServiceField } from '../../../shared/domain/service-record';
import { useStores } from '../../app/stores-context';
import { useTranslate } from '../../ui/use-translate';

/** The remarks the reviewer is writing on one field, and the button to add one. */
export const FieldRemarks = observer(function FieldRemarks(props: {
  field: ServiceField;
  canRemark: boolean;
}) {
  const { review } = useStores();
  const { t } = useTranslate();
  const fieldTitle = t(`record.${props.field}.title`);
  const remarks = review.remarksFor(props.field);
  const showEmpty = review.hasTriedDecide;

  return (
    <div className="field-remarks">
      {remarks.map((remark, index) => {
        const id = `remark-${remark.key}`;
        const isEmpty = showEmpty && remark.text.trim() === '';
        return (
          <div key={remark.key} className="field field-wide remark-draft">
            <label htmlFor={id}>
              {t('review.remarkOn', { field: fieldTitle, number: index + 1 })}
            </label>
            <textarea
              id={id}
              rows={2}
              value={remark.text}
              aria-invalid={isEmpty}
              onChange={(event) => review.setRemarkText(remark.key, event.target.value)}
            />
            {isEmpty && <p className="field-errors">{t('review.remarkEmpty')}</p>}
            <button type="button" onClick={() => review.removeRemark(remark.key)}>
              {t('review.removeRemark', { field: fieldTitle })}
            </button>
          </div>
        );
      })}
      {props.canRemark && (
        <button type="button" onClick={() => focusRemark(review.addRemark(props.field))}>
          {t('review.addRemark', { field: fieldTitle })}
        </button>
      )}
    </div>
  );
});

/** Moves focus into a remark box once React has drawn it. */
export function focusRemark(key: number): void {
  requestAnimationFrame(() => document.getElementById(`remark-${key}`)?.focus());
}
