import { observer } from 'mobx-react-lite';
import type { FormEvent } from 'react';
import { useStores } from '../../app/stores-context';
import { formatDateTime } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FieldErrors } from '../../ui/Field';
import { useTranslate } from '../../ui/use-translate';

/** The agency's service names with their status, and the form to propose a new one. */
export const ServiceNamesScreen = observer(function ServiceNamesScreen() {
  const { serviceNames, session } = useStores();
  const { t, language } = useTranslate();
  const aliasesError = serviceNames.aliasesError;

  const handlePropose = (event: FormEvent) => {
    event.preventDefault();
    void serviceNames.propose();
  };

  return (
    <section aria-labelledby="names-title" className="screen">
      <h1 id="names-title">{t('names.title')}</h1>
      <p className="muted">{t('names.intro')}</p>
      {session.isAgencyStaff && (
        <form
          className="card"
          onSubmit={handlePropose}
          aria-labelledby="propose-title"
          noValidate
        >
          <h2 id="propose-title">{t('names.proposeTitle')}</h2>
          <Field
            label={t('names.name')}
            errors={serviceNames.nameError ? [serviceNames.nameError] : []}
          >
            {(control) => (
              <input
                {...control}
                value={serviceNames.name}
                onChange={(event) => serviceNames.setName(event.target.value)}
              />
            )}
          </Field>
          {serviceNames.similar.length > 0 && (
            <section className="notice notice-warn" aria-labelledby="similar-names-title">
              <h3 id="similar-names-title">{t('names.similarTitle')}</h3>
              <ul>
                {serviceNames.similar.map((match) => (
                  <li key={match.id}>
                    {match.name} <span className="muted">({match.agencyName})</span>
                  </li>
                ))}
              </ul>
              <p>{t('names.similarHint')}</p>
            </section>
          )}
          <Field label={t('names.aliases')} hint={t('names.aliasesHint')}>
            {(control) => (
              <textarea
                {...control}
                aria-invalid={aliasesError !== null}
                rows={3}
                value={serviceNames.aliasesText}
                onChange={(event) => serviceNames.setAliasesText(event.target.value)}
              />
            )}
          </Field>
          {aliasesError && (
            <FieldErrors
              errors={[
                t('names.aliasError', {
                  line: aliasesError.line,
                  message: aliasesError.message,
                }),
              ]}
            />
          )}
          <ErrorNotice error={serviceNames.proposeError} />
          <button type="submit" className="primary" disabled={serviceNames.isProposing}>
            {t('names.propose')}
          </button>
        </form>
      )}
      <ErrorNotice error={serviceNames.loadError} />
      <table className="data-table">
        <caption className="visually-hidden">{t('names.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('names.name')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('common.syncState')}</th>
            <th scope="col">{t('names.proposedAt')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {serviceNames.sortedRows.length === 0 && (
            <tr>
              <td colSpan={5}>{t('names.empty')}</td>
            </tr>
          )}
          {serviceNames.sortedRows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {row.name}
                {row.aliases.length > 0 && (
                  <div className="muted">{row.aliases.join(' · ')}</div>
                )}
                {row.reason !== '' && (
                  <div className="remark">
                    {t('names.reason')}: {row.reason}
                  </div>
                )}
              </th>
              <td>
                <span className={`status status-${row.status}`}>
                  {t(`enums.status.${row.status}`)}
                </span>
              </td>
              <td>{t(`enums.syncState.${row.syncState}`)}</td>
              <td>{formatDateTime(row.proposedAt, language)}</td>
              <td>
                {row.status === 'approved' && row.agencyId === session.user?.agencyId && (
                  <button
                    type="button"
                    disabled={serviceNames.creatingFor === row.id}
                    onClick={() => void serviceNames.describe(row)}
                  >
                    {t('names.describe')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});
