import { observer } from 'mobx-react-lite';
import type { OutboxEntry } from '../../../shared/contract/sync-status';
import { useStores } from '../../app/stores-context';
import { formatDateTime } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { ConflictPanel } from './ConflictPanel';

/** Every queued change: waiting, refused (with why and what to do) and in conflict. */
export const OutboxScreen = observer(function OutboxScreen() {
  const { outbox, sync } = useStores();
  const { t } = useTranslate();
  const handleSyncNow = () => void sync.syncNow();
  return (
    <section aria-labelledby="outbox-title" className="screen">
      <h1 id="outbox-title">{t('outbox.title')}</h1>
      <ErrorNotice error={outbox.error} />
      <button type="button" onClick={handleSyncNow} disabled={sync.isSyncing}>
        {t('sync.now')}
      </button>

      <h2 id="outbox-conflicts">
        {t('outbox.conflicts', { count: outbox.conflicts.length })}
      </h2>
      <p className="muted">{t('outbox.conflictsHelp')}</p>
      <ul aria-labelledby="outbox-conflicts" className="entry-list">
        {outbox.conflicts.map((entry) => (
          <li key={entry.id} className="entry entry-conflict">
            <EntryHeading entry={entry} />
            <ConflictPanel entry={entry} />
          </li>
        ))}
      </ul>

      <h2 id="outbox-rejected">
        {t('outbox.rejected', { count: outbox.rejected.length })}
      </h2>
      <p className="muted">{t('outbox.rejectedHelp')}</p>
      <ul aria-labelledby="outbox-rejected" className="entry-list">
        {outbox.rejected.map((entry) => (
          <RejectedEntry key={entry.id} entry={entry} />
        ))}
      </ul>

      <h2 id="outbox-pending">{t('outbox.pending', { count: outbox.pending.length })}</h2>
      <p className="muted">{t('outbox.pendingHelp')}</p>
      <ul aria-labelledby="outbox-pending" className="entry-list">
        {outbox.pending.map((entry) => (
          <li key={entry.id} className="entry">
            <EntryHeading entry={entry} />
          </li>
        ))}
      </ul>
    </section>
  );
});

const EntryHeading = observer(function EntryHeading({ entry }: { entry: OutboxEntry }) {
  const { navigation } = useStores();
  const { t, language } = useTranslate();
  const isService = entry.name.startsWith('service.');
  return (
    <div className="entry-heading">
      <strong>{entry.entityLabel}</strong>
      <span className="muted">
        {' '}
        · {t(`outbox.change.${entry.name}`, { defaultValue: entry.name })} ·{' '}
        {formatDateTime(entry.createdAt, language)} ·{' '}
        {t(`enums.outboxState.${entry.state}`)}
        {entry.attempts > 0 && ` · ${t('outbox.attempts', { count: entry.attempts })}`}
      </span>
      {isService && (
        <button
          type="button"
          className="link"
          onClick={() => navigation.openService(entry.entityId)}
        >
          {t('outbox.openService')}
        </button>
      )}
    </div>
  );
});

const RejectedEntry = observer(function RejectedEntry({ entry }: { entry: OutboxEntry }) {
  const { outbox } = useStores();
  const { t } = useTranslate();
  const isBusy = outbox.busyEntryId === entry.id;
  return (
    <li className="entry entry-rejected">
      <EntryHeading entry={entry} />
      <ErrorNotice error={entry.error} />
      <div className="entry-actions">
        <button
          type="button"
          disabled={isBusy}
          onClick={() => void outbox.retry(entry.id)}
        >
          {t('outbox.retry')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={isBusy}
          onClick={() => void outbox.dismiss(entry.id)}
        >
          {t('outbox.dismiss')}
        </button>
      </div>
    </li>
  );
});
