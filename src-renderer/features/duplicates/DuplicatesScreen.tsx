import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import type { DuplicateFilter } from '../../stores/duplicates-store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { CandidateCard } from './CandidateCard';

const filters: DuplicateFilter[] = ['all', 'open'];

/** Pairs of services across agencies that look like one, for reviewers to mark. */
export const DuplicatesScreen = observer(function DuplicatesScreen() {
  const { duplicates } = useStores();
  const { t } = useTranslate();
  const shown = duplicates.shown;

  return (
    <section aria-labelledby="duplicates-title" className="screen duplicates">
      <h1 id="duplicates-title">{t('duplicates.title')}</h1>
      <p className="muted">{t('duplicates.intro')}</p>
      {!duplicates.canMark && <p className="notice">{t('duplicates.readOnly')}</p>}
      <div
        className="duplicate-filters"
        role="group"
        aria-label={t('duplicates.filter.label')}
      >
        {filters.map((filter) => (
          <button
            key={filter}
            type="button"
            aria-pressed={duplicates.filter === filter}
            onClick={() => duplicates.setFilter(filter)}
          >
            {t(`duplicates.filter.${filter}`)}
          </button>
        ))}
        <span className="muted" role="status">
          {t('duplicates.count', {
            total: duplicates.views.length,
            n: duplicates.openCount,
          })}
        </span>
      </div>
      <ErrorNotice error={duplicates.loadError} />
      {!duplicates.hasLoaded && <p role="status">{t('common.loading')}</p>}
      {duplicates.hasLoaded && shown.length === 0 && (
        <p className="muted">{t('duplicates.empty')}</p>
      )}
      <div className="duplicate-list">
        {shown.map((view) => (
          <CandidateCard key={view.candidate.id} view={view} />
        ))}
      </div>
    </section>
  );
});
