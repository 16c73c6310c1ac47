import { observer } from 'mobx-react-lite';
import {
  channelDegrees,
  channelForms,
  channelKinds,
  feeSchema,
  processingTimeSchema,
  type Channel,
} from '../../../shared/domain/service-record';
import { useStores } from '../../app/stores-context';
import { CheckGroup, EnumSelect } from '../../ui/EnumSelect';
import { Field, FieldErrors } from '../../ui/Field';
import { useTranslate } from '../../ui/use-translate';
import { FeeFields, ProcessingTimeFields } from './FeeFields';
import { CheckInput, TextInput } from './inputs';
import { ItemCard, Section } from './Section';

/** Delivery channels, each with its form and degree and, where they differ, its own fee, time and documents. */
export const ChannelsSection = observer(function ChannelsSection() {
  const { editor } = useStores();
  const { t } = useTranslate();
  return (
    <Section field="channels">
      {editor.record.channels.map((channel, index) => (
        <ItemCard
          key={channel.id}
          title={t('record.channels.item', {
            number: index + 1,
            kind: t(`enums.channelKind.${channel.kind}`),
          })}
          canEdit={editor.canEdit}
          onRemove={() => editor.removeItem('channels', index)}
        >
          <ChannelFields channel={channel} index={index} />
        </ItemCard>
      ))}
      {editor.canEdit && (
        <button type="button" onClick={() => editor.addItem('channels')}>
          {t('record.channels.add')}
        </button>
      )}
    </Section>
  );
});

const ChannelFields = observer(function ChannelFields(props: {
  channel: Channel;
  index: number;
}) {
  const { editor } = useStores();
  const { t } = useTranslate();
  const { channel, index } = props;
  const path = `channels.${index}`;
  const patch = (change: Partial<Channel>) => editor.patchItem('channels', index, change);
  const documents = editor.record.documents;
  const documentLabel = (id: string) =>
    documents.find((document) => document.id === id)?.name ||
    t('record.documents.unnamed');

  return (
    <>
      <div className="field-grid">
        <Field label={t('record.channels.kind')}>
          {(control) => (
            <EnumSelect
              control={control}
              labels="channelKind"
              values={channelKinds}
              value={channel.kind}
              disabled={!editor.canEdit}
              onChange={(kind) => patch({ kind })}
            />
          )}
        </Field>
        <Field label={t('record.channels.form')}>
          {(control) => (
            <EnumSelect
              control={control}
              labels="channelForm"
              values={channelForms}
              value={channel.form}
              disabled={!editor.canEdit}
              onChange={(form) => patch({ form })}
            />
          )}
        </Field>
        <Field label={t('record.channels.degree')}>
          {(control) => (
            <EnumSelect
              control={control}
              labels="channelDegree"
              values={channelDegrees}
              value={channel.degree}
              disabled={!editor.canEdit}
              onChange={(degree) => patch({ degree })}
            />
          )}
        </Field>
      </div>
      <CheckInput
        label={t('record.channels.ownFee')}
        checked={channel.fee !== null}
        onChange={(isOwn) => patch({ fee: isOwn ? feeSchema.parse({}) : null })}
      />
      {channel.fee && (
        <FeeFields
          path={`${path}.fee`}
          fee={channel.fee}
          onChange={(change) =>
            patch({ fee: channel.fee && { ...channel.fee, ...change } })
          }
        />
      )}
      <CheckInput
        label={t('record.channels.ownTime')}
        checked={channel.processingTime !== null}
        onChange={(isOwn) =>
          patch({ processingTime: isOwn ? processingTimeSchema.parse({}) : null })
        }
      />
      {channel.processingTime && (
        <ProcessingTimeFields
          path={`${path}.processingTime`}
          time={channel.processingTime}
          onChange={(change) =>
            patch({
              processingTime: channel.processingTime && {
                ...channel.processingTime,
                ...change,
              },
            })
          }
        />
      )}
      <CheckInput
        label={t('record.channels.allDocuments')}
        checked={channel.documentIds === null}
        onChange={(isAll) =>
          patch({ documentIds: isAll ? null : documents.map((document) => document.id) })
        }
      />
      {channel.documentIds !== null && (
        <CheckGroup
          legend={t('record.channels.documents')}
          labels="document"
          values={documents.map((document) => document.id)}
          selected={channel.documentIds}
          labelOf={documentLabel}
          disabled={!editor.canEdit}
          onChange={(documentIds) => patch({ documentIds })}
          errors={<FieldErrors errors={editor.errorsUnder(`${path}.documentIds`)} />}
        />
      )}
      <TextInput
        label={t('record.channels.note')}
        path={`${path}.note`}
        value={channel.note}
        onChange={(note) => patch({ note })}
      />
    </>
  );
});
