import { describe, expect, it } from 'vitest';
import {
  serviceFields,
  serviceRecordSchema,
  type ServiceField,
  type ServiceRecord,
} from '../domain/service-record';
import { changedFields, diffServiceRecords, type FieldDiff } from './record-diff';

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

const passport = uuid(1);
const certificate = uuid(2);
const photo = uuid(3);

/** An approved record with something in every kind of field. */
function approvedRecord(): ServiceRecord {
  return serviceRecordSchema.parse({
    description: 'Yaşa görə əmək pensiyasının təyin edilməsi üçün müraciətin qəbulu',
    categories: ['social', 'economy'],
    kind: 'benefit',
    type: 'partlyElectronic',
    audiences: ['G2C'],
    legalActs: [
      {
        id: uuid(10),
        kind: 'law',
        number: '1163-VQ',
        title: 'Əmək pensiyaları haqqında',
      },
      { id: uuid(11), kind: 'cabinetDecision', number: '191', title: 'Reqlament' },
    ],
    electronificationDegree: 60,
    channels: [
      {
        id: uuid(20),
        kind: 'asanCentre',
        form: 'inPerson',
        degree: 'transactional',
        documentIds: [passport],
      },
      { id: uuid(21), kind: 'egovPortal', form: 'online', degree: 'twoWay' },
    ],
    fee: { isFree: false, amountQepik: 500, paymentMethods: ['cash'] },
    documents: [
      { id: passport, name: 'Şəxsiyyət vəsiqəsi' },
      { id: certificate, name: 'Əmək stajı haqqında arayış', isFetchedByAgency: true },
      { id: photo, name: 'Fotoşəkil 3x4' },
    ],
    processingTime: { value: 10, unit: 'workingDays' },
    result: { name: 'Pensiya təyinatı haqqında qərar' },
    steps: [{ id: uuid(30), title: 'Müraciətin qəbulu' }],
    refusalGrounds: ['Sənədlər natamamdır', 'Yaş həddi çatmayıb'],
    contact: { phone: '142' },
  });
}

/** The approved record with one change made to a copy of it. */
function submitted(change: (record: ServiceRecord) => void): ServiceRecord {
  const record = structuredClone(approvedRecord());
  change(record);
  return record;
}

function fieldOf(
  before: ServiceRecord | null,
  after: ServiceRecord,
  field: ServiceField,
) {
  const diff = diffServiceRecords(before, after).fields.find((f) => f.field === field);
  if (!diff) throw new Error(`No diff for ${field}`);
  return diff;
}

/** The item at `index`, which the test's record is known to have. */
function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`No item at ${index}`);
  return item;
}

function itemsOf(diff: FieldDiff) {
  return (diff.items ?? []).map((item) => ({
    key: item.key,
    status: item.status,
    isMoved: item.isMoved,
  }));
}

