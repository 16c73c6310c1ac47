import { observer } from 'mobx-react-lite';
import type { KeyboardEvent } from 'react';
import { serviceTypes } from '../../../shared/domain/service-record';
import { workflowStatuses } from '../../../shared/workflow/state-machine';
import { useStores } from '../../app/stores-context';
import { AgencyFilter, CategoryFilter } from '../../ui/FilterSelect';
import { useTranslate } from '../../ui/use-translate';

/** The search box and the agency, category, type and status filters. */
export const ServiceFilters = observer(function ServiceFilters() {
  const { serviceList } = useStores();
  const { t } = useTranslate();

  const handleSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') serviceList.applyQuery();
  };
  const handleType = (value: string) =>
    serviceList.setType(serviceTypes.find((type) => type === value) ?? null);
  const handleStatus = (value: string) =>
    serviceList.setStatus(workflowStatuses.find((status) => status === value) ?? null);

  return (
    <div className="filters" role="search">
      <div className="field field-wide">
        <label htmlFor="service-search">{t('services.search')}</label>
        <input
          id="service-search"
          type="search"
          value={serviceList.query}
          placeholder={t('services.searchPlaceholder')}
          onChange={(event) => serviceList.setQuery(event.target.value)}
          onKeyDown={handleSearchKey}
        />
      </div>
      <AgencyFilter
        id="filter-agency"
        value={serviceList.agencyId}
        onChange={(id) => serviceList.setAgency(id)}
      />
      <CategoryFilter
        id="filter-category"
        value={serviceList.category}
        onChange={(code) => serviceList.setCategory(code)}
      />
      <div className="field">
        <label htmlFor="filter-type">{t('services.type')}</label>
        <select
          id="filter-type"
          value={serviceList.type ?? ''}
          onChange={(event) => handleType(event.target.value)}
        >
          <option value="">{t('services.all')}</option>
          {serviceTypes.map((type) => (
            <option key={type} value={type}>
              {t(`enums.serviceType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">{t('common.status')}</label>
        <select
          id="filter-status"
          value={serviceList.status ?? ''}
          onChange={(event) => handleStatus(event.target.value)}
        >
          <option value="">{t('services.all')}</option>
          {workflowStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`enums.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
});
