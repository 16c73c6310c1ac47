import { observer } from 'mobx-react-lite';
import { reportFormats } from '../../../shared/contract/evaluation-views';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { OverwriteQuestion } from '../../ui/OverwriteQuestion';
import { useTranslate } from '../../ui/use-translate';

/** The export buttons, the progress of a report being written, and the overwrite question. */
export const ExportBar = observer(function ExportBar() {
  const { results } = useStores();
  const { t } = useTranslate();
  const state = results.exportState;

  return (
    <div className="export-bar" aria-label={t('results.exportLabel')} role="group">
      {reportFormats.map((format) => (
        <button
          key={format}
          type="button"
          disabled={state.kind === 'writing'}
          onClick={() => void results.exportAs(format)}
        >
          {t(`results.export.${format}`)}
        </button>
      ))}
      {state.kind === 'writing' && (
        <progress
          max={state.total}
          value={state.done}
          aria-label={t('results.writing', { format: state.format.toUpperCase() })}
        />
      )}
      {state.kind === 'saved' && (
        <p role="status">
          {t('results.saved', { path: state.filePath })}
          <br />
          <span className="muted">SHA-256: {state.digest}</span>
        </p>
      )}
      {state.kind === 'confirmOverwrite' && (
        <OverwriteQuestion
          filePath={state.filePath}
          onReplace={() => void results.confirmOverwrite()}
          onCancel={() => results.cancelOverwrite()}
        />
      )}
      {state.kind === 'failed' && <ErrorNotice error={state.error} />}
    </div>
  );
});
