import { observer } from 'mobx-react-lite';
import { useStores } from '../app/stores-context';
import { useTranslate } from './use-translate';

/** A labelled filter: "All" (null) or one of the options. */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string | null;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslate();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ''}
        onChange={(event) => props.onChange(event.target.value || null)}
      >
        <option value="">{t('services.all')}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The agency filter: active agencies in Azerbaijani order, named in the user's language. */
export const AgencyFilter = observer(function AgencyFilter(props: {
  id: string;
  value: string | null;
  onChange: (agencyId: string | null) => void;
}) {
  const { reference } = useStores();
  const { t, language } = useTranslate();
  return (
    <FilterSelect
      {...props}
      label={t('services.agency')}
      options={reference.sortedAgencies.map((agency) => ({
        value: agency.id,
        label: reference.agencyName(agency.id, language),
      }))}
    />
  );
});

/** The category filter: the registry's service areas in their order. */
export const CategoryFilter = observer(function CategoryFilter(props: {
  id: string;
  value: string | null;
  onChange: (code: string | null) => void;
}) {
  const { reference } = useStores();
  const { t, language } = useTranslate();
  return (
    <FilterSelect
      {...props}
      label={t('services.category')}
      options={reference.sortedCategories.map((category) => ({
        value: category.code,
        label: reference.categoryName(category.code, language),
      }))}
    />
  );
});
