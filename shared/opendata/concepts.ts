import type { Category } from '../domain/category';
import type { audiences, channelKinds, serviceKinds } from '../domain/service-record';
import type { JsonLdNode } from './context';
import { text } from './context';
import { authority } from './iris';
import type { Iris } from './iris';

/** English labels of the registry's own code lists, published as SKOS concepts. */
const serviceKindLabels: Record<(typeof serviceKinds)[number], string> = {
  permit: 'Permit',
  licence: 'Licence',
  registration: 'Registration',
  certificate: 'Certificate',
  information: 'Information',
  payment: 'Payment',
  benefit: 'Benefit',
  other: 'Other',
};
const channelKindLabels: Record<(typeof channelKinds)[number], string> = {
  asanCentre: 'ASAN service centre',
  egovPortal: 'e-Government portal',
  agencyOffice: 'Agency office',
  agencyWebsite: 'Agency website',
  post: 'Post',
  mobileApp: 'Mobile application',
  callCentre: 'Call centre',
  other: 'Other channel',
};
const audienceLabels: Record<(typeof audiences)[number], string> = {
  G2C: 'Citizens',
  G2B: 'Businesses',
  G2G: 'Government bodies',
};

/** The code lists the concepts belong to, as IRI path segments. */
export const schemes = {
  serviceKind: 'service-kind',
  channelKind: 'channel-kind',
  audience: 'audience',
} as const;

function concept(id: string, notation: string, labels: unknown[]): JsonLdNode {
  return {
    '@id': id,
    '@type': 'skos:Concept',
    'skos:notation': notation,
    'skos:prefLabel': labels,
  };
}

/**
 * The nodes every service refers to, written once at the head of the graph:
 * SHACL's sh:class needs each referenced concept typed in the data itself.
 */
export function sharedConceptNodes(
  iris: Iris,
  categories: readonly Category[],
): JsonLdNode[] {
  const codeList = <K extends string>(scheme: string, labels: Record<K, string>) =>
    (Object.entries(labels) as Array<[K, string]>).map(([code, label]) =>
      concept(iris.concept(scheme, code), code, [text(label, 'en')]),
    );
  return [
    {
      '@id': authority.currencyAzn,
      '@type': 'skos:Concept',
      'skos:notation': 'AZN',
      'skos:prefLabel': ['Azərbaycan manatı', text('Azerbaijani manat', 'en')],
    },
    {
      '@id': authority.languageAz,
      '@type': 'dct:LinguisticSystem',
      'skos:prefLabel': ['Azərbaycan dili', text('Azerbaijani', 'en')],
    },
    {
      '@id': authority.countryAz,
      '@type': 'dct:Location',
      'skos:prefLabel': ['Azərbaycan Respublikası', text('Republic of Azerbaijan', 'en')],
    },
    {
      '@id': authority.statusCompleted,
      '@type': 'skos:Concept',
      'skos:prefLabel': [text('Completed', 'en')],
    },
    ...categories.map((category) =>
      concept(iris.category(category.code), category.code, [
        category.nameAz,
        text(category.nameEn, 'en'),
        text(category.nameRu, 'ru'),
      ]),
    ),
    ...codeList(schemes.serviceKind, serviceKindLabels),
    ...codeList(schemes.channelKind, channelKindLabels),
    ...codeList(schemes.audience, audienceLabels),
  ];
}
