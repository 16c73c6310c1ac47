import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import { formatCount, formatMegabytes } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';

/** A restore: the checked backup and what it replaces, the user's yes, then the outcome. */
export const RestorePanel = observer(function RestorePanel() {
  const { settings } = useStores();
  const { t, language } = useTranslate();
  const state = settings.restoreState;

  switch (state.kind) {
    case 'idle':
      return null;
    case 'checking':
      return <p role="status">{t('settings.restoreChecking')}</p>;
    case 'restoring':
      return (
        <p role="status">
          <progress aria-label={t('settings.restoreRestoring')} />
          {t('settings.restoreRestoring')}
        </p>
      );
    case 'restored':
      return (
        <p role="status">
          {t('settings.restoreDone', {
            path: state.result.filePath,
            safety: state.result.safetyCopyPath,
          })}
        </p>
      );
    case 'failed':
      return <ErrorNotice error={state.error} />;
    case 'confirm': {
      const { backup, warnings } = state.inspection;
      return (
        <div
          role="alertdialog"
          aria-label={t('settings.restoreTitle')}
          className="notice notice-warn"
        >
          <p>{t('settings.restoreFile', { path: backup.filePath })}</p>
          <ul>
            <li>
              {t('settings.restoreHolds', {
                n: formatCount(backup.services, language),
                size: formatMegabytes(backup.bytes, language),
              })}
            </li>
            {backup.userName && backup.serverUrl && (
              <li>
                {t('settings.restoreOwner', {
                  user: backup.userName,
                  server: backup.serverUrl,
                })}
              </li>
            )}
            {warnings.unsyncedChangesReplaced > 0 && (
              <li>
                <strong>
                  {t('settings.restoreWarnUnsynced', {
                    n: warnings.unsyncedChangesReplaced,
                  })}
                </strong>
              </li>
            )}
            {warnings.isOtherServer && <li>{t('settings.restoreWarnServer')}</li>}
            {warnings.isOtherUser && <li>{t('settings.restoreWarnUser')}</li>}
            <li>{t('settings.restoreSafety')}</li>
          </ul>
          <button type="button" onClick={() => void settings.confirmRestore()}>
            {t('settings.restoreConfirm')}
          </button>
          <button type="button" onClick={() => settings.cancelRestore()}>
            {t('common.cancel')}
          </button>
        </div>
      );
    }
  }
});
