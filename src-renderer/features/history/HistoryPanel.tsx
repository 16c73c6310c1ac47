import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores } from '../../app/stores-context';
import { formatDateTime } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';

/** Every version, submission and decision of a service, newest first, with remarks. */
export const HistoryPanel = observer(function HistoryPanel({
  serviceId,
}: {
  serviceId: string;
}) {
  const { history } = useStores();
  const { t, language } = useTranslate();

  useEffect(() => {
    void history.show(serviceId);
  }, [history, serviceId]);

  const entries = history.serviceId === serviceId ? history.newestFirst : [];
  return (
    <section className="history card" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      <ErrorNotice error={history.error} />
      {entries.length === 0 && !history.isLoading && <p>{t('history.empty')}</p>}
      <ol className="history-list">
        {entries.map((entry) => (
          <li
            key={`${entry.versionId}:${entry.action}:${entry.at}`}
            className={`history-entry history-${entry.action}`}
          >
            <div>
              <strong>{t(`history.action.${entry.action}`)}</strong>{' '}
              <span className="muted">
                {t('history.version', { number: entry.versionNumber })}
                {entry.submissionNo > 0 &&
                  ` · ${t('history.submission', { number: entry.submissionNo })}`}
                {entry.isPublished && ` · ${t('history.published')}`}
              </span>
            </div>
            <div className="muted">
              {formatDateTime(entry.at, language)}
              {entry.actorName !== '' && ` · ${entry.actorName}`}
            </div>
            {entry.remarks.length > 0 && (
              <ul className="history-remarks">
                {entry.remarks.map((remark) => (
                  <li key={`${remark.field}:${remark.text}`} className="remark">
                    <strong>
                      {t(`record.${remark.field}.title`, { defaultValue: remark.field })}
                    </strong>
                    : {remark.text}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
});
