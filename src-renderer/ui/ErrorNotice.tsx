import type { ErrorBody } from '../../shared/errors';
import { useTranslate } from './use-translate';

/** A failed request: what it means in the user's language, then main's own words. */
export function ErrorNotice({ error }: { error: ErrorBody | null }) {
  const { t, problem } = useTranslate();
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{t(`errors.codes.${error.code}`)}</strong> <span>{error.message}</span>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((field) => (
            <li key={`${field.path}:${field.message}`}>
              <code>{field.path}</code>: {problem(field.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
