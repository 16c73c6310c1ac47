import { describe, expect, it } from 'vitest';
import { registryCategories } from '../reference/categories';
import { serviceRecordSchema, type ServiceRecord } from './service-record';
import { submissionProblems } from './submission-rules';

const knownCategories: ReadonlySet<string> = new Set(
  registryCategories.map((category) => category.code),
);

const passportId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const certificateId = '1e4b2a3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

/** A record a reviewer could accept: every rule satisfied. */
function completeRecord(): ServiceRecord {
  return serviceRecordSchema.parse({
    description: 'Yaşa görə əmək pensiyasının təyin edilməsi üçün müraciətin qəbulu',
    categories: ['social'],
    kind: 'benefit',
    type: 'partlyElectronic',
    audiences: ['G2C'],
    legalActs: [
      {
        id: '5b0e1c7e-2f1d-4c55-9a3e-0d6b1f2a3c4d',
        kind: 'law',
        number: '1163-VQ',
        title: 'Əmək pensiyaları haqqında',
        url: 'https://e-qanun.az/framework/46947',
      },
    ],
    electronificationDegree: 60,
    channels: [
      {
        id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        kind: 'asanCentre',
        form: 'inPerson',
        degree: 'transactional',
        documentIds: [passportId],
      },
    ],
    fee: { isFree: true },
    documents: [
      { id: passportId, name: 'Şəxsiyyət vəsiqəsi' },
      {
        id: certificateId,
        name: 'Əmək stajı haqqında arayış',
        isFetchedByAgency: true,
        sourceSystem: 'DSMF informasiya sistemi',
      },
    ],
    processingTime: { value: 10, unit: 'workingDays' },
    result: { name: 'Pensiya təyinatı haqqında qərar' },
    steps: [{ id: '2c1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', title: 'Müraciətin qəbulu' }],
  });
}

function problemPaths(record: ServiceRecord): string[] {
  return submissionProblems(record, knownCategories).map((problem) => problem.path);
}

function recordWith(change: (record: ServiceRecord) => void): ServiceRecord {
  const record = completeRecord();
  change(record);
  return record;
}

