import { observer } from 'mobx-react-lite';
import { LoginScreen } from '../features/login/LoginScreen';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useTranslate } from '../ui/use-translate';
import { AppShell } from './AppShell';
import { useStores } from './stores-context';

/** Login until someone is logged in, then the app shell. */
export const App = observer(function App() {
  const { session } = useStores();
  const { t } = useTranslate();
  if (session.isLoading) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (!session.isLoggedIn) return <LoginScreen />;
  return (
    <>
      <ErrorNotice error={session.error} />
      <AppShell />
    </>
  );
});
