import { observer } from 'mobx-react-lite';
import { useTranslate } from '../ui/use-translate';
import { useStores } from './stores-context';

/** The update's state in the status bar, with the one answer it asks for. */
export const UpdateNotice = observer(function UpdateNotice() {
  const { updates } = useStores();
  const { t, label } = useTranslate();
  const notice = updates.notice;
  if (!notice && !updates.requestError) return null;

  const handleAction = () => {
    if (updates.action === 'installOnQuit') void updates.setInstallOnQuit(true);
    else if (updates.action === 'dontInstall') void updates.setInstallOnQuit(false);
    else void updates.check();
  };

  return (
    <span className={`update-notice${updates.isFailed ? ' update-failed' : ''}`}>
      {notice && <span role="status">{label(notice)}</span>}
      {updates.requestError && (
        <span role="alert">
          {t('updates.requestFailed', { message: updates.requestError.message })}
        </span>
      )}
      {updates.action && (
        <button type="button" onClick={handleAction}>
          {t(`updates.action.${updates.action}`)}
        </button>
      )}
    </span>
  );
});
