import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { ScoringSheet } from './ScoringSheet';

/** Campaigns, the services of the open one with their progress, and a service's sheet. */
export const EvaluationScreen = observer(function EvaluationScreen() {
  const { evaluation, reference } = useStores();
  const { t, language } = useTranslate();
  const detail = evaluation.detail;

  useEffect(() => {
    const first = evaluation.campaigns[0];
    if (!evaluation.detail && first) void evaluation.openCampaign(first.id);
  }, [evaluation, evaluation.campaigns]);

  return (
    <section aria-labelledby="evaluation-title" className="screen">
      <h1 id="evaluation-title">{t('evaluation.title')}</h1>
      <ErrorNotice error={evaluation.campaignsError} />
      {evaluation.campaigns.length === 0 && <p>{t('evaluation.noCampaigns')}</p>}
      <div className="field">
        <label htmlFor="campaign-picker">{t('evaluation.campaign')}</label>
        <select
          id="campaign-picker"
          value={detail?.summary.id ?? ''}
          onChange={(event) => void evaluation.openCampaign(event.target.value)}
        >
          {evaluation.campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name[language]} · {t(`evaluation.status.${campaign.status}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorNotice error={evaluation.detailError} />
      {detail && (
        <div className="review-layout">
          <div className="review-queue">
            <p className="muted">
              {t('evaluation.progress', {
                answered: detail.summary.progress.answered,
                total: detail.summary.progress.total,
              })}
              {detail.summary.myProgress &&
                ` · ${t('evaluation.myProgress', {
                  answered: detail.summary.myProgress.answered,
                  total: detail.summary.myProgress.total,
                })}`}
            </p>
            <ol className="review-items" aria-label={t('evaluation.services')}>
              {detail.services.map((service) => (
                <li key={service.serviceId}>
                  <button
                    type="button"
                    className="review-item"
                    aria-current={
                      evaluation.sheet?.serviceId === service.serviceId
                        ? 'true'
                        : undefined
                    }
                    onClick={() => void evaluation.openService(service.serviceId)}
                  >
                    <span className="review-item-label">{service.name}</span>
                    <span className="muted">
                      {reference.agencyName(service.agencyId, language)}
                    </span>
                    <span className="badge">
                      {t('evaluation.answered', {
                        answered: service.myProgress.answered,
                        total: service.myProgress.total,
                      })}
                    </span>
                    {service.disputed > 0 && (
                      <span className="badge badge-warn">
                        {t('evaluation.disputedCount', { n: service.disputed })}
                      </span>
                    )}
                    {service.percent !== null && (
                      <span className="badge">{service.percent.toFixed(2)} %</span>
                    )}
                  </button>
                </li>
              ))}
            </ol>
            <h2>{t('evaluation.providers')}</h2>
            <ul>
              {detail.providers.map((provider) => (
                <li key={provider.agencyId}>
                  {reference.agencyName(provider.agencyId, language, provider.name)}:{' '}
                  {t('evaluation.answered', {
                    answered: provider.progress.answered,
                    total: provider.progress.total,
                  })}
                </li>
              ))}
            </ul>
            <h2>{t('evaluation.evaluators')}</h2>
            <ul>
              {detail.evaluators.map((evaluator) => (
                <li key={evaluator.evaluatorId}>
                  {evaluator.name}:{' '}
                  {t('evaluation.answered', {
                    answered: evaluator.progress.answered,
                    total: evaluator.progress.total,
                  })}
                </li>
              ))}
            </ul>
          </div>
          <div className="review-pane">
            <ErrorNotice error={evaluation.sheetError} />
            {evaluation.sheet ? (
              <ScoringSheet sheet={evaluation.sheet} />
            ) : (
              <p className="muted">{t('evaluation.pick')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
});
