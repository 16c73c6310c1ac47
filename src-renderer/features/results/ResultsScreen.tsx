import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import type { ReportSource } from '../../../shared/contract/evaluation-views';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { ExportBar } from './ExportBar';
import { TrendChart } from './TrendChart';

function sourceKey(source: ReportSource | null): string {
  if (!source) return '';
  return source.kind === 'campaign'
    ? `campaign:${source.campaignId}`
    : `year:${source.year}`;
}

function parseSourceKey(key: string): ReportSource | null {
  const [kind, value] = key.split(':');
  if (kind === 'campaign' && value) return { kind: 'campaign', campaignId: value };
  if (kind === 'year' && value) return { kind: 'published', year: Number(value) };
  return null;
}

/** Ranked results per group with stars, per parameter, a provider's trend, and exports. */
export const ResultsScreen = observer(function ResultsScreen() {
  const { results } = useStores();
  const { t, language } = useTranslate();
  const view = results.view;

  useEffect(() => {
    const year = results.publishedYears.at(-1);
    if (!results.source && year !== undefined)
      void results.show({ kind: 'published', year });
  }, [results, results.publishedYears]);

  const handleSource = (key: string) => {
    const source = parseSourceKey(key);
    if (source) void results.show(source);
  };
  const trendName =
    view?.report.groups
      .flatMap((group) => group.providers)
      .find((provider) => provider.agencyId === results.trendAgencyId)?.name ?? '';

  return (
    <section aria-labelledby="results-title" className="screen">
      <h1 id="results-title">{t('results.title')}</h1>
      <div className="field">
        <label htmlFor="results-source">{t('results.source')}</label>
        <select
          id="results-source"
          value={sourceKey(results.source)}
          onChange={(event) => handleSource(event.target.value)}
        >
          <option value="" disabled>
            {t('results.pickSource')}
          </option>
          {results.publishedYears.map((year) => (
            <option key={year} value={`year:${year}`}>
              {t('results.publishedYear', { year })}
            </option>
          ))}
          {results.campaigns.map((campaign) => (
            <option key={campaign.id} value={`campaign:${campaign.id}`}>
              {campaign.name[language]}
            </option>
          ))}
        </select>
      </div>
      <ErrorNotice error={results.error} />
      {view && (
        <>
          <p className="muted">
            {t('results.methodology', {
              name: view.report.methodology.name,
              version: view.report.methodology.version,
            })}{' '}
            · SHA-256: <code>{view.digest.slice(0, 16)}…</code>
          </p>
          <ExportBar />
          {results.trendAgencyId && (
            <TrendChart points={results.trend} providerName={trendName} />
          )}
          {view.report.groups.map((group) => (
            <section key={group.group} aria-labelledby={`group-${group.group}`}>
              <h2 id={`group-${group.group}`}>{t(`results.group.${group.group}`)}</h2>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('results.rank')}</th>
                    <th scope="col">{t('results.provider')}</th>
                    <th scope="col">{t('results.percent')}</th>
                    <th scope="col">{t('results.stars')}</th>
                    {view.parameters.map((parameter) => (
                      <th key={parameter.code} scope="col">
                        {parameter.name[language]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {group.providers.map((provider) => (
                    <tr key={provider.name}>
                      <td>
                        {provider.rank}
                        {provider.tiedWith.length > 0 && (
                          <span title={provider.tiedWith.join(', ')}>=</span>
                        )}
                      </td>
                      <th scope="row">
                        {provider.agencyId ? (
                          <button
                            type="button"
                            className="link"
                            onClick={() =>
                              provider.agencyId &&
                              void results.showTrend(provider.agencyId)
                            }
                          >
                            {provider.name}
                          </button>
                        ) : (
                          provider.name
                        )}
                      </th>
                      <td>{provider.percent.toFixed(2)} %</td>
                      <td aria-label={t('results.starsLabel', { n: provider.stars })}>
                        {'★'.repeat(provider.stars)}
                      </td>
                      {view.parameters.map((parameter) => (
                        <td key={parameter.code}>
                          {(
                            view.providerParameters[provider.agencyId ?? '']?.find(
                              (entry) => entry.code === parameter.code,
                            )?.percent ?? 0
                          ).toFixed(1)}{' '}
                          %
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
    </section>
  );
});
