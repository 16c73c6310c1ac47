import { useId, type ReactNode } from 'react';
import { useTranslate } from './use-translate';

/** The attributes an input needs to be tied to its label and its errors. */
export type ControlProps = {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
};

type FieldProps = {
  label: string;
  /** Messages about this field's value, shown right under it. */
  errors?: string[];
  hint?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/** A labelled control with its hint and errors, wired for screen readers. */
export function Field({ label, errors = [], hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : null, errors.length > 0 ? errorId : null]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': errors.length > 0,
        'aria-describedby': describedBy,
      })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

/** The errors of a field or group, in the user's language; each names what is wrong. */
export function FieldErrors({ id, errors }: { id?: string; errors: string[] }) {
  const { problem } = useTranslate();
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((message) => (
        <li key={message}>{problem(message)}</li>
      ))}
    </ul>
  );
}
