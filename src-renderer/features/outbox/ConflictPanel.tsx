import { observer } from 'mobx-react-lite';
import type { OutboxEntry } from '../../../shared/contract/sync-status';
import type { FieldConflict } from '../../../shared/sync/results';
import { useStores } from '../../app/stores-context';
import { valueAsEditableText } from '../../stores/conflict-values';
import { useTranslate } from '../../ui/use-translate';

/** Each conflicting field: base, mine and theirs side by side, and the three ways out. */
export const ConflictPanel = observer(function ConflictPanel({
  entry,
}: {
  entry: OutboxEntry;
}) {
  return (
    <>
      {entry.conflicts.map((conflict) => (
        <FieldConflictView key={conflict.field} entryId={entry.id} conflict={conflict} />
      ))}
    </>
  );
});

const FieldConflictView = observer(function FieldConflictView(props: {
  entryId: number;
  conflict: FieldConflict;
}) {
  const { outbox } = useStores();
  const { t } = useTranslate();
  const { entryId, conflict } = props;
  const isBusy = outbox.busyEntryId === entryId;
  const editing =
    outbox.editing?.entryId === entryId && outbox.editing.field === conflict.field
      ? outbox.editing
      : null;
  const fieldTitle = t(`record.${conflict.field}.title`);
  const editorId = `conflict-edit-${entryId}-${conflict.field}`;

  return (
    <section
      className="conflict"
      aria-label={t('outbox.conflictOn', { field: fieldTitle })}
    >
      <h3>{fieldTitle}</h3>
      <div className="conflict-columns">
        {(['base', 'mine', 'theirs'] as const).map((side) => (
          <figure key={side} className={`conflict-side conflict-${side}`}>
            <figcaption>{t(`outbox.side.${side}`)}</figcaption>
            <pre>{valueAsEditableText(conflict.field, conflict[side])}</pre>
          </figure>
        ))}
      </div>
      {editing ? (
        <div className="field field-wide">
          <label htmlFor={editorId}>{t('outbox.editValue', { field: fieldTitle })}</label>
          <textarea
            id={editorId}
            rows={8}
            value={editing.text}
            aria-invalid={editing.error !== null}
            onChange={(event) => outbox.setEditText(event.target.value)}
          />
          {editing.error && <p className="field-errors">{editing.error}</p>}
          <button
            type="button"
            className="primary"
            disabled={isBusy}
            onClick={() => void outbox.saveEdit()}
          >
            {t('outbox.saveEdit')}
          </button>
          <button type="button" onClick={() => outbox.cancelEdit()}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <div className="entry-actions">
          <button
            type="button"
            disabled={isBusy}
            onClick={() => void outbox.resolve(entryId, conflict.field, 'mine')}
          >
            {t('outbox.keepMine')}
          </button>
          <button
            type="button"
            disabled={isBusy}
            onClick={() => void outbox.resolve(entryId, conflict.field, 'theirs')}
          >
            {t('outbox.takeTheirs')}
          </button>
          <button
            type="button"
            disabled={isBusy}
            onClick={() => outbox.startEdit(entryId, conflict.field, conflict.mine)}
          >
            {t('outbox.edit')}
          </button>
        </div>
      )}
    </section>
  );
});
