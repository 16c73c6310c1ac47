import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod } from '../errors';
import {
  emptyServiceRecord,
  serviceFields,
  serviceRecordPatchSchema,
  serviceRecordSchema,
  type ServiceRecord,
} from './service-record';

const actId = '5b0e1c7e-2f1d-4c55-9a3e-0d6b1f2a3c4d';
const documentId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const channelId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const expectedEmptyRecord: ServiceRecord = {
  description: '',
  categories: [],
  kind: 'other',
  type: 'nonElectronic',
  interactivity: 'informative',
  audiences: [],
  legalActs: [],
  electronificationDegree: 0,
  automationDegree: 0,
  channels: [],
  fee: {
    isFree: true,
    amountQepik: null,
    currency: 'AZN',
    legalBasis: '',
    paymentMethods: [],
  },
  documents: [],
  processingTime: { value: null, unit: 'workingDays', note: '' },
  result: { name: '', description: '', isElectronic: false },
  steps: [],
  refusalGrounds: [],
  complaintProcedure: '',
  contact: { phone: '', email: '', address: '', website: '' },
};

/** The paths of the fields a record is refused for, or [] when it is accepted. */
function faultPaths(input: unknown): string[] {
  const result = serviceRecordSchema.safeParse(input);
  return result.success ? [] : fieldErrorsFromZod(result.error).map((e) => e.path);
}

function legalAct(overrides: Record<string, unknown>) {
  return { id: actId, kind: 'law', ...overrides };
}

describe('serviceRecordSchema defaults', () => {
  it('fills an empty object into a complete record with every field at its default', () => {
    expect(serviceRecordSchema.parse({})).toEqual(expectedEmptyRecord);
  });

  it('gives a new draft the same defaults through emptyServiceRecord()', () => {
    expect(emptyServiceRecord()).toEqual(expectedEmptyRecord);
  });

  it('hands out a fresh record each time, so one draft cannot change another', () => {
    const first = emptyServiceRecord();
    first.categories.push('economy');
    first.fee.paymentMethods.push('card');
    expect(emptyServiceRecord()).toEqual(expectedEmptyRecord);
  });

  it('fills the defaults of nested items (legal acts, documents, channels)', () => {
    const record = serviceRecordSchema.parse({
      legalActs: [{ id: actId, kind: 'law' }],
      documents: [{ id: documentId }],
      channels: [{ id: channelId, kind: 'egovPortal', form: 'online', degree: 'oneWay' }],
    });
    expect(record.legalActs[0]).toEqual({
      id: actId,
      kind: 'law',
      number: '',
      date: '',
      title: '',
      article: '',
      url: '',
    });
    expect(record.documents[0]).toEqual({
      id: documentId,
      name: '',
      isFetchedByAgency: false,
      sourceSystem: '',
      isOriginalRequired: false,
      note: '',
    });
    expect(record.channels[0]).toEqual({
      id: channelId,
      kind: 'egovPortal',
      form: 'online',
      degree: 'oneWay',
      fee: null,
      processingTime: null,
      documentIds: null,
      note: '',
    });
  });

  it('trims free text typed by a person', () => {
    const record = serviceRecordSchema.parse({
      description: '  Pensiya təyinatı  ',
      contact: { phone: ' 142 ' },
    });
    expect(record.description).toBe('Pensiya təyinatı');
    expect(record.contact.phone).toBe('142');
  });

  it('lists the top-level fields as the units of merging and remarks', () => {
    expect([...serviceFields].sort()).toEqual(Object.keys(expectedEmptyRecord).sort());
  });
});

