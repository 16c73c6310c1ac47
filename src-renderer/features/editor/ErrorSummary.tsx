import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import { useStores } from '../../app/stores-context';
import { topField } from '../../stores/record-validation';
import { useTranslate } from '../../ui/use-translate';

/** Every error in one list, each naming its field, so nothing is missed further down the form. */
export const ErrorSummary = observer(function ErrorSummary() {
  const { editor } = useStores();
  const { t, problem } = useTranslate();
  const errors = editor.errors;
  const summaryRef = useRef<HTMLElement>(null);
  const refusedSubmits = editor.refusedSubmits;

  // A refused submit may come from the bottom of a long form: show why.
  useEffect(() => {
    if (refusedSubmits > 0) summaryRef.current?.focus();
  }, [refusedSubmits]);

  if (errors.length === 0) return null;

  const handleJump = (path: string) =>
    document
      .getElementById(`section-${topField(path)}`)
      ?.scrollIntoView({ block: 'start' });

  return (
    <section
      ref={summaryRef}
      tabIndex={-1}
      className="error-summary"
      aria-labelledby="error-summary-title"
      role="region"
    >
      <h2 id="error-summary-title">
        {t('editor.errorSummary', { count: errors.length })}
      </h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.path}:${error.message}`}>
            <button type="button" className="link" onClick={() => handleJump(error.path)}>
              {t(`record.${topField(error.path)}.title`, { defaultValue: error.path })}
            </button>
            {error.path.includes('.') && <code> {error.path}</code>}:{' '}
            {problem(error.message)}
          </li>
        ))}
      </ul>
    </section>
  );
});
