import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { LanguagePicker } from './LanguagePicker';

/** Settings: the language, and which server this desktop talks to. */
export const SettingsScreen = observer(function SettingsScreen() {
  const { settings, session } = useStores();
  const { t } = useTranslate();
  return (
    <section aria-labelledby="settings-title" className="screen">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <LanguagePicker />
      <ErrorNotice error={settings.error} />
      <p>
        {t('settings.server')}: <code>{session.serverUrl}</code>
      </p>
    </section>
  );
});
