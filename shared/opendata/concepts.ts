import type { Category } from '../domain/category';
import type { audiences, channelKinds, serviceKinds } from '../domain/service-record';
import type { JsonLdNode } from './context';
import { text } from './context';
import { authority } from './iris';
import type { Iris } from './iris';

type Labels = readonly [az: string, en: string];

/** Azerbaijani and English labels of the registry's own code lists, as SKOS concepts. */
const serviceKindLabels: Record<(typeof serviceKinds)[number], Labels> = {
  permit: ['İcazə', 'Permit'],
  licence: ['Lisenziya', 'Licence'],
  registration: ['Qeydiyyat', 'Registration'],
  certificate: ['Arayış, şəhadətnamə', 'Certificate'],
  information: ['Məlumat', 'Information'],
  payment: ['Ödəniş', 'Payment'],
  benefit: ['Müavinət, güzəşt', 'Benefit'],
  other: ['Digər', 'Other'],
};
const channelKindLabels: Record<(typeof channelKinds)[number], Labels> = {
  asanCentre: ['ASAN xidmət mərkəzi', 'ASAN service centre'],
  egovPortal: ['Elektron hökumət portalı', 'e-Government portal'],
  agencyOffice: ['Qurumun ofisi', 'Agency office'],
  agencyWebsite: ['Qurumun saytı', 'Agency website'],
  post: ['Poçt', 'Post'],
  mobileApp: ['Mobil tətbiq', 'Mobile application'],
  callCentre: ['Çağrı mərkəzi', 'Call centre'],
  other: ['Digər', 'Other channel'],
};
const audienceLabels: Record<(typeof audiences)[number], Labels> = {
  G2C: ['Vətəndaşlar', 'Citizens'],
  G2B: ['Sahibkarlar', 'Businesses'],
  G2G: ['Dövlət orqanları', 'Government bodies'],
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
  const codeList = <K extends string>(scheme: string, labels: Record<K, Labels>) =>
    (Object.entries(labels) as Array<[K, Labels]>).map(([code, [az, en]]) =>
      concept(iris.concept(scheme, code), code, [az, text(en, 'en')]),
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
      'skos:prefLabel': ['Tamamlanmış', text('Completed', 'en')],
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
