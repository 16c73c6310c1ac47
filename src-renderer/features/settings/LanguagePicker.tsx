import { observer } from 'mobx-react-lite';
import { languageSchema } from '../../../shared/contract/contract';
import { useStores } from '../../app/stores-context';
import { useTranslate } from '../../ui/use-translate';

/** The UI language; each option is written in its own language so anyone can find theirs. */
export const LanguagePicker = observer(function LanguagePicker() {
  const { settings } = useStores();
  const { t } = useTranslate();
  const handleChange = (value: string) => {
    const parsed = languageSchema.safeParse(value);
    if (parsed.success) void settings.setLanguage(parsed.data);
  };
  return (
    <div className="field language-picker">
      <label htmlFor="language">{t('settings.language')}</label>
      <select
        id="language"
        value={settings.language}
        onChange={(event) => handleChange(event.target.value)}
      >
        <option value="az" lang="az">
          Azərbaycanca
        </option>
        <option value="en" lang="en">
          English
        </option>
        <option value="ru" lang="ru">
          Русский
        </option>
      </select>
    </div>
  );
});