describe('diffServiceRecords', () => {
  it('finds no change between identical records', () => {
    const diff = diffServiceRecords(approvedRecord(), approvedRecord());

    expect(diff.isFirstSubmission).toBe(false);
    expect(changedFields(diff)).toEqual([]);
    expect(diff.fields.every((field) => field.status === 'unchanged')).toBe(true);
  });

  it('lists every field in record order', () => {
    const diff = diffServiceRecords(approvedRecord(), approvedRecord());

    expect(diff.fields.map((field) => field.field)).toEqual(serviceFields);
  });

  it('shows a first submission whole, every field and item added', () => {
    const diff = diffServiceRecords(null, approvedRecord());

    expect(diff.isFirstSubmission).toBe(true);
    expect(changedFields(diff)).toEqual(serviceFields);
    expect(diff.fields.every((field) => field.before === null)).toBe(true);
    expect(
      itemsOf(fieldOf(null, approvedRecord(), 'documents')).map((item) => item.status),
    ).toEqual(['added', 'added', 'added']);
  });

  describe('text fields', () => {
    it('marks changed text', () => {
      const after = submitted((r) => (r.description += ' və təyinatı'));

      expect(fieldOf(approvedRecord(), after, 'description').status).toBe('changed');
    });

    it('ignores differences of spacing alone', () => {
      const after = submitted((r) => {
        r.description = `  ${r.description.replace(' ', '   ')}\n`;
      });

      expect(fieldOf(approvedRecord(), after, 'description').status).toBe('unchanged');
    });

    it('calls text that appears added and text that is cleared removed', () => {
      const withText = submitted((r) => (r.complaintProcedure = 'Məhkəməyə'));
      const cleared = submitted((r) => (r.description = ''));

      expect(fieldOf(approvedRecord(), withText, 'complaintProcedure').status).toBe(
        'added',
      );
      expect(fieldOf(approvedRecord(), cleared, 'description').status).toBe('removed');
    });
  });

  it('marks a changed choice (kind) with both values', () => {
    const diff = fieldOf(
      approvedRecord(),
      submitted((r) => (r.kind = 'permit')),
      'kind',
    );

    expect(diff).toEqual({
      field: 'kind',
      status: 'changed',
      before: 'benefit',
      after: 'permit',
    });
  });

  it('marks a changed number (degree of electronification)', () => {
    const after = submitted((r) => (r.electronificationDegree = 80));

    expect(changedFields(diffServiceRecords(approvedRecord(), after))).toEqual([
      'electronificationDegree',
    ]);
  });

  describe('lists of codes and texts', () => {
    it('compares categories as a set: added and removed, not reordered', () => {
      const after = submitted((r) => (r.categories = ['legal', 'social']));

      expect(itemsOf(fieldOf(approvedRecord(), after, 'categories'))).toEqual([
        { key: 'legal', status: 'added', isMoved: false },
        { key: 'social', status: 'unchanged', isMoved: false },
        { key: 'economy', status: 'removed', isMoved: false },
      ]);
    });

    it('does not count a new order of categories as a change', () => {
      const after = submitted((r) => r.categories.reverse());

      expect(fieldOf(approvedRecord(), after, 'categories').status).toBe('unchanged');
    });

    it('pairs refusal grounds by folded text, so a capitalisation is a change, not a new ground', () => {
      const after = submitted((r) => {
        r.refusalGrounds = ['SƏNƏDLƏR NATAMAMDIR', 'Yaş  həddi çatmayıb', 'Borc var'];
      });
      const diff = fieldOf(approvedRecord(), after, 'refusalGrounds');

      expect(itemsOf(diff)).toEqual([
        { key: 'sənədlər natamamdır', status: 'changed', isMoved: false },
        { key: 'yaş həddi çatmayıb', status: 'unchanged', isMoved: false },
        { key: 'borc var', status: 'added', isMoved: false },
      ]);
    });

    it('calls a list that empties removed', () => {
      const after = submitted((r) => (r.audiences = []));

      expect(fieldOf(approvedRecord(), after, 'audiences').status).toBe('removed');
    });
  });

  describe('object fields', () => {
    it('names the fee’s changed parts, its payment methods as a set', () => {
      const after = submitted((r) => {
        r.fee.amountQepik = 1000;
        r.fee.paymentMethods = ['card', 'cash'];
      });
      const diff = fieldOf(approvedRecord(), after, 'fee');

      expect(diff.status).toBe('changed');
      expect(diff.changedPaths).toEqual(['fee.amountQepik', 'fee.paymentMethods']);
      expect(diff.listChanges).toEqual([
        { path: 'fee.paymentMethods', added: ['card'], removed: [] },
      ]);
    });

    it('does not count a new order of payment methods as a change', () => {
      const before = submitted((r) => (r.fee.paymentMethods = ['cash', 'card']));
      const after = submitted((r) => (r.fee.paymentMethods = ['card', 'cash']));

      expect(fieldOf(before, after, 'fee').status).toBe('unchanged');
    });

    it('names changed parts of the processing time and contact', () => {
      const after = submitted((r) => {
        r.processingTime.value = 5;
        r.contact.email = 'info@example.az';
      });
      const diff = diffServiceRecords(approvedRecord(), after);

      expect(diff.fields.find((f) => f.field === 'processingTime')?.changedPaths).toEqual(
        ['processingTime.value'],
      );
      expect(diff.fields.find((f) => f.field === 'contact')?.changedPaths).toEqual([
        'contact.email',
      ]);
    });
  });

  describe('documents', () => {
    it('marks documents added, removed and changed, with what changed', () => {
      const after = submitted((r) => {
        r.documents = [
          { ...nth(r.documents, 0), isOriginalRequired: true },
          nth(r.documents, 2),
          {
            id: uuid(4),
            name: 'Əmək kitabçası',
            isFetchedByAgency: false,
            sourceSystem: '',
            isOriginalRequired: false,
            note: '',
          },
        ];
      });
      const diff = fieldOf(approvedRecord(), after, 'documents');

      expect(diff.status).toBe('changed');
      expect(itemsOf(diff)).toEqual([
        { key: passport, status: 'changed', isMoved: false },
        { key: certificate, status: 'removed', isMoved: false },
        { key: photo, status: 'unchanged', isMoved: false },
        { key: uuid(4), status: 'added', isMoved: false },
      ]);
      expect(diff.items?.[0]?.changedPaths).toEqual(['isOriginalRequired']);
    });

    it('marks a reordered document as moved, and only the one that moved', () => {
      const after = submitted((r) => {
        r.documents = [...r.documents.slice(1), nth(r.documents, 0)];
      });
      const diff = fieldOf(approvedRecord(), after, 'documents');

      expect(diff.status).toBe('changed');
      expect(itemsOf(diff)).toEqual([
        { key: certificate, status: 'unchanged', isMoved: false },
        { key: photo, status: 'unchanged', isMoved: false },
        { key: passport, status: 'unchanged', isMoved: true },
      ]);
    });

    it('pairs a document entered again under a new id by its folded name', () => {
      const after = submitted((r) => {
        r.documents[0] = {
          ...nth(r.documents, 0),
          id: uuid(99),
          name: 'ŞƏXSİYYƏT VƏSİQƏSİ',
        };
        nth(r.channels, 0).documentIds = [uuid(99)];
      });
      const diff = diffServiceRecords(approvedRecord(), after);
      const documents = diff.fields.find((f) => f.field === 'documents');

      expect(documents?.items?.[0]).toMatchObject({
        key: uuid(99),
        status: 'changed',
        matchedBy: 'naturalKey',
        changedPaths: ['name'],
      });
      // The channel still asks for the same document, so it has not changed.
      expect(diff.fields.find((f) => f.field === 'channels')?.status).toBe('unchanged');
    });
  });

  describe('legal acts', () => {
    it('pairs acts by kind and number when their ids differ', () => {
      const after = submitted((r) => {
        r.legalActs[0] = { ...nth(r.legalActs, 0), id: uuid(50), article: '7.1' };
      });
      const item = fieldOf(approvedRecord(), after, 'legalActs').items?.[0];

      expect(item).toMatchObject({
        status: 'changed',
        matchedBy: 'naturalKey',
        beforeIndex: 0,
        afterIndex: 0,
        changedPaths: ['article'],
      });
    });

    it('does not pair acts of another kind with the same number', () => {
      const after = submitted((r) => {
        r.legalActs[1] = { ...nth(r.legalActs, 1), id: uuid(51), kind: 'decree' };
      });

      expect(itemsOf(fieldOf(approvedRecord(), after, 'legalActs'))).toEqual([
        { key: uuid(10), status: 'unchanged', isMoved: false },
        { key: uuid(11), status: 'removed', isMoved: false },
        { key: uuid(51), status: 'added', isMoved: false },
      ]);
    });
  });

  describe('channels', () => {
    it('names a channel’s own fee, time and documents when they change', () => {
      const after = submitted((r) => {
        const channel = nth(r.channels, 0);
        channel.fee = {
          isFree: false,
          amountQepik: 300,
          currency: 'AZN',
          legalBasis: '',
          paymentMethods: [],
        };
        channel.processingTime = { value: 1, unit: 'workingDays', note: '' };
        channel.documentIds = [passport, photo];
      });
      const item = fieldOf(approvedRecord(), after, 'channels').items?.[0];

      expect(item?.status).toBe('changed');
      expect(item?.changedPaths).toEqual(['fee', 'processingTime', 'documentIds']);
      expect(item?.listChanges).toEqual([
        { path: 'documentIds', added: [photo], removed: [] },
      ]);
    });

    it('names the part of a channel fee that changed', () => {
      const before = submitted((r) => {
        nth(r.channels, 1).fee = {
          isFree: false,
          amountQepik: 300,
          currency: 'AZN',
          legalBasis: '',
          paymentMethods: ['online'],
        };
      });
      const after = submitted((r) => {
        nth(r.channels, 1).fee = {
          isFree: false,
          amountQepik: 250,
          currency: 'AZN',
          legalBasis: '',
          paymentMethods: ['online', 'card'],
        };
      });
      const item = fieldOf(before, after, 'channels').items?.[1];

      expect(item?.changedPaths).toEqual(['fee.amountQepik', 'fee.paymentMethods']);
    });

    it('pairs channels by kind and form when their ids differ', () => {
      const after = submitted((r) => {
        r.channels[1] = { ...nth(r.channels, 1), id: uuid(60), degree: 'transactional' };
      });
      const item = fieldOf(approvedRecord(), after, 'channels').items?.[1];

      expect(item).toMatchObject({
        matchedBy: 'naturalKey',
        status: 'changed',
        changedPaths: ['degree'],
      });
    });
  });

  it('places a removed step after the step it followed', () => {
    const before = submitted((r) => {
      r.steps = [1, 2, 3].map((n) => ({
        id: uuid(70 + n),
        title: `Addım ${n}`,
        responsible: '',
        timeLimit: '',
      }));
    });
    const after = submitted((r) => {
      r.steps = before.steps.filter((step) => step.title !== 'Addım 2');
    });

    expect(itemsOf(fieldOf(before, after, 'steps'))).toEqual([
      { key: uuid(71), status: 'unchanged', isMoved: false },
      { key: uuid(72), status: 'removed', isMoved: false },
      { key: uuid(73), status: 'unchanged', isMoved: false },
    ]);
  });
});
