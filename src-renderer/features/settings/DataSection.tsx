import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import { formatMegabytes } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { OverwriteQuestion } from '../../ui/OverwriteQuestion';
import { useTranslate } from '../../ui/use-translate';
import { RestorePanel } from './RestorePanel';

/** Where the local store lives, how big it is, and its backup and restore. */
export const DataSection = observer(function DataSection() {
  const { settings } = useStores();
  const { t, language } = useTranslate();
  const view = settings.view;
  const backup = settings.backupState;
  const isBusy =
    backup.kind === 'writing' ||
    settings.restoreState.kind === 'checking' ||
    settings.restoreState.kind === 'restoring';

  return (
    <section aria-labelledby="settings-data" className="settings-section">
      <h2 id="settings-data">{t('settings.dataTitle')}</h2>
      {view && (
        <dl>
          <dt>{t('settings.dataFolder')}</dt>
          <dd>
            <code>{view.dataFolder}</code>
          </dd>
          <dt>{t('settings.dataSize')}</dt>
          <dd aria-label={t('settings.dataSize')}>
            {formatMegabytes(view.databaseBytes, language)}
          </dd>
        </dl>
      )}
      <div role="group" aria-label={t('settings.dataActions')} className="button-row">
        {view?.canOpenDataFolder && (
          <button type="button" onClick={() => void settings.openDataFolder()}>
            {t('settings.openFolder')}
          </button>
        )}
        <button type="button" disabled={isBusy} onClick={() => void settings.backup()}>
          {t('settings.backup')}
        </button>
        <button
          type="button"
          disabled={isBusy}
          onClick={() => void settings.chooseRestore()}
        >
          {t('settings.restore')}
        </button>
      </div>
      {backup.kind === 'writing' && (
        <progress
          max={backup.total}
          value={backup.done}
          aria-label={t('settings.backupWriting')}
        />
      )}
      {backup.kind === 'saved' && (
        <p role="status">{t('settings.backupSaved', { path: backup.filePath })}</p>
      )}
      {backup.kind === 'confirmOverwrite' && (
        <OverwriteQuestion
          filePath={backup.filePath}
          onReplace={() => void settings.confirmBackupOverwrite()}
          onCancel={() => settings.cancelBackupOverwrite()}
        />
      )}
      {backup.kind === 'failed' && <ErrorNotice error={backup.error} />}
      <RestorePanel />
    </section>
  );
});
