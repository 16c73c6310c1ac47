import { observer } from 'mobx-react-lite';
import {
  audiences,
  interactivities,
  serviceKinds,
  serviceTypes,
} from '../../../shared/domain/service-record';
import { useStores } from '../../app/stores-context';
import { CheckGroup, EnumSelect } from '../../ui/EnumSelect';
import { Field, FieldErrors } from '../../ui/Field';
import { useTranslate } from '../../ui/use-translate';
import { NumberInput, TextInput } from './inputs';
import { Section } from './Section';

/** Description, classification, kind, type, interactivity, audiences and degrees. */
export const GeneralSections = observer(function GeneralSections() {
  const { editor, reference } = useStores();
  const { t, language } = useTranslate();
  const record = editor.record;
  const categoryCodes = reference.sortedCategories.map((category) => category.code);
  // A record may name a category this desktop does not know yet; keep it visible.
  const unknownCodes = record.categories.filter((code) => !categoryCodes.includes(code));

  return (
    <>
      <Section field="description" isSingleInput>
        <TextInput
          label={t('record.description.label')}
          path="description"
          multiline
          value={record.description}
          onChange={(value) => editor.setField('description', value)}
          hint={t('record.description.hint', { count: record.description.trim().length })}
        />
      </Section>
      <Section field="categories">
        <CheckGroup
          legend={t('record.categories.label')}
          labels="category"
          values={[...categoryCodes, ...unknownCodes]}
          selected={record.categories}
          labelOf={(code) => reference.categoryName(code, language)}
          disabled={!editor.canEdit}
          onChange={(selected) => editor.setField('categories', selected)}
          errors={<FieldErrors errors={editor.errorsBelow('categories')} />}
        />
      </Section>
      <Section field="kind" isSingleInput>
        <Field label={t('record.kind.label')}>
          {(control) => (
            <EnumSelect
              control={control}
              labels="serviceKind"
              values={serviceKinds}
              value={record.kind}
              disabled={!editor.canEdit}
              onChange={(value) => editor.setField('kind', value)}
            />
          )}
        </Field>
      </Section>
      <Section field="type" isSingleInput>
        <Field label={t('record.type.label')}>
          {(control) => (
            <EnumSelect
              control={control}
              labels="serviceType"
              values={serviceTypes}
              value={record.type}
              disabled={!editor.canEdit}
              onChange={(value) => editor.setField('type', value)}
            />
          )}
        </Field>
      </Section>
      <Section field="interactivity" isSingleInput>
        <Field label={t('record.interactivity.label')}>
          {(control) => (
            <EnumSelect
              control={control}
              labels="interactivity"
              values={interactivities}
              value={record.interactivity}
              disabled={!editor.canEdit}
              onChange={(value) => editor.setField('interactivity', value)}
            />
          )}
        </Field>
      </Section>
      <Section field="audiences">
        <CheckGroup
          legend={t('record.audiences.label')}
          labels="audience"
          values={audiences}
          selected={record.audiences}
          disabled={!editor.canEdit}
          onChange={(selected) => editor.setField('audiences', selected)}
        />
      </Section>
      <Section field="electronificationDegree" isSingleInput>
        <NumberInput
          label={t('record.electronificationDegree.label')}
          path="electronificationDegree"
          value={record.electronificationDegree}
          isRequired
          onChange={(value) => editor.setField('electronificationDegree', value ?? 0)}
        />
      </Section>
      <Section field="automationDegree" isSingleInput>
        <NumberInput
          label={t('record.automationDegree.label')}
          path="automationDegree"
          value={record.automationDegree}
          isRequired
          onChange={(value) => editor.setField('automationDegree', value ?? 0)}
        />
      </Section>
    </>
  );
});
