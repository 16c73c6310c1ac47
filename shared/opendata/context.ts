/**
 * The JSON-LD @context of the open-data export, embedded so that neither
 * the server nor a consumer's processor has to fetch one: the vocabularies
 * CPSV-AP 3.2.0 draws on, and the datatypes its SHACL shapes require
 * (xsd:duration for processing times, xsd:double for cost values).
 * Plain strings are Azerbaijani text unless a term says otherwise.
 */
export const cpsvApContext = {
  '@language': 'az',
  cpsv: 'http://purl.org/vocab/cpsv#',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
  dcat: 'http://www.w3.org/ns/dcat#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  adms: 'http://www.w3.org/ns/adms#',
  locn: 'http://www.w3.org/ns/locn#',
  schema: 'https://schema.org/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  eli: 'http://data.europa.eu/eli/ontology#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  'dct:identifier': { '@language': null },
  'skos:notation': { '@language': null },
  'eli:id_local': { '@language': null },
  'cv:telephone': { '@language': null },
  'cv:email': { '@language': null },
  'cv:hasValue': { '@type': 'xsd:double' },
  'cv:processingTime': { '@type': 'xsd:duration' },
  'dct:modified': { '@type': 'xsd:dateTime' },
  'eli:date_document': { '@type': 'xsd:date' },
  'owl:versionInfo': { '@language': null },
  'rdfs:seeAlso': { '@type': '@id' },
} as const;

/** A JSON-LD node as the export writes it. */
export type JsonLdNode = { '@id': string; '@type'?: string | string[] } & {
  [key: string]: unknown;
};

/** A reference to a node described elsewhere in the graph. */
export const ref = (id: string) => ({ '@id': id });

/** A text in a language other than the default Azerbaijani. */
export const text = (value: string, language: string) => ({
  '@value': value,
  '@language': language,
});
