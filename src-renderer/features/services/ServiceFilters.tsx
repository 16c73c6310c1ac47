import { observer } from 'mobx-react-lite';
import type { KeyboardEvent } from 'react';
import { serviceTypes } from '../../../shared/domain/service-record';
import { workflowStatuses } from '../../../shared/workflow/state-machine';
import { useStores } from '../../app/stores-context';
import { useTranslate } from '../../ui/use-translate';

/** The search box and the agency, category, type and status filters. */
export const ServiceFilters = observer(function ServiceFilters() {
  const { serviceList, reference } = useStores();
  const { t, language } = useTranslate();

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
      <div className="field">
        <label htmlFor="filter-agency">{t('services.agency')}</label>
        <select
          id="filter-agency"
          value={serviceList.agencyId ?? ''}
          onChange={(event) => serviceList.setAgency(event.target.value || null)}
        >
          <option value="">{t('services.all')}</option>
          {reference.sortedAgencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {reference.agencyName(agency.id, language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-category">{t('services.category')}</label>
        <select
          id="filter-category"
          value={serviceList.category ?? ''}
          onChange={(event) => serviceList.setCategory(event.target.value || null)}
        >
          <option value="">{t('services.all')}</option>
          {reference.sortedCategories.map((category) => (
            <option key={category.code} value={category.code}>
              {reference.categoryName(category.code, language)}
            </option>
          ))}
        </select>
      </div>
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
