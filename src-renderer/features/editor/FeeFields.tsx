import { observer } from 'mobx-react-lite';
import {
  paymentMethods,
  timeUnits,
  type Fee,
  type ProcessingTime,
} from '../../../shared/domain/service-record';
import { useStores } from '../../app/stores-context';
import { parseManatToQepik, qepikToManatText } from '../../i18n/format';
import { CheckGroup, EnumSelect } from '../../ui/EnumSelect';
import { Field, FieldErrors } from '../../ui/Field';
import { useTranslate } from '../../ui/use-translate';
import { CheckInput, NumberInput, TextInput } from './inputs';

/** A fee: free or not, the amount in manat, its legal basis and how it can be paid. */
export const FeeFields = observer(function FeeFields(props: {
  /** Where the fee sits in the record ("fee", "channels.2.fee"). */
  path: string;
  fee: Fee;
  onChange: (patch: Partial<Fee>) => void;
}) {
  const { editor } = useStores();
  const { t, language } = useTranslate();
  const { path, fee, onChange } = props;
  return (
    <div className="field-grid">
      <CheckInput
        label={t('record.fee.isFree')}
        checked={fee.isFree}
        onChange={(isFree) =>
          onChange(isFree ? { isFree, amountQepik: null } : { isFree })
        }
      />
      {!fee.isFree && (
        <NumberInput
          label={t('record.fee.amount')}
          path={`${path}.amountQepik`}
          value={fee.amountQepik}
          parse={parseManatToQepik}
          format={(value) => qepikToManatText(value, language)}
          onChange={(amountQepik) => onChange({ amountQepik })}
          hint={t('record.fee.amountHint')}
        />
      )}
      {fee.isFree && <FieldErrors errors={editor.errorsAt(`${path}.amountQepik`)} />}
      <TextInput
        label={t('record.fee.legalBasis')}
        path={`${path}.legalBasis`}
        value={fee.legalBasis}
        onChange={(legalBasis) => onChange({ legalBasis })}
      />
      <CheckGroup
        legend={t('record.fee.paymentMethods')}
        labels="paymentMethod"
        values={paymentMethods}
        selected={fee.paymentMethods}
        disabled={!editor.canEdit}
        onChange={(selected) => onChange({ paymentMethods: selected })}
        errors={<FieldErrors errors={editor.errorsAt(`${path}.paymentMethods`)} />}
      />
    </div>
  );
});

/** How long the service takes: a number, its unit and a note. */
export const ProcessingTimeFields = observer(function ProcessingTimeFields(props: {
  path: string;
  time: ProcessingTime;
  onChange: (patch: Partial<ProcessingTime>) => void;
}) {
  const { editor } = useStores();
  const { t } = useTranslate();
  const { path, time, onChange } = props;
  return (
    <div className="field-grid">
      <NumberInput
        label={t('record.processingTime.value')}
        path={`${path}.value`}
        value={time.value}
        onChange={(value) => onChange({ value })}
      />
      <Field
        label={t('record.processingTime.unit')}
        errors={editor.errorsAt(`${path}.unit`)}
      >
        {(control) => (
          <EnumSelect
            control={control}
            labels="timeUnit"
            values={timeUnits}
            value={time.unit}
            disabled={!editor.canEdit}
            onChange={(unit) => onChange({ unit })}
          />
        )}
      </Field>
      <TextInput
        label={t('record.processingTime.note')}
        path={`${path}.note`}
        value={time.note}
        onChange={(note) => onChange({ note })}
      />
    </div>
  );
});
