import type { Agency } from '../domain/agency';
import type { JsonLdNode } from './context';
import { ref, text } from './context';
import { authority } from './iris';
import type { Iris } from './iris';

/** An agency as the cv:PublicOrganisation competent for its services. */
export function organisationNode(iris: Iris, agency: Agency): JsonLdNode {
  return {
    '@id': iris.organisation(agency.code),
    '@type': 'cv:PublicOrganisation',
    'dct:identifier': agency.code,
    'skos:prefLabel': [agency.nameAz, text(agency.nameEn, 'en')],
    // The registry is national: every agency acts for the Republic.
    'dct:spatial': ref(authority.countryAz),
  };
}
