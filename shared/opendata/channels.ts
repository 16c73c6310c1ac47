import type { Channel, ServiceRecord } from '../domain/service-record';
import { schemes } from './concepts';
import type { JsonLdNode } from './context';
import { ref } from './context';
import { toXsdDuration } from './duration';
import type { Iris } from './iris';

/** A delivery channel as a cv:Channel, with the documents it asks for as its inputs. */
export function channelNode(
  iris: Iris,
  code: string,
  record: ServiceRecord,
  channel: Channel,
): JsonLdNode {
  const duration = channel.processingTime ? toXsdDuration(channel.processingTime) : null;
  const documentIds =
    channel.documentIds ?? record.documents.map((document) => document.id);
  const inputs = documentIds
    .filter((id) => record.documents.some((d) => d.id === id && d.name !== ''))
    .map((id) => ref(iris.part(code, 'evidence', id)));
  const description = [channel.note, channel.processingTime?.note ?? '']
    .filter((part) => part !== '')
    .join('. ');
  return {
    '@id': iris.part(code, 'channel', channel.id),
    '@type': 'cv:Channel',
    'dct:identifier': channel.id,
    'dct:type': ref(iris.concept(schemes.channelKind, channel.kind)),
    ...(description === '' ? {} : { 'dct:description': description }),
    ...(duration === null ? {} : { 'cv:processingTime': duration }),
    ...(inputs.length > 0 ? { 'cpsv:hasInput': inputs } : {}),
  };
}
