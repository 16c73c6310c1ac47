import { observer } from 'mobx-react-lite';
import { formatDateTime } from '../i18n/format';
import { useTranslate } from '../ui/use-translate';
import { useStores } from './stores-context';
import { UpdateNotice } from './UpdateNotice';

/** Online or not, sync progress, last sync, and what is still unsent, refused or in conflict. */
export const StatusBar = observer(function StatusBar() {
  const { sync, navigation } = useStores();
  const { t, label, language } = useTranslate();

  const handleSyncNow = () => void sync.syncNow();
  const handleOpenOutbox = () => navigation.go({ screen: 'outbox' });
  const connectionKind = sync.status?.connection.kind ?? 'unknown';

  return (
    <footer className="status-bar" aria-label={t('sync.barLabel')}>
      <div role="status" aria-live="polite" className="status-items">
        <span className={`connection connection-${connectionKind}`}>
          <span className="dot" aria-hidden="true" />
          {label(sync.connectionLabel)}
        </span>
        <span>
          {sync.lastSyncedAt
            ? t('sync.lastSynced', { time: formatDateTime(sync.lastSyncedAt, language) })
            : t('sync.neverSynced')}
        </span>
        {sync.notices.length === 0 && sync.status && (
          <span>{t('sync.notice.allSent')}</span>
        )}
        {sync.notices.map((notice) => (
          <button
            key={notice.kind}
            type="button"
            className={`notice-link notice-${notice.kind}`}
            onClick={handleOpenOutbox}
          >
            {label(notice.label)}
          </button>
        ))}
      </div>
      {sync.requestError && (
        <span role="alert" className="status-error">
          {t('sync.requestFailed', { message: sync.requestError.message })}
        </span>
      )}
      <UpdateNotice />
      <button type="button" onClick={handleSyncNow} disabled={sync.isSyncing}>
        {t('sync.now')}
      </button>
    </footer>
  );
});
