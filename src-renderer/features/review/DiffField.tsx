import { observer } from 'mobx-react-lite';
import type { ServiceRecord } from '../../../shared/domain/service-record';
import type { FieldDiff, ItemDiff } from '../../../shared/review/record-diff';
import { useStores } from '../../app/stores-context';
import { useTranslate } from '../../ui/use-translate';
import { FieldRemarks } from './FieldRemarks';
import { itemText, valueLines } from './value-text';
import type { TextContext } from './value-text';

/** One field of the submission beside the approved version, marked when it changed. */
export const DiffField = observer(function DiffField(props: {
  diff: FieldDiff;
  before: ServiceRecord | null;
  after: ServiceRecord;
  canRemark: boolean;
}) {
  const { reference } = useStores();
  const { t, language } = useTranslate();
  const { diff } = props;
  const ctx: TextContext = {
    t: (key, values) => t(key, values ?? {}),
    language,
    categoryName: (code) => reference.categoryName(code, language),
  };
  const titleId = `diff-${diff.field}`;
  const isChanged = diff.status !== 'unchanged';

  return (
    <section
      className={`diff-field diff-${diff.status}`}
      aria-labelledby={titleId}
      data-field={diff.field}
    >
      <h3 id={titleId}>
        {t(`record.${diff.field}.title`)}{' '}
        {isChanged && (
          <span className={`badge diff-badge-${diff.status}`}>
            {t(`review.diff.${diff.status}`)}
          </span>
        )}
      </h3>
      {diff.items ? (
        <ul className="diff-items">
          {diff.items.map((item) => (
            <DiffItem
              key={`${item.key}:${item.status}`}
              item={item}
              field={diff}
              ctx={ctx}
            />
          ))}
          {diff.items.length === 0 && <li className="muted">{t('review.value.none')}</li>}
        </ul>
      ) : (
        <div className="diff-columns">
          <Column
            title={t('review.before')}
            lines={valueLines(diff.field, props.before, ctx)}
            isStruck={isChanged && props.before !== null}
          />
          <Column
            title={t('review.after')}
            lines={valueLines(diff.field, props.after, ctx)}
            isStruck={false}
          />
        </div>
      )}
      {diff.changedPaths && diff.changedPaths.length > 0 && (
        <p className="muted">
          {t('review.changedParts', { paths: diff.changedPaths.join(', ') })}
        </p>
      )}
      <FieldRemarks field={diff.field} canRemark={props.canRemark} />
    </section>
  );
});

function Column(props: { title: string; lines: string[]; isStruck: boolean }) {
  const { t } = useTranslate();
  return (
    <figure className="diff-column">
      <figcaption>{props.title}</figcaption>
      {props.lines.length === 0 ? (
        <p className="muted">{t('review.value.none')}</p>
      ) : (
        props.lines.map((line) =>
          props.isStruck ? <del key={line}>{line}</del> : <p key={line}>{line}</p>,
        )
      )}
    </figure>
  );
}

function DiffItem(props: { item: ItemDiff; field: FieldDiff; ctx: TextContext }) {
  const { t } = useTranslate();
  const { item, field, ctx } = props;
  const after = item.after === null ? null : itemText(field.field, item.after, ctx);
  const before = item.before === null ? null : itemText(field.field, item.before, ctx);
  return (
    <li className={`diff-item diff-${item.status}`}>
      {item.status !== 'unchanged' && (
        <span className={`badge diff-badge-${item.status}`}>
          {t(`review.diff.${item.status}`)}
        </span>
      )}
      {item.isMoved && <span className="badge">{t('review.diff.moved')}</span>}
      {item.status === 'changed' && before !== null && before !== after && (
        <del>{before}</del>
      )}
      {item.status === 'removed' ? <del>{before}</del> : <span>{after}</span>}
      {item.changedPaths.length > 0 && (
        <span className="muted"> ({item.changedPaths.join(', ')})</span>
      )}
    </li>
  );
}
