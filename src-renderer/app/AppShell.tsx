import { observer } from 'mobx-react-lite';
import { ServiceEditorScreen } from '../features/editor/ServiceEditorScreen';
import { AnalyticsScreen } from '../features/analytics/AnalyticsScreen';
import { EvaluationScreen } from '../features/evaluation/EvaluationScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { ResultsScreen } from '../features/results/ResultsScreen';
import { OutboxScreen } from '../features/outbox/OutboxScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { DuplicatesScreen } from '../features/duplicates/DuplicatesScreen';
import { ServiceNamesScreen } from '../features/service-names/ServiceNamesScreen';
import { ServiceListScreen } from '../features/services/ServiceListScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import type { Role } from '../../shared/domain/user';
import type { Route } from '../stores/navigation-store';
import { useTranslate } from '../ui/use-translate';
import { StatusBar } from './StatusBar';
import { useStores } from './stores-context';

const navItems: Array<{
  screen: Exclude<Route['screen'], 'editor'>;
  key: string;
  /** Shown to these roles only; every role when absent. */
  roles?: readonly Role[];
}> = [
  { screen: 'home', key: 'nav.home' },
  { screen: 'review', key: 'nav.review', roles: ['reviewer'] },
  {
    screen: 'duplicates',
    key: 'nav.duplicates',
    roles: ['reviewer', 'auditor', 'admin'],
  },
  { screen: 'evaluation', key: 'nav.evaluation', roles: ['evaluator'] },
  { screen: 'results', key: 'nav.results' },
  { screen: 'analytics', key: 'nav.analytics' },
  { screen: 'serviceNames', key: 'nav.serviceNames' },
  { screen: 'services', key: 'nav.services' },
  { screen: 'outbox', key: 'nav.outbox' },
  { screen: 'settings', key: 'nav.settings' },
];

/** Navigation, the current screen, and the status bar that is always visible. */
export const AppShell = observer(function AppShell() {
  const stores = useStores();
  const { navigation, session, sync } = stores;
  const { t } = useTranslate();
  const current =
    navigation.route.screen === 'editor' ? 'services' : navigation.route.screen;

  const handleLogout = () => void stores.logout();

  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">DXER</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {navItems
              .filter(
                (item) =>
                  !item.roles || item.roles.some((role) => role === session.user?.role),
              )
              .map((item) => (
                <li key={item.screen}>
                  <button
                    type="button"
                    className="nav-link"
                    aria-current={current === item.screen ? 'page' : undefined}
                    onClick={() => navigation.go({ screen: item.screen })}
                  >
                    {t(item.key)}
                    {item.screen === 'outbox' &&
                      (sync.status?.rejectedCount ?? 0) +
                        (sync.status?.conflictCount ?? 0) >
                        0 && (
                        <span className="badge badge-warn">
                          {(sync.status?.rejectedCount ?? 0) +
                            (sync.status?.conflictCount ?? 0)}
                        </span>
                      )}
                  </button>
                </li>
              ))}
          </ul>
        </nav>
        <span className="user">
          {session.user?.displayName}{' '}
          <span className="muted">
            ({session.user ? t(`enums.role.${session.user.role}`) : ''})
          </span>
        </span>
        <button type="button" onClick={handleLogout} disabled={session.isBusy}>
          {t('nav.logout')}
        </button>
      </header>
      <main className="shell-main">
        <CurrentScreen route={navigation.route} />
      </main>
      <StatusBar />
    </div>
  );
});

function CurrentScreen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'serviceNames':
      return <ServiceNamesScreen />;
    case 'services':
      return <ServiceListScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'duplicates':
      return <DuplicatesScreen />;
    case 'evaluation':
      return <EvaluationScreen />;
    case 'results':
      return <ResultsScreen />;
    case 'analytics':
      return <AnalyticsScreen />;
    case 'editor':
      return <ServiceEditorScreen />;
    case 'outbox':
      return <OutboxScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
