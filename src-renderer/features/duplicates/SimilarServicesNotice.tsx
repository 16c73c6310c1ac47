import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { percentText, reasonsText } from './duplicate-text';

/**
 * Names the existing services a service looks like, and why, so agency
 * staff see a duplicate before they submit and a reviewer sees the same in
 * the review view; and the merge proposals reviewers made about it.
 */
export const SimilarServicesNotice = observer(function SimilarServicesNotice({
  serviceId,
}: {
  serviceId: string;
}) {
  const { similar } = useStores();
  const { t } = useTranslate();
  useEffect(() => similar.watch(serviceId), [similar, serviceId]);

  if (similar.serviceId !== serviceId) return null;
  const found = similar.result?.similar ?? [];
  return (
    <div className="similar-services">
      <ErrorNotice error={similar.error} />
      {similar.isChecking && (
        <p className="muted" role="status">
          {t('duplicates.similar.checking')}
        </p>
      )}
      {found.length > 0 && (
        <section
          className="notice notice-warn"
          role="region"
          aria-label={t('duplicates.similar.title')}
        >
          <p>{t('duplicates.similar.intro')}</p>
          <ul>
            {found.map((service) => (
              <li key={service.serviceId}>
                {t('duplicates.similar.item', {
                  name: service.name,
                  agency: service.agencyName,
                  code: service.registryCode,
                  percent: percentText(service.score),
                  reasons: reasonsText(t, service.reasons),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {similar.proposals.map((proposal) => {
        const other = proposal.a?.serviceId === serviceId ? proposal.b : proposal.a;
        return (
          <section
            key={proposal.candidate.id}
            className="notice notice-warn"
            role="region"
            aria-label={t('duplicates.proposal.title')}
          >
            <p>
              {t('duplicates.proposal.item', {
                name: other?.name ?? '',
                agency: other?.agencyName ?? '',
              })}
            </p>
            {proposal.candidate.mark?.note && (
              <p>
                {t('duplicates.proposal.note', { note: proposal.candidate.mark.note })}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
});
