import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import { formatCount } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { ServiceFilters } from './ServiceFilters';
import { ServiceTable } from './ServiceTable';

/** Search and filter the registry; the table loads rows as they scroll into view. */
export const ServiceListScreen = observer(function ServiceListScreen() {
  const { serviceList } = useStores();
  const { t, language } = useTranslate();
  return (
    <section aria-labelledby="services-title" className="screen screen-fill">
      <h1 id="services-title">{t('services.title')}</h1>
      <ServiceFilters />
      <p role="status" className="muted">
        {serviceList.hasAnswered
          ? t(serviceList.isTotalExact ? 'services.total' : 'services.totalAtLeast', {
              total: formatCount(serviceList.foundCount, language),
            })
          : t('common.loading')}
      </p>
      <ErrorNotice error={serviceList.error} />
      <ServiceTable />
    </section>
  );
});
