import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import { formatCount } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';

/** The registry's figures as VXSİDA's presentation opens with them, from local data. */
export const HomeScreen = observer(function HomeScreen() {
  const { registry, reference, session, navigation, serviceList, sync } = useStores();
  const { t, language } = useTranslate();
  const figures = registry.figures;

  const handleOpenReturned = () => {
    serviceList.setStatus('returned');
    navigation.go({ screen: 'services' });
  };

  return (
    <section aria-labelledby="home-title" className="screen">
      <h1 id="home-title">{t('home.title')}</h1>
      <ErrorNotice error={registry.error} />
      {!figures ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <h2>{t('home.figuresTitle')}</h2>
          {sync.status && sync.lastSyncedAt === null && (
            <p className="notice">{t('home.notSyncedYet')}</p>
          )}
          <dl className="figures">
            {(
              [
                ['stateBodies', figures.stateBodies],
                ['services', figures.services],
                ['g2bServices', figures.g2bServices],
                ['electronicServices', figures.electronicServices],
                ['nonElectronicServices', figures.nonElectronicServices],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="figure">
                <dt>{t(`home.figures.${key}`)}</dt>
                <dd>{formatCount(value, language)}</dd>
              </div>
            ))}
          </dl>
          {session.isAgencyStaff && (
            <p className="notice notice-warn">
              {t('home.returned', { count: figures.returnedCount })}{' '}
              {figures.returnedCount > 0 && (
                <button type="button" onClick={handleOpenReturned}>
                  {t('home.openServices')}
                </button>
              )}
            </p>
          )}
          <h2 id="categories-title">{t('home.categoriesTitle')}</h2>
          <table className="category-table" aria-labelledby="categories-title">
            <thead>
              <tr>
                <th scope="col">{t('home.category')}</th>
                <th scope="col">{t('home.serviceCount')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.perCategory.map((entry) => (
                <tr key={entry.code}>
                  <th scope="row">{reference.categoryName(entry.code, language)}</th>
                  <td>
                    <span className="bar-track" aria-hidden="true">
                      <span
                        className="bar"
                        style={{
                          width: `${(100 * entry.count) / registry.largestCategoryCount}%`,
                        }}
                      />
                    </span>
                    <span className="bar-value">
                      {formatCount(entry.count, language)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('home.categoriesNote')}</p>
        </>
      )}
    </section>
  );
});
