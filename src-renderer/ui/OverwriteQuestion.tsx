import { useTranslate } from './use-translate';

/** Asks whether to replace a file that already exists where the user chose to save. */
export function OverwriteQuestion(props: {
  filePath: string;
  onReplace: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslate();
  return (
    <div
      role="alertdialog"
      aria-label={t('results.overwriteTitle')}
      className="notice notice-warn"
    >
      <p>{t('results.overwriteQuestion', { path: props.filePath })}</p>
      <button type="button" onClick={props.onReplace}>
        {t('results.overwrite')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
