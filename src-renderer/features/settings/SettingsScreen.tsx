import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { DataSection } from './DataSection';
import { LanguagePicker } from './LanguagePicker';
import { ServerSection } from './ServerSection';
import { UpdatesSection } from './UpdatesSection';

/** Settings: server, language, update channel, and the local data with its backups. */
export const SettingsScreen = observer(function SettingsScreen() {
  const { settings } = useStores();
  const { t } = useTranslate();
  return (
    <section aria-labelledby="settings-title" className="screen settings-screen">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <ErrorNotice error={settings.error} />
      <ServerSection />
      <section aria-labelledby="settings-language" className="settings-section">
        <h2 id="settings-language">{t('settings.languageTitle')}</h2>
        <LanguagePicker />
      </section>
      <UpdatesSection />
      <DataSection />
    </section>
  );
});
