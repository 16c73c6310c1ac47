/** IRIs of the nodes the export mints, all under one base (see OpenDataOptions). */
export interface Iris {
  service(code: string): string;
  organisation(agencyCode: string): string;
  category(code: string): string;
  concept(scheme: string, code: string): string;
  part(code: string, kind: string, id: string): string;
}

export function irisUnder(baseIri: string): Iris {
  const base = baseIri.endsWith('/') || baseIri.endsWith(':') ? baseIri : `${baseIri}/`;
  const segment = (value: string) => encodeURIComponent(value);
  return {
    service: (code) => `${base}service/${segment(code)}`,
    organisation: (agencyCode) => `${base}organisation/${segment(agencyCode)}`,
    category: (code) => `${base}concept/category/${segment(code)}`,
    concept: (scheme, code) => `${base}concept/${scheme}/${segment(code)}`,
    part: (code, kind, id) => `${base}service/${segment(code)}/${kind}/${segment(id)}`,
  };
}

/** EU authority tables (publications.europa.eu) for the shared concepts. */
export const authority = {
  currencyAzn: 'http://publications.europa.eu/resource/authority/currency/AZN',
  languageAz: 'http://publications.europa.eu/resource/authority/language/AZE',
  countryAz: 'http://publications.europa.eu/resource/authority/country/AZE',
  /** ADMS status of a published description: complete and in force. */
  statusCompleted: 'http://purl.org/adms/status/Completed',
} as const;
