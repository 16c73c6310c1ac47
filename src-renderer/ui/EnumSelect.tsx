import type { ChangeEvent, ReactNode } from 'react';
import type { ControlProps } from './Field';
import { useTranslate } from './use-translate';

type EnumSelectProps<V extends string> = {
  control: ControlProps;
  /** The i18n group under "enums" that labels these values. */
  labels: string;
  values: readonly V[];
  value: V;
  onChange: (value: V) => void;
  disabled?: boolean;
  onBlur?: () => void;
};

/** A select over a domain enum, labelled in the user's language. */
export function EnumSelect<V extends string>(props: EnumSelectProps<V>) {
  const { t } = useTranslate();
  const { control, labels, values, value, onChange, disabled, onBlur } = props;
  const handleChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = values.find((candidate) => candidate === event.target.value);
    if (next !== undefined) onChange(next);
  };
  return (
    <select
      {...control}
      value={value}
      onChange={handleChange}
      disabled={disabled}
      onBlur={onBlur}
    >
      {values.map((option) => (
        <option key={option} value={option}>
          {t(enumKey(labels, option))}
        </option>
      ))}
    </select>
  );
}

type CheckGroupProps<V extends string> = {
  legend: string;
  labels: string;
  values: readonly V[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  disabled?: boolean;
  errors?: ReactNode;
  /** Labels the options when they are not enum values (categories). */
  labelOf?: (value: V) => string;
};

/** A multiple choice as a fieldset of checkboxes, keeping the values' order. */
export function CheckGroup<V extends string>(props: CheckGroupProps<V>) {
  const { t } = useTranslate();
  const { legend, labels, values, selected, onChange, disabled, errors, labelOf } = props;
  const handleToggle = (value: V, isChecked: boolean) => {
    onChange(
      values.filter((candidate) =>
        candidate === value ? isChecked : selected.includes(candidate),
      ),
    );
  };
  return (
    <fieldset className="check-group">
      <legend>
        {legend}{' '}
        <span className="muted">
          {t('editor.selectedCount', { count: selected.length })}
        </span>
      </legend>
      {values.map((value) => (
        <label key={value} className="check">
          <input
            type="checkbox"
            checked={selected.includes(value)}
            disabled={disabled}
            onChange={(event) => handleToggle(value, event.target.checked)}
          />
          {labelOf ? labelOf(value) : t(enumKey(labels, value))}
        </label>
      ))}
      {errors}
    </fieldset>
  );
}

/** The translation key of an enum value's label. */
function enumKey(group: string, value: string): string {
  return `enums.${group}.${value}`;
}
