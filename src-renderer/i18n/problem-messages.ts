/**
 * The shared submission rules speak English (main and the server use them
 * too); this maps each of their messages to a translation key so the editor
 * can say them in the user's language. Unknown messages show as they are.
 */
export const problemMessageKeys: Readonly<Record<string, string>> = {
  'Describe the service in at least 20 characters': 'problems.descriptionTooShort',
  'Choose at least one category': 'problems.noCategory',
  'A category is listed twice': 'problems.categoryTwice',
  'Choose at least one audience': 'problems.noAudience',
  'Name at least one legal act': 'problems.noLegalAct',
  'Give the act a title or a number': 'problems.legalActUnnamed',
  'Add at least one delivery channel': 'problems.noChannel',
  'Refers to a document the record does not list': 'problems.unknownDocument',
  'Name the document': 'problems.documentUnnamed',
  'Say which system the agency fetches it from': 'problems.noSourceSystem',
  'Say how long the service takes': 'problems.noProcessingTime',
  'Name the result the applicant receives': 'problems.noResult',
  'Give the step a title': 'problems.stepUntitled',
  'A non-electronic service has 0 % electronification': 'problems.nonElectronicDegree',
  'A fully electronic service has 100 % electronification': 'problems.electronicDegree',
  'A paid service needs an amount': 'problems.paidWithoutAmount',
  'A free service has no amount': 'problems.freeWithAmount',
  'Say how the fee can be paid': 'problems.noPaymentMethod',
  'The server does not answer at this address': 'problems.serverUnreachable',
  // The server address check (shared/contract/settings-views.ts).
  'Enter the server address': 'problems.serverUrlEmpty',
  'The server address is too long': 'problems.serverUrlLong',
  'Not a web address: write it as https://host or http://host:port (port 1–65535)':
    'problems.serverUrlMalformed',
  'The server address must start with http:// or https://': 'problems.serverUrlScheme',
  'The server address needs a host name': 'problems.serverUrlHost',
  'The server address must not carry a user name or password':
    'problems.serverUrlCredentials',
  'The port must be between 1 and 65535': 'problems.serverUrlPort',
  'The server address is the host and port only, without a path':
    'problems.serverUrlPath',
};

const unknownCategory = /^Unknown category "(.*)"$/u;

/** The translation key and values for a problem message, or null when it has none. */
export function problemLabel(
  message: string,
): { key: string; values?: Record<string, string> } | null {
  const key = problemMessageKeys[message];
  if (key) return { key };
  const match = unknownCategory.exec(message);
  if (match) return { key: 'problems.unknownCategory', values: { code: match[1] ?? '' } };
  return null;
}
