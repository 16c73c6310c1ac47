import type { FieldError } from '../errors';
import type { ServiceRecord } from './service-record';

/**
 * What a service record must contain before it can be submitted for review.
 * A draft may be saved incomplete; submitting it runs these rules, and the
 * editor runs them as the user types so each field says what it still lacks.
 */
export function submissionProblems(
  record: ServiceRecord,
  knownCategories: ReadonlySet<string>,
): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (record.description.length < 20) {
    add('description', 'Describe the service in at least 20 characters');
  }
  if (record.categories.length === 0) add('categories', 'Choose at least one category');
  record.categories.forEach((code, index) => {
    if (!knownCategories.has(code))
      add(`categories.${index}`, `Unknown category "${code}"`);
  });
  if (new Set(record.categories).size !== record.categories.length) {
    add('categories', 'A category is listed twice');
  }
  if (record.audiences.length === 0) add('audiences', 'Choose at least one audience');
  if (record.legalActs.length === 0) add('legalActs', 'Name at least one legal act');
  record.legalActs.forEach((act, index) => {
    if (act.title === '' && act.number === '') {
      add(`legalActs.${index}.title`, 'Give the act a title or a number');
    }
  });
  if (record.channels.length === 0) add('channels', 'Add at least one delivery channel');
  addFeeProblems(record.fee, 'fee', add);
  record.channels.forEach((channel, index) => {
    if (channel.fee) addFeeProblems(channel.fee, `channels.${index}.fee`, add);
    const unknown = (channel.documentIds ?? []).filter(
      (id) => !record.documents.some((document) => document.id === id),
    );
    if (unknown.length > 0) {
      add(
        `channels.${index}.documentIds`,
        'Refers to a document the record does not list',
      );
    }
  });
  record.documents.forEach((document, index) => {
    if (document.name === '') add(`documents.${index}.name`, 'Name the document');
    if (document.isFetchedByAgency && document.sourceSystem === '') {
      add(
        `documents.${index}.sourceSystem`,
        'Say which system the agency fetches it from',
      );
    }
  });
  if (record.processingTime.value === null) {
    add('processingTime.value', 'Say how long the service takes');
  }
  if (record.result.name === '')
    add('result.name', 'Name the result the applicant receives');
  record.steps.forEach((step, index) => {
    if (step.title === '') add(`steps.${index}.title`, 'Give the step a title');
  });
  if (record.type === 'nonElectronic' && record.electronificationDegree > 0) {
    add('electronificationDegree', 'A non-electronic service has 0 % electronification');
  }
  if (record.type === 'electronic' && record.electronificationDegree < 100) {
    add(
      'electronificationDegree',
      'A fully electronic service has 100 % electronification',
    );
  }
  return problems;
}

function addFeeProblems(
  fee: ServiceRecord['fee'],
  path: string,
  add: (path: string, message: string) => void,
) {
  if (!fee.isFree && (fee.amountQepik === null || fee.amountQepik === 0)) {
    add(`${path}.amountQepik`, 'A paid service needs an amount');
  }
  if (fee.isFree && fee.amountQepik !== null && fee.amountQepik > 0) {
    add(`${path}.amountQepik`, 'A free service has no amount');
  }
  if (!fee.isFree && fee.paymentMethods.length === 0) {
    add(`${path}.paymentMethods`, 'Say how the fee can be paid');
  }
}
