import { observer } from 'mobx-react-lite';
import { updateChannelSchema } from '../../../shared/contract/settings-views';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';

/** Which releases the updater offers. */
export const UpdatesSection = observer(function UpdatesSection() {
  const { settings } = useStores();
  const { t } = useTranslate();
  const state = settings.channelState;
  const handleChange = (value: string) => {
    const parsed = updateChannelSchema.safeParse(value);
    if (parsed.success) void settings.setUpdateChannel(parsed.data);
  };

  return (
    <section aria-labelledby="settings-updates" className="settings-section">
      <h2 id="settings-updates">{t('settings.updatesTitle')}</h2>
      <fieldset
        className="check-group"
        disabled={state.kind === 'saving' || !settings.view}
      >
        <legend>{t('settings.updateChannel')}</legend>
        {updateChannelSchema.options.map((channel) => (
          <label key={channel} className="check">
            <input
              type="radio"
              name="updateChannel"
              value={channel}
              checked={settings.view?.updateChannel === channel}
              onChange={(event) => handleChange(event.target.value)}
            />
            {t(`settings.channel.${channel}`)}
          </label>
        ))}
      </fieldset>
      {state.kind === 'saved' && <p role="status">{t('settings.channelSaved')}</p>}
      {state.kind === 'failed' && <ErrorNotice error={state.error} />}
    </section>
  );
});
