import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { useStores } from '../../app/stores-context';
import { Field } from '../../ui/Field';
import { useTranslate } from '../../ui/use-translate';

type TextInputProps = {
  label: string;
  /** Dotted path into the record; errors at this path show under the input. */
  path: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  type?: 'text' | 'email' | 'url' | 'tel' | 'date';
  hint?: string;
};

/** A text input of the record; leaving it saves at once. */
export const TextInput = observer(function TextInput(props: TextInputProps) {
  const { editor } = useStores();
  const { label, path, value, onChange, multiline, type = 'text', hint } = props;
  const handleBlur = () => void editor.flush();
  return (
    <Field
      label={label}
      errors={editor.errorsAt(path)}
      hint={hint}
      className={multiline ? 'field-wide' : ''}
    >
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            rows={4}
            value={value}
            disabled={!editor.canEdit}
            onChange={(event) => onChange(event.target.value)}
            onBlur={handleBlur}
          />
        ) : (
          <input
            {...control}
            type={type}
            value={value}
            disabled={!editor.canEdit}
            onChange={(event) => onChange(event.target.value)}
            onBlur={handleBlur}
          />
        )
      }
    </Field>
  );
});

type NumberInputProps = {
  label: string;
  path: string;
  value: number | null;
  onChange: (value: number | null) => void;
  /** Text → value; NaN when it is not a number. */
  parse?: (text: string) => number | null;
  format?: (value: number | null) => string;
  /** An empty box is not a value (a percentage must be given). */
  isRequired?: boolean;
  hint?: string;
};

const parsePlain = (text: string) =>
  text.trim() === '' ? null : Number(text.replace(',', '.'));
const formatPlain = (value: number | null) => (value === null ? '' : String(value));

/**
 * A number typed as text: the box keeps what was typed ("12," on the way to
 * "12,5") and hands the store a value only once the text reads as a number.
 */
export const NumberInput = observer(function NumberInput(props: NumberInputProps) {
  const { editor } = useStores();
  const { t } = useTranslate();
  const {
    label,
    path,
    value,
    onChange,
    parse = parsePlain,
    format = formatPlain,
    isRequired,
    hint,
  } = props;
  const [text, setText] = useState(format(value));
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setText(format(value));
  }
  const parsed = parse(text);
  const isUnreadable = Number.isNaN(parsed) || (isRequired === true && parsed === null);

  const handleChange = (next: string) => {
    setText(next);
    const nextValue = parse(next);
    if (Number.isNaN(nextValue) || (isRequired === true && nextValue === null)) return;
    setShownValue(nextValue);
    onChange(nextValue);
  };

  const errors = [
    ...(isUnreadable ? [t('editor.notANumber')] : []),
    ...editor.errorsAt(path),
  ];
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(control) => (
        <input
          {...control}
          inputMode="decimal"
          value={text}
          disabled={!editor.canEdit}
          onChange={(event) => handleChange(event.target.value)}
          onBlur={() => void editor.flush()}
        />
      )}
    </Field>
  );
});

/** A yes/no of the record. */
export const CheckInput = observer(function CheckInput(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { editor } = useStores();
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={!editor.canEdit}
        onChange={(event) => props.onChange(event.target.checked)}
        onBlur={() => void editor.flush()}
      />
      {props.label}
    </label>
  );
});
