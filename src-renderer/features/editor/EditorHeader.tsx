import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { SimilarServicesNotice } from '../duplicates/SimilarServicesNotice';

/** Name, agency, status of the working version, where the edits are, and the workflow buttons. */
export const EditorHeader = observer(function EditorHeader() {
  const { editor, reference, navigation } = useStores();
  const { t, label, language } = useTranslate();
  const detail = editor.detail;
  if (!detail) return null;

  const handleBack = () => navigation.go({ screen: 'services' });
  const handleSubmit = () => void editor.submit();
  const handleWithdraw = () => void editor.withdraw();
  const handleRetrySave = () => void editor.flush();

  return (
    <header className="editor-header">
      <button type="button" className="link" onClick={handleBack}>
        ← {t('editor.back')}
      </button>
      <h1 id="editor-title">{editor.title}</h1>
      <p className="muted">
        {detail.service.registryCode} ·{' '}
        {reference.agencyName(detail.service.agencyId, language)}
      </p>
      <div className="editor-status">
        {editor.status && (
          <span className={`status status-${editor.status}`}>
            {t('editor.statusLabel')}: {t(`enums.status.${editor.status}`)}
          </span>
        )}
        <span role="status" aria-live="polite" className="save-state">
          {label(editor.saveLabel)}
        </span>
        {editor.saver.error && (
          <button type="button" onClick={handleRetrySave}>
            {t('editor.save.retry')}
          </button>
        )}
      </div>
      {!editor.canEdit && editor.status === 'submitted' && (
        <p className="notice">{t('editor.readOnlySubmitted')}</p>
      )}
      {!editor.canEdit && editor.status !== 'submitted' && (
        <p className="notice">{t('editor.readOnly')}</p>
      )}
      {editor.status === 'returned' && editor.remarks.length > 0 && (
        <p className="notice notice-warn">
          {t('editor.returnedNotice', { count: editor.remarks.length })}
        </p>
      )}
      <ErrorNotice error={editor.actionError} />
      {/* Before the submit button: a likely duplicate is named before it is sent. */}
      <SimilarServicesNotice serviceId={detail.service.id} />
      <div className="editor-actions">
        {editor.canEdit && (
          <button
            type="button"
            className="primary"
            onClick={handleSubmit}
            disabled={editor.isBusy}
          >
            {t('editor.submit')}
          </button>
        )}
        {editor.canWithdraw && (
          <button type="button" onClick={handleWithdraw} disabled={editor.isBusy}>
            {t('editor.withdraw')}
          </button>
        )}
      </div>
    </header>
  );
});
