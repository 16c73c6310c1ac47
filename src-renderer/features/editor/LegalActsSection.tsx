import { observer } from 'mobx-react-lite';
import { legalActKinds } from '../../../shared/domain/service-record';
import { useStores } from '../../app/stores-context';
import { EnumSelect } from '../../ui/EnumSelect';
import { Field } from '../../ui/Field';
import { useTranslate } from '../../ui/use-translate';
import { TextInput } from './inputs';
import { ItemCard, Section } from './Section';

/** The legal acts the service rests on, each with its kind, number, date, title, article and link. */
export const LegalActsSection = observer(function LegalActsSection() {
  const { editor } = useStores();
  const { t } = useTranslate();
  return (
    <Section field="legalActs">
      {editor.record.legalActs.map((act, index) => {
        const path = `legalActs.${index}`;
        const patch = (change: Partial<typeof act>) =>
          editor.patchItem('legalActs', index, change);
        return (
          <ItemCard
            key={act.id}
            title={t('record.legalActs.item', { number: index + 1 })}
            canEdit={editor.canEdit}
            onRemove={() => editor.removeItem('legalActs', index)}
          >
            <div className="field-grid">
              <Field
                label={t('record.legalActs.kind')}
                errors={editor.errorsAt(`${path}.kind`)}
              >
                {(control) => (
                  <EnumSelect
                    control={control}
                    labels="legalActKind"
                    values={legalActKinds}
                    value={act.kind}
                    disabled={!editor.canEdit}
                    onChange={(kind) => patch({ kind })}
                  />
                )}
              </Field>
              <TextInput
                label={t('record.legalActs.number')}
                path={`${path}.number`}
                value={act.number}
                onChange={(number) => patch({ number })}
              />
              <TextInput
                label={t('record.legalActs.date')}
                path={`${path}.date`}
                type="date"
                value={act.date}
                onChange={(date) => patch({ date })}
              />
              <TextInput
                label={t('record.legalActs.article')}
                path={`${path}.article`}
                value={act.article}
                onChange={(article) => patch({ article })}
              />
            </div>
            <TextInput
              label={t('record.legalActs.actTitle')}
              path={`${path}.title`}
              value={act.title}
              onChange={(title) => patch({ title })}
            />
            <TextInput
              label={t('record.legalActs.url')}
              path={`${path}.url`}
              type="url"
              value={act.url}
              onChange={(url) => patch({ url })}
            />
          </ItemCard>
        );
      })}
      {editor.canEdit && (
        <button type="button" onClick={() => editor.addItem('legalActs')}>
          {t('record.legalActs.add')}
        </button>
      )}
    </Section>
  );
});
