import type { Fee } from '../domain/service-record';
import type { JsonLdNode } from './context';
import { ref } from './context';
import { authority } from './iris';

/**
 * A fee as a cv:Cost: the value in AZN (qəpik / 100), 0 for a free service,
 * none when a fee is charged but its amount is not fixed. The legal basis
 * goes into the description, CPSV-AP's Cost having no property for it.
 */
export function costNode(
  id: string,
  identifier: string,
  fee: Fee,
  channelId: string | null,
): JsonLdNode {
  const value = fee.isFree ? 0 : fee.amountQepik === null ? null : fee.amountQepik / 100;
  const description = [
    fee.isFree ? 'Ödənişsiz' : 'Ödənişli',
    fee.legalBasis === '' ? '' : `Hüquqi əsas: ${fee.legalBasis}`,
    fee.paymentMethods.length > 0
      ? `Ödəniş üsulları: ${fee.paymentMethods.join(', ')}`
      : '',
  ].filter((part) => part !== '');
  return {
    '@id': id,
    '@type': 'cv:Cost',
    'dct:identifier': identifier,
    ...(value === null ? {} : { 'cv:hasValue': value }),
    'cv:currency': ref(authority.currencyAzn),
    'dct:description': description.join('. '),
    ...(channelId === null ? {} : { 'cv:ifAccessedThrough': ref(channelId) }),
  };
}
