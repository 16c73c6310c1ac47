import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { agencyGroups } from '../../../shared/domain/agency';
import { useStores } from '../../app/stores-context';
import { formatCount } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { OverwriteQuestion } from '../../ui/OverwriteQuestion';
import { AgencyFilter, CategoryFilter, FilterSelect } from '../../ui/FilterSelect';
import { useTranslate } from '../../ui/use-translate';
import { ChartCard } from './ChartCard';

/** One series of bars, drawn at once so a saved image shows every bar. */
function bar(dataKey: string, name: string, fill: string, stackId?: string) {
  return (
    <Bar
      key={dataKey}
      dataKey={dataKey}
      name={name}
      fill={fill}
      stackId={stackId}
      isAnimationActive={false}
    />
  );
}

/** Plain copies of observable rows: recharts freezes what it is given, which MobX refuses. */
function plain<T extends object>(rows: readonly T[]): T[] {
  return rows.map((row) => ({ ...row }));
}

const CHART = { width: 620, height: 260 };

/** The registry's indicators, breakdowns and review times, with filters, charts and exports. */
export const AnalyticsScreen = observer(function AnalyticsScreen() {
  const { analytics, reference } = useStores();
  const { t, language } = useTranslate();
  const data = analytics.analytics;
  const state = analytics.saveState;

  useEffect(() => analytics.open(), [analytics]);

  return (
    <section aria-labelledby="analytics-title" className="screen">
      <h1 id="analytics-title">
        {analytics.filters.isG2bOnly ? t('analytics.g2bTitle') : t('analytics.title')}
      </h1>
      <div className="filters" role="search" aria-label={t('analytics.filters')}>
        <AgencyFilter
          id="analytics-agency"
          value={analytics.filters.agencyId}
          onChange={(id) => analytics.setAgency(id)}
        />
        <FilterSelect
          id="analytics-group"
          label={t('analytics.group')}
          value={analytics.filters.group}
          options={agencyGroups.map((group) => ({
            value: group,
            label: t(`results.group.${group}`),
          }))}
          onChange={(value) =>
            analytics.setGroup(agencyGroups.find((group) => group === value) ?? null)
          }
        />
        <CategoryFilter
          id="analytics-category"
          value={analytics.filters.category}
          onChange={(code) => analytics.setCategory(code)}
        />
        <label className="field">
          <input
            type="checkbox"
            checked={analytics.filters.isG2bOnly}
            onChange={(event) => analytics.setG2bOnly(event.target.checked)}
          />
          {t('analytics.g2bOnly')}
        </label>
      </div>
      <ErrorNotice error={analytics.error} />
      {state.kind === 'saved' && (
        <p role="status">{t('results.saved', { path: state.filePath })}</p>
      )}
      {state.kind === 'confirmOverwrite' && (
        <OverwriteQuestion
          filePath={state.filePath}
          onReplace={() => void state.retry()}
          onCancel={() => analytics.cancelOverwrite()}
        />
      )}
      {state.kind === 'failed' && <ErrorNotice error={state.error} />}
      {data && (
        <>
          <dl className="figures" aria-label={t('analytics.indicators')}>
            {(
              [
                ['stateBodies', data.indicators.stateBodies],
                ['services', data.indicators.services],
                ['g2bServices', data.indicators.g2bServices],
                ['electronicServices', data.indicators.electronicServices],
                ['nonElectronicServices', data.indicators.nonElectronicServices],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt>{t(`home.figures.${key}`)}</dt>
                <dd>{formatCount(value, language)}</dd>
              </div>
            ))}
          </dl>
          <dl className="figures" aria-label={t('analytics.reviewTitle')}>
            <div>
              <dt>{t('analytics.waiting')}</dt>
              <dd>{formatCount(data.review.waiting, language)}</dd>
            </div>
            <div>
              <dt>{t('analytics.returned')}</dt>
              <dd>{formatCount(data.review.returned, language)}</dd>
            </div>
            <div>
              <dt>{t('analytics.meanDays')}</dt>
              <dd>{data.review.meanWorkingDays ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('analytics.overLimit')}</dt>
              <dd>
                {data.review.overLimit} / {data.review.decided}
              </dd>
            </div>
          </dl>
          <ChartCard id="by-category" title={t('analytics.byCategory')} view="byCategory">
            <BarChart
              width={CHART.width}
              height={Math.max(CHART.height, 36 * data.byCategory.length + 60)}
              layout="vertical"
              data={plain(data.byCategory).map((row) => ({
                ...row,
                name: reference.categoryName(row.code, language),
              }))}
              margin={{ left: 8, right: 16 }}
              accessibilityLayer
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" />
              <YAxis type="category" dataKey="name" width={230} />
              <Tooltip />
              <Legend />
              {bar('services', t('analytics.services'), '#0b5cad')}
              {bar('agencies', t('analytics.agencies'), '#f1c232')}
            </BarChart>
          </ChartCard>
          <ChartCard id="by-group" title={t('analytics.byGroup')} view="byGroup">
            <BarChart
              {...CHART}
              data={plain(data.byGroup).map((row) => ({
                ...row,
                name: t(`results.group.${row.group}`),
              }))}
              accessibilityLayer
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis />
              <Tooltip />
              <Legend />
              {bar('services', t('analytics.services'), '#0b5cad')}
              {bar('electronic', t('analytics.electronic'), '#1d7a3a')}
            </BarChart>
          </ChartCard>
          <ChartCard id="by-channel" title={t('analytics.byChannel')} view="byChannel">
            <BarChart
              {...CHART}
              data={plain(data.byChannel).map((row) => ({
                ...row,
                name: t(`enums.channelKind.${row.kind}`, { defaultValue: row.kind }),
              }))}
              accessibilityLayer
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis />
              <Tooltip />
              {bar('services', t('analytics.services'), '#0b5cad')}
            </BarChart>
          </ChartCard>
          <ChartCard
            id="by-year"
            title={t('analytics.byYear')}
            view="electronificationByYear"
          >
            <BarChart
              {...CHART}
              data={plain(data.electronificationByYear)}
              accessibilityLayer
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="year" />
              <YAxis />
              <Tooltip />
              <Legend />
              {bar('electronic', t('analytics.electronic'), '#1d7a3a', 'y')}
              {bar('nonElectronic', t('analytics.nonElectronic'), '#9a5b00', 'y')}
            </BarChart>
          </ChartCard>
          <section className="card" aria-labelledby="by-agency-title">
            <h2 id="by-agency-title">{t('analytics.byAgency')}</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('services.agency')}</th>
                  <th scope="col">{t('analytics.services')}</th>
                  <th scope="col">{t('analytics.electronic')}</th>
                  <th scope="col">G2B</th>
                </tr>
              </thead>
              <tbody>
                {data.byAgency.map((row) => (
                  <tr key={row.agencyId}>
                    <th scope="row">
                      {reference.agencyName(row.agencyId, language, row.name)}
                    </th>
                    <td>{row.services}</td>
                    <td>{row.electronic}</td>
                    <td>{row.g2b}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="export-bar">
              <button
                type="button"
                onClick={() => void analytics.exportView('byAgency', 'xlsx')}
              >
                XLSX
              </button>
              <button
                type="button"
                onClick={() => void analytics.exportView('byAgency', 'csv')}
              >
                CSV
              </button>
            </div>
          </section>
        </>
      )}
    </section>
  );
});
