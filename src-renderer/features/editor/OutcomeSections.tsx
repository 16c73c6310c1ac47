import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import { useTranslate } from '../../ui/use-translate';
import { FeeFields, ProcessingTimeFields } from './FeeFields';
import { CheckInput, TextInput } from './inputs';
import { ItemCard, Section } from './Section';

/** Fee, processing time, result and the administrative steps. */
export const OutcomeSections = observer(function OutcomeSections() {
  const { editor } = useStores();
  const { t } = useTranslate();
  const record = editor.record;
  return (
    <>
      <Section field="fee">
        <FeeFields
          path="fee"
          fee={record.fee}
          onChange={(patch) => editor.patchObject('fee', patch)}
        />
      </Section>
      <Section field="processingTime">
        <ProcessingTimeFields
          path="processingTime"
          time={record.processingTime}
          onChange={(patch) => editor.patchObject('processingTime', patch)}
        />
      </Section>
      <Section field="result">
        <TextInput
          label={t('record.result.name')}
          path="result.name"
          value={record.result.name}
          onChange={(name) => editor.patchObject('result', { name })}
        />
        <TextInput
          label={t('record.result.description')}
          path="result.description"
          multiline
          value={record.result.description}
          onChange={(description) => editor.patchObject('result', { description })}
        />
        <CheckInput
          label={t('record.result.isElectronic')}
          checked={record.result.isElectronic}
          onChange={(isElectronic) => editor.patchObject('result', { isElectronic })}
        />
      </Section>
      <Section field="steps">
        {record.steps.map((step, index) => {
          const path = `steps.${index}`;
          const patch = (change: Partial<typeof step>) =>
            editor.patchItem('steps', index, change);
          return (
            <ItemCard
              key={step.id}
              title={t('record.steps.item', { number: index + 1 })}
              canEdit={editor.canEdit}
              onRemove={() => editor.removeItem('steps', index)}
            >
              <div className="field-grid">
                <TextInput
                  label={t('record.steps.stepTitle')}
                  path={`${path}.title`}
                  value={step.title}
                  onChange={(title) => patch({ title })}
                />
                <TextInput
                  label={t('record.steps.responsible')}
                  path={`${path}.responsible`}
                  value={step.responsible}
                  onChange={(responsible) => patch({ responsible })}
                />
                <TextInput
                  label={t('record.steps.timeLimit')}
                  path={`${path}.timeLimit`}
                  value={step.timeLimit}
                  onChange={(timeLimit) => patch({ timeLimit })}
                />
              </div>
            </ItemCard>
          );
        })}
        {editor.canEdit && (
          <button type="button" onClick={() => editor.addItem('steps')}>
            {t('record.steps.add')}
          </button>
        )}
      </Section>
    </>
  );
});

/** Grounds for refusal, how to complain, and whom to contact. */
export const RecourseSections = observer(function RecourseSections() {
  const { editor } = useStores();
  const { t } = useTranslate();
  const record = editor.record;
  const grounds = record.refusalGrounds;
  return (
    <>
      <Section field="refusalGrounds">
        {grounds.map((ground, index) => (
          <ItemCard
            // Grounds are plain strings without ids; their position is their identity.
            key={index}
            title={t('record.refusalGrounds.item', { number: index + 1 })}
            canEdit={editor.canEdit}
            onRemove={() =>
              editor.setField(
                'refusalGrounds',
                grounds.filter((_, at) => at !== index),
              )
            }
          >
            <TextInput
              label={t('record.refusalGrounds.text')}
              path={`refusalGrounds.${index}`}
              multiline
              value={ground}
              onChange={(text) =>
                editor.setField(
                  'refusalGrounds',
                  grounds.map((other, at) => (at === index ? text : other)),
                )
              }
            />
          </ItemCard>
        ))}
        {editor.canEdit && (
          <button
            type="button"
            onClick={() => editor.setField('refusalGrounds', [...grounds, ''])}
          >
            {t('record.refusalGrounds.add')}
          </button>
        )}
      </Section>
      <Section field="complaintProcedure" isSingleInput>
        <TextInput
          label={t('record.complaintProcedure.label')}
          path="complaintProcedure"
          multiline
          value={record.complaintProcedure}
          onChange={(value) => editor.setField('complaintProcedure', value)}
        />
      </Section>
      <Section field="contact">
        <div className="field-grid">
          <TextInput
            label={t('record.contact.phone')}
            path="contact.phone"
            type="tel"
            value={record.contact.phone}
            onChange={(phone) => editor.patchObject('contact', { phone })}
          />
          <TextInput
            label={t('record.contact.email')}
            path="contact.email"
            type="email"
            value={record.contact.email}
            onChange={(email) => editor.patchObject('contact', { email })}
          />
          <TextInput
            label={t('record.contact.website')}
            path="contact.website"
            type="url"
            value={record.contact.website}
            onChange={(website) => editor.patchObject('contact', { website })}
          />
        </div>
        <TextInput
          label={t('record.contact.address')}
          path="contact.address"
          value={record.contact.address}
          onChange={(address) => editor.patchObject('contact', { address })}
        />
      </Section>
    </>
  );
});
