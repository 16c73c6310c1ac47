import type { ErrorBody } from '../../shared/errors';
import { useTranslate } from './use-translate';

/**
 * A failed request: what it means in the user's language and the fields at
 * fault. Main's own words are in English and may carry a reference for
 * support, so they stay one click away instead of mixing into the sentence.
 */
export function ErrorNotice({ error }: { error: ErrorBody | null }) {
  const { t, problem, language } = useTranslate();
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{t(`errors.codes.${error.code}`)}</strong>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((field) => (
            <li key={`${field.path}:${field.message}`}>
              <code>{field.path}</code>: {problem(field.message)}
            </li>
          ))}
        </ul>
      )}
      {language === 'en' ? (
        <p className="notice-detail">{error.message}</p>
      ) : (
        <details className="notice-detail">
          <summary>{t('errors.details')}</summary>
          <span lang="en">{error.message}</span>
        </details>
      )}
    </div>
  );
}
