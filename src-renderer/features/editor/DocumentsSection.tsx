import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import { useTranslate } from '../../ui/use-translate';
import { CheckInput, TextInput } from './inputs';
import { ItemCard, Section } from './Section';

/** Documents the service needs; one the agency fetches itself names the system it comes from. */
export const DocumentsSection = observer(function DocumentsSection() {
  const { editor } = useStores();
  const { t } = useTranslate();
  return (
    <Section field="documents">
      {editor.record.documents.map((document, index) => {
        const path = `documents.${index}`;
        const patch = (change: Partial<typeof document>) =>
          editor.patchItem('documents', index, change);
        return (
          <ItemCard
            key={document.id}
            title={t('record.documents.item', { number: index + 1 })}
            canEdit={editor.canEdit}
            onRemove={() => editor.removeItem('documents', index)}
          >
            <TextInput
              label={t('record.documents.name')}
              path={`${path}.name`}
              value={document.name}
              onChange={(name) => patch({ name })}
            />
            <CheckInput
              label={t('record.documents.isFetchedByAgency')}
              checked={document.isFetchedByAgency}
              onChange={(isFetchedByAgency) => patch({ isFetchedByAgency })}
            />
            {(document.isFetchedByAgency || document.sourceSystem !== '') && (
              <TextInput
                label={t('record.documents.sourceSystem')}
                path={`${path}.sourceSystem`}
                value={document.sourceSystem}
                onChange={(sourceSystem) => patch({ sourceSystem })}
              />
            )}
            <CheckInput
              label={t('record.documents.isOriginalRequired')}
              checked={document.isOriginalRequired}
              onChange={(isOriginalRequired) => patch({ isOriginalRequired })}
            />
            <TextInput
              label={t('record.documents.note')}
              path={`${path}.note`}
              value={document.note}
              onChange={(note) => patch({ note })}
            />
          </ItemCard>
        );
      })}
      {editor.canEdit && (
        <button type="button" onClick={() => editor.addItem('documents')}>
          {t('record.documents.add')}
        </button>
      )}
    </Section>
  );
});
