import type { LegalAct, ServiceRecord } from '../domain/service-record';
import type { JsonLdNode } from './context';
import { ref } from './context';
import type { Iris } from './iris';

/** Each named required document as a cv:Evidence. */
export function evidenceNodes(iris: Iris, code: string, record: ServiceRecord) {
  return record.documents
    .filter((document) => document.name !== '')
    .map((document): JsonLdNode => {
      const notes = [
        document.isOriginalRequired ? 'Əsli tələb olunur' : '',
        document.isFetchedByAgency
          ? `Qurum özü əldə edir: ${document.sourceSystem}`.trim()
          : '',
        document.note,
      ].filter((part) => part !== '');
      return {
        '@id': iris.part(code, 'evidence', document.id),
        '@type': 'cv:Evidence',
        'dct:identifier': document.id,
        'dct:title': document.name,
        ...(notes.length > 0 ? { 'dct:description': notes.join('. ') } : {}),
      };
    });
}

/** The result the applicant receives as a cv:Output, when it is named. */
export function outputNode(
  iris: Iris,
  code: string,
  record: ServiceRecord,
): JsonLdNode | null {
  if (record.result.name === '') return null;
  return {
    '@id': iris.part(code, 'output', 'result'),
    '@type': 'cv:Output',
    'dct:identifier': `${code}-result`,
    'dct:title': record.result.name,
    ...(record.result.description === ''
      ? {}
      : { 'dct:description': record.result.description }),
  };
}

function legalActTitle(act: LegalAct): string {
  return act.title !== '' ? act.title : `№ ${act.number}`;
}

/** Each legal act as an eli:LegalResource. */
export function legalResourceNodes(iris: Iris, code: string, record: ServiceRecord) {
  return record.legalActs.map((act): JsonLdNode => ({
    '@id': iris.part(code, 'legal-resource', act.id),
    '@type': 'eli:LegalResource',
    'dct:identifier': act.id,
    'dct:title': legalActTitle(act),
    ...(act.number === '' ? {} : { 'eli:id_local': act.number }),
    ...(act.date === '' ? {} : { 'eli:date_document': act.date }),
    ...(act.article === '' ? {} : { 'dct:description': act.article }),
    ...(act.url === '' ? {} : { 'rdfs:seeAlso': act.url }),
  }));
}

/**
 * The procedure the service follows as one cpsv:Rule implementing its legal
 * acts: the administrative steps, the grounds for refusal and how to
 * complain. A Rule must have a description, so a service with none of
 * these is described by its acts' titles.
 */
export function ruleNode(
  iris: Iris,
  code: string,
  serviceName: string,
  record: ServiceRecord,
): JsonLdNode {
  const steps = record.steps.map((step, index) => `${index + 1}. ${step.title}`);
  const parts = [
    steps.length > 0 ? `Addımlar: ${steps.join('; ')}` : '',
    record.refusalGrounds.length > 0
      ? `İmtina əsasları: ${record.refusalGrounds.join('; ')}`
      : '',
    record.complaintProcedure === '' ? '' : `Şikayət: ${record.complaintProcedure}`,
  ].filter((part) => part !== '');
  const description =
    parts.length > 0 ? parts.join('. ') : record.legalActs.map(legalActTitle).join('; ');
  return {
    '@id': iris.part(code, 'rule', 'procedure'),
    '@type': 'cpsv:Rule',
    'dct:identifier': `${code}-procedure`,
    'dct:title': `${serviceName}: göstərilmə qaydası`,
    'dct:description': description === '' ? serviceName : description,
    'cpsv:implements': record.legalActs.map((act) =>
      ref(iris.part(code, 'legal-resource', act.id)),
    ),
  };
}