describe('submissionProblems', () => {
  it('finds no problem in a complete record', () => {
    expect(submissionProblems(completeRecord(), knownCategories)).toEqual([]);
  });

  it('lists what an empty draft still lacks, one problem per field', () => {
    expect(problemPaths(serviceRecordSchema.parse({}))).toEqual([
      'description',
      'categories',
      'audiences',
      'legalActs',
      'channels',
      'processingTime.value',
      'result.name',
    ]);
  });

  it('explains each problem in words', () => {
    for (const problem of submissionProblems(
      serviceRecordSchema.parse({}),
      knownCategories,
    )) {
      expect(problem.message.length).toBeGreaterThan(10);
    }
  });

  it.each<[string, (record: ServiceRecord) => void, string[]]>([
    [
      'a description under 20 characters',
      (r) => void (r.description = 'Pensiya'),
      ['description'],
    ],
    ['no category', (r) => void (r.categories = []), ['categories']],
    ['an unknown category', (r) => void r.categories.push('tourism'), ['categories.1']],
    ['a category listed twice', (r) => void r.categories.push('social'), ['categories']],
    ['no audience', (r) => void (r.audiences = []), ['audiences']],
    ['no legal act', (r) => void (r.legalActs = []), ['legalActs']],
    [
      'a legal act with neither title nor number',
      (r) => r.legalActs.forEach((act) => Object.assign(act, { title: '', number: '' })),
      ['legalActs.0.title'],
    ],
    ['no delivery channel', (r) => void (r.channels = []), ['channels']],
    [
      'a free service with an amount',
      (r) => void (r.fee = { ...r.fee, isFree: true, amountQepik: 500 }),
      ['fee.amountQepik'],
    ],
    [
      'a paid service without an amount',
      (r) =>
        void (r.fee = {
          ...r.fee,
          isFree: false,
          amountQepik: null,
          paymentMethods: ['card'],
        }),
      ['fee.amountQepik'],
    ],
    [
      'a paid service with a zero amount',
      (r) =>
        void (r.fee = {
          ...r.fee,
          isFree: false,
          amountQepik: 0,
          paymentMethods: ['card'],
        }),
      ['fee.amountQepik'],
    ],
    [
      'a paid service without a payment method',
      (r) =>
        void (r.fee = { ...r.fee, isFree: false, amountQepik: 1000, paymentMethods: [] }),
      ['fee.paymentMethods'],
    ],
    [
      'a paid service with neither amount nor payment method',
      (r) =>
        void (r.fee = { ...r.fee, isFree: false, amountQepik: null, paymentMethods: [] }),
      ['fee.amountQepik', 'fee.paymentMethods'],
    ],
    [
      'a channel fee that is paid without an amount',
      (r) =>
        r.channels.forEach((channel) => {
          channel.fee = {
            isFree: false,
            amountQepik: null,
            currency: 'AZN',
            legalBasis: '',
            paymentMethods: ['cash'],
          };
        }),
      ['channels.0.fee.amountQepik'],
    ],
    [
      'a channel referring to a document the record does not list',
      (r) =>
        r.channels.forEach(
          (channel) =>
            void channel.documentIds?.push('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'),
        ),
      ['channels.0.documentIds'],
    ],
    [
      'an unnamed document',
      (r) => r.documents.forEach((document) => void (document.name = '')),
      ['documents.0.name', 'documents.1.name'],
    ],
    [
      'a fetched document without its source system',
      (r) => r.documents.forEach((document) => void (document.sourceSystem = '')),
      ['documents.1.sourceSystem'],
    ],
    [
      'no processing time',
      (r) => void (r.processingTime.value = null),
      ['processingTime.value'],
    ],
    ['no named result', (r) => void (r.result.name = ''), ['result.name']],
    [
      'an untitled step',
      (r) => r.steps.forEach((step) => void (step.title = '')),
      ['steps.0.title'],
    ],
    [
      'an electronic service below 100 %',
      (r) => Object.assign(r, { type: 'electronic', electronificationDegree: 99 }),
      ['electronificationDegree'],
    ],
    [
      'a non-electronic service above 0 %',
      (r) => Object.assign(r, { type: 'nonElectronic', electronificationDegree: 1 }),
      ['electronificationDegree'],
    ],
  ])('flags %s', (_what, change, paths) => {
    expect(problemPaths(recordWith(change))).toEqual(paths);
  });

  it.each<[string, (record: ServiceRecord) => void]>([
    [
      'a paid service with an amount and a payment method',
      (r) =>
        void (r.fee = {
          ...r.fee,
          isFree: false,
          amountQepik: 2000,
          paymentMethods: ['online'],
        }),
    ],
    ['a free service whose amount is 0', (r) => void (r.fee.amountQepik = 0)],
    [
      'an electronic service at 100 %',
      (r) => Object.assign(r, { type: 'electronic', electronificationDegree: 100 }),
    ],
    [
      'a non-electronic service at 0 %',
      (r) => Object.assign(r, { type: 'nonElectronic', electronificationDegree: 0 }),
    ],
    [
      'a partly electronic service at any degree',
      (r) => Object.assign(r, { type: 'partlyElectronic', electronificationDegree: 100 }),
    ],
    [
      'a channel that asks for all documents (null)',
      (r) => r.channels.forEach((channel) => void (channel.documentIds = null)),
    ],
    [
      'a legal act with only a number',
      (r) => r.legalActs.forEach((act) => void (act.title = '')),
    ],
    [
      'a document the applicant brings, without a source system',
      (r) =>
        r.documents.forEach((document) =>
          Object.assign(document, { sourceSystem: '', isFetchedByAgency: false }),
        ),
    ],
  ])('accepts %s', (_what, change) => {
    expect(problemPaths(recordWith(change))).toEqual([]);
  });

  it('treats a category the caller does not know as unknown, whatever the reference list', () => {
    expect(submissionProblems(completeRecord(), new Set(['economy']))).toEqual([
      { path: 'categories.0', message: 'Unknown category "social"' },
    ]);
  });
});
