import { observer } from 'mobx-react-lite';
import type { FormEvent } from 'react';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useTranslate } from '../../ui/use-translate';

/** The server address; changing it ends the session, and waits until nothing is unsent. */
export const ServerSection = observer(function ServerSection() {
  const { settings } = useStores();
  const { t, problem } = useTranslate();
  const state = settings.serverState;
  const unsynced = settings.view?.unsyncedChanges ?? 0;
  const fieldProblem = settings.serverUrlProblem;
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void settings.saveServerUrl();
  };

  return (
    <section aria-labelledby="settings-server" className="settings-section">
      <h2 id="settings-server">{t('settings.serverTitle')}</h2>
      <form onSubmit={handleSubmit} noValidate>
        <Field
          label={t('settings.serverUrl')}
          hint={t('settings.serverUrlHint')}
          errors={fieldProblem ? [problem(fieldProblem)] : []}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              name="serverUrl"
              autoComplete="url"
              spellCheck={false}
              value={settings.serverUrlInput}
              onChange={(event) => settings.setServerUrlInput(event.target.value)}
            />
          )}
        </Field>
        {unsynced > 0 && settings.isServerUrlChanged && (
          <p className="notice notice-warn" role="note">
            {t('settings.serverUnsyncedWarning', { n: unsynced })}
          </p>
        )}
        <button
          type="submit"
          disabled={state.kind === 'saving' || !settings.isServerUrlChanged}
        >
          {state.kind === 'saving' ? t('settings.saving') : t('settings.serverSave')}
        </button>
      </form>
      {state.kind === 'saved' && <p role="status">{t('settings.serverSaved')}</p>}
      {state.kind === 'failed' && <ErrorNotice error={state.error} />}
    </section>
  );
});
