import type { ServiceRecord } from '../domain/service-record';
import type { JsonLdNode } from './context';
import type { Iris } from './iris';

/** The record's contact as a cv:ContactPoint, or null when it gives none. */
export function contactPointNode(
  iris: Iris,
  code: string,
  contact: ServiceRecord['contact'],
): JsonLdNode | null {
  if (Object.values(contact).every((value) => value === '')) return null;
  return {
    '@id': iris.part(code, 'contact-point', 'service'),
    '@type': 'cv:ContactPoint',
    ...(contact.phone === '' ? {} : { 'cv:telephone': contact.phone }),
    ...(contact.email === '' ? {} : { 'cv:email': contact.email }),
    ...(contact.website === ''
      ? {}
      : { 'cv:contactPage': { '@id': contact.website, '@type': 'foaf:Document' } }),
    ...(contact.address === ''
      ? {}
      : {
          'locn:address': {
            '@id': iris.part(code, 'address', 'service'),
            '@type': 'locn:Address',
            'locn:fullAddress': contact.address,
          },
        }),
  };
}