describe('serviceRecordSchema refuses wrong values and names the field', () => {
  it.each<[string, unknown, string]>([
    ['text given as a number', { description: 42 }, 'description'],
    ['oversized description', { description: 'a'.repeat(20_001) }, 'description'],
    [
      'oversized complaint procedure',
      { complaintProcedure: 'x'.repeat(5001) },
      'complaintProcedure',
    ],
    ['unknown kind', { kind: 'franchise' }, 'kind'],
    ['unknown type', { type: 'digital' }, 'type'],
    ['unknown interactivity', { interactivity: 'chatty' }, 'interactivity'],
    ['categories not an array', { categories: 'economy' }, 'categories'],
    ['category code with capitals', { categories: ['Economy'] }, 'categories.0'],
    ['more than 20 categories', { categories: Array(21).fill('economy') }, 'categories'],
    ['unknown audience', { audiences: ['G2X'] }, 'audiences.0'],
    [
      'legal act with a malformed URL',
      { legalActs: [legalAct({ url: 'e-qanun az' })] },
      'legalActs.0.url',
    ],
    [
      'legal act with an ftp URL',
      { legalActs: [legalAct({ url: 'ftp://e-qanun.az/1' })] },
      'legalActs.0.url',
    ],
    [
      'legal act with a javascript URL',
      { legalActs: [legalAct({ url: 'javascript:alert(1)' })] },
      'legalActs.0.url',
    ],
    [
      'legal act with an impossible date',
      { legalActs: [legalAct({ date: '2024-13-01' })] },
      'legalActs.0.date',
    ],
    [
      'legal act with an unknown kind',
      { legalActs: [legalAct({ kind: 'rumour' })] },
      'legalActs.0.kind',
    ],
    [
      'legal act without a UUID',
      { legalActs: [legalAct({ id: 'act-1' })] },
      'legalActs.0.id',
    ],
    [
      'oversized legal act title',
      { legalActs: [legalAct({ title: 't'.repeat(1001) })] },
      'legalActs.0.title',
    ],
    ['negative fee', { fee: { amountQepik: -1 } }, 'fee.amountQepik'],
    ['fractional qəpik', { fee: { amountQepik: 150.5 } }, 'fee.amountQepik'],
    [
      'fee above a billion qəpik',
      { fee: { amountQepik: 1_000_000_001 } },
      'fee.amountQepik',
    ],
    ['fee given as a string', { fee: { amountQepik: '100' } }, 'fee.amountQepik'],
    ['fee in another currency', { fee: { currency: 'USD' } }, 'fee.currency'],
    ['isFree given as a string', { fee: { isFree: 'yes' } }, 'fee.isFree'],
    [
      'unknown payment method',
      { fee: { paymentMethods: ['barter'] } },
      'fee.paymentMethods.0',
    ],
    [
      'electronification below 0 %',
      { electronificationDegree: -1 },
      'electronificationDegree',
    ],
    [
      'electronification above 100 %',
      { electronificationDegree: 101 },
      'electronificationDegree',
    ],
    [
      'fractional electronification',
      { electronificationDegree: 50.5 },
      'electronificationDegree',
    ],
    ['automation above 100 %', { automationDegree: 150 }, 'automationDegree'],
    [
      'negative processing time',
      { processingTime: { value: -2 } },
      'processingTime.value',
    ],
    ['unknown time unit', { processingTime: { unit: 'weeks' } }, 'processingTime.unit'],
    [
      'malformed contact email',
      { contact: { email: 'info at asan.gov.az' } },
      'contact.email',
    ],
    [
      'malformed contact website',
      { contact: { website: 'asan.gov.az' } },
      'contact.website',
    ],
    ['empty refusal ground', { refusalGrounds: ['  '] }, 'refusalGrounds.0'],
    [
      'document fetched flag as a number',
      { documents: [{ id: documentId, isFetchedByAgency: 1 }] },
      'documents.0.isFetchedByAgency',
    ],
    [
      'oversized document name',
      { documents: [{ id: documentId, name: 'n'.repeat(501) }] },
      'documents.0.name',
    ],
    [
      'channel document id that is not a UUID',
      {
        channels: [
          {
            id: channelId,
            kind: 'post',
            form: 'postal',
            degree: 'oneWay',
            documentIds: ['passport'],
          },
        ],
      },
      'channels.0.documentIds.0',
    ],
    [
      'channel fee that is negative',
      {
        channels: [
          {
            id: channelId,
            kind: 'post',
            form: 'postal',
            degree: 'oneWay',
            fee: { amountQepik: -5 },
          },
        ],
      },
      'channels.0.fee.amountQepik',
    ],
    [
      'unknown channel form',
      { channels: [{ id: channelId, kind: 'post', form: 'pigeon', degree: 'oneWay' }] },
      'channels.0.form',
    ],
  ])('refuses a %s at "%s"', (_what, input, path) => {
    expect(faultPaths(input)).toEqual([path]);
  });

  it.each<[string, unknown]>([
    [
      'an http legal act URL',
      { legalActs: [legalAct({ url: 'http://e-qanun.az/framework/46947' })] },
    ],
    [
      'an https website and a valid email',
      { contact: { website: 'https://asan.gov.az', email: 'info@asan.gov.az' } },
    ],
    ['an empty URL and an empty email', { contact: { website: '', email: '' } }],
    [
      'a fee of exactly one billion qəpik',
      { fee: { isFree: false, amountQepik: 1_000_000_000 } },
    ],
    ['0 % and 100 % degrees', { electronificationDegree: 0, automationDegree: 100 }],
    ['a fractional processing time', { processingTime: { value: 0.5, unit: 'hours' } }],
    ['a description of exactly 20,000 characters', { description: 'a'.repeat(20_000) }],
  ])('accepts %s', (_what, input) => {
    expect(faultPaths(input)).toEqual([]);
  });

  it('names every field at fault at once, not just the first', () => {
    expect(
      faultPaths({
        kind: 'franchise',
        fee: { amountQepik: -1 },
        legalActs: [legalAct({ url: 'nope' })],
        contact: { email: 'nope' },
      }).sort(),
    ).toEqual(['contact.email', 'fee.amountQepik', 'kind', 'legalActs.0.url']);
  });
});

describe('serviceRecordPatchSchema', () => {
  it('covers every field of the record, so no field can be saved on its own by mistake', () => {
    expect(Object.keys(serviceRecordPatchSchema.shape).sort()).toEqual(
      [...serviceFields].sort(),
    );
  });

  it('keeps a field left out absent instead of filling its default', () => {
    expect(serviceRecordPatchSchema.parse({})).toEqual({});
    expect(serviceRecordPatchSchema.parse({ kind: 'permit' })).toEqual({
      kind: 'permit',
    });
  });

  it('checks the fields it is given exactly as the record does', () => {
    const result = serviceRecordPatchSchema.safeParse({
      electronificationDegree: 101,
      contact: { email: 'nope' },
    });
    expect(
      result.error &&
        fieldErrorsFromZod(result.error)
          .map((e) => e.path)
          .sort(),
    ).toEqual(['contact.email', 'electronificationDegree']);
  });
});
