import { observer } from 'mobx-react-lite';
import type { ReactNode } from 'react';
import type { ServiceField } from '../../../shared/domain/service-record';
import { useStores } from '../../app/stores-context';
import { FieldErrors } from '../../ui/Field';
import { useTranslate } from '../../ui/use-translate';

/** One field of the record: its title, the reviewer's remarks on it, its own errors, its inputs. */
export const Section = observer(function Section(props: {
  field: ServiceField;
  /** The field is one input that shows its own errors; the section must not repeat them. */
  isSingleInput?: boolean;
  children: ReactNode;
}) {
  const { editor } = useStores();
  const { t } = useTranslate();
  const titleId = `section-${props.field}`;
  const remarks = editor.remarksFor(props.field);
  return (
    <section className="editor-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`record.${props.field}.title`)}</h2>
      {remarks.map((remark) => (
        <div key={`${remark.field}:${remark.text}`} className="remark" role="note">
          <strong>{t('editor.remark')}</strong>
          {remark.field !== props.field && <code> {remark.field}</code>}: {remark.text}
        </div>
      ))}
      {!props.isSingleInput && <FieldErrors errors={editor.errorsAt(props.field)} />}
      {props.children}
    </section>
  );
});

/** A list item's frame: its number, its fields, and a remove button named after it. */
export function ItemCard(props: {
  title: string;
  onRemove: () => void;
  canEdit: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslate();
  return (
    <fieldset className="item-card">
      <legend>{props.title}</legend>
      {props.children}
      {props.canEdit && (
        <button type="button" className="danger" onClick={props.onRemove}>
          {t('editor.removeItem', { item: props.title })}
        </button>
      )}
    </fieldset>
  );
}
