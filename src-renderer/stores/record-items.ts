import {
  administrativeStepSchema,
  channelSchema,
  legalActSchema,
  requiredDocumentSchema,
  type ServiceRecord,
} from '../../shared/domain/service-record';

/** The record fields that are lists of objects with an id. */
export type ItemListField = 'legalActs' | 'channels' | 'documents' | 'steps';
export type ItemOf<F extends ItemListField> = ServiceRecord[F][number];

/** A new, empty item for one of the record's lists, with a fresh id. */
export function newItem<F extends ItemListField>(field: F): ItemOf<F> {
  const id = crypto.randomUUID();
  const items: { [K in ItemListField]: ItemOf<K> } = {
    legalActs: legalActSchema.parse({ id, kind: 'law' }),
    channels: channelSchema.parse({
      id,
      kind: 'asanCentre',
      form: 'inPerson',
      degree: 'informative',
    }),
    documents: requiredDocumentSchema.parse({ id }),
    steps: administrativeStepSchema.parse({ id }),
  };
  return items[field];
}

/** The record without the document `id`, and without channels' references to it. */
export function withoutDocument(
  record: ServiceRecord,
  id: string,
): Partial<ServiceRecord> {
  return {
    documents: record.documents.filter((document) => document.id !== id),
    channels: record.channels.map((channel) =>
      channel.documentIds === null
        ? channel
        : {
            ...channel,
            documentIds: channel.documentIds.filter((other) => other !== id),
          },
    ),
  };
}
