import type { TFunction } from 'i18next';
import { observer } from 'mobx-react-lite';
import type {
  DuplicateCandidateView,
  DuplicateSide,
} from '../../../shared/contract/duplicate-views';
import { duplicateMarkKinds } from '../../../shared/duplicates/duplicate-candidate';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';
import { percentText, reasonsText } from './duplicate-text';

type Row = { key: string; value: (side: DuplicateSide, t: TFunction) => string };

const rows: Row[] = [
  { key: 'agency', value: (side) => side.agencyName },
  { key: 'registryCode', value: (side) => side.registryCode },
  { key: 'result', value: (side) => side.resultName },
  { key: 'legalActs', value: (side) => side.legalActs.join('; ') },
  { key: 'documents', value: (side) => side.documents.join('; ') },
  {
    key: 'processingTime',
    value: (side, t) =>
      side.processingTime
        ? `${side.processingTime.value} ${t(`enums.timeUnit.${side.processingTime.unit}`)}`
        : '',
  },
];

/** One pair: both services side by side, the mark it has, and the reviewer's buttons. */
export const CandidateCard = observer(function CandidateCard({
  view,
}: {
  view: DuplicateCandidateView;
}) {
  const { duplicates } = useStores();
  const { t } = useTranslate();
  const { candidate, ownMark } = view;
  const id = candidate.id;
  const title = `${view.a?.name ?? t('duplicates.notHere')} ⇄ ${view.b?.name ?? t('duplicates.notHere')}`;
  const isWaiting =
    ownMark?.state === 'pending' ||
    ownMark?.state === 'sending' ||
    ownMark?.state === 'applied';
  const mark = candidate.mark;

  return (
    <article className="item-card duplicate-card" aria-label={title}>
      <header>
        <h2>{title}</h2>
        <p>
          <strong>
            {t('duplicates.score', { percent: percentText(candidate.score) })}
          </strong>
          {' · '}
          {reasonsText(t, candidate.reasons)}
        </p>
      </header>
      <table className="data-table duplicate-sides">
        <thead>
          <tr>
            <th scope="col">{t('duplicates.field.field')}</th>
            <th scope="col">{view.a?.name ?? t('duplicates.notHere')}</th>
            <th scope="col">{view.b?.name ?? t('duplicates.notHere')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{t(`duplicates.field.${row.key}`)}</th>
              <td>{view.a ? row.value(view.a, t) : ''}</td>
              <td>{view.b ? row.value(view.b, t) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mark && (
        <p className="duplicate-mark" role="status">
          {t('duplicates.markedBy', {
            kind: t(`duplicates.kind.${mark.kind}`),
            name: mark.markedByName,
            time: new Date(mark.markedAt).toLocaleString(),
          })}
          {mark.note !== '' && ` — ${t('duplicates.markNote', { note: mark.note })}`}
        </p>
      )}
      {ownMark && (
        <p
          className={
            ownMark.state === 'conflict' || ownMark.state === 'rejected'
              ? 'notice notice-error'
              : 'notice notice-pending'
          }
          role="status"
        >
          {t(`duplicates.ownMark.${ownMark.state}`, {
            kind: t(`duplicates.kind.${ownMark.kind}`),
            message: ownMark.error?.message ?? '',
          })}
        </p>
      )}
      <ErrorNotice error={duplicates.markErrors.get(id) ?? null} />
      {duplicates.canMark && !isWaiting && (
        <div className="duplicate-actions">
          <label className="field field-wide">
            <span>{t('duplicates.note')}</span>
            <textarea
              value={duplicates.noteOf(id)}
              onChange={(event) => duplicates.setNote(id, event.target.value)}
              rows={2}
            />
          </label>
          <div className="review-actions">
            {duplicateMarkKinds.map((kind) => (
              <button
                key={kind}
                type="button"
                className={kind === 'duplicate' ? 'primary' : undefined}
                disabled={duplicates.markingId !== null}
                onClick={() => void duplicates.mark(id, kind)}
              >
                {t(`duplicates.mark.${kind}`)}
              </button>
            ))}
          </div>
        </div>
      )}
    </article>
  );
});
