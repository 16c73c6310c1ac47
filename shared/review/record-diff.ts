import {
  serviceFields,
  type AdministrativeStep,
  type Channel,
  type LegalAct,
  type RequiredDocument,
  type ServiceField,
  type ServiceRecord,
} from '../domain/service-record';
import { foldAz } from '../text/az';
import {
  pairItems,
  type ItemPair,
  type PairingKey,
  type PairingRule,
} from './pair-items';
import {
  compareValues,
  emptyChanges,
  normalizeText,
  type ListChange,
} from './value-changes';

export type { ListChange } from './value-changes';

/**
 * Field-by-field comparison of a submitted record with the last approved
 * one, for the review view: every field in record order, changed fields
 * marked, list items paired and compared one by one. Text that differs only
 * in spacing is the same text: a reviewer acts on content, not on blanks.
 */

/** How one field or list item compares between the two versions. */
export type ChangeStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** Anything a record's list fields hold. */
export type ListItem =
  LegalAct | Channel | RequiredDocument | AdministrativeStep | string;

/** How one item of a list field compares with its earlier version. */
export type ItemDiff = {
  /** The item's id (the submitted one when both have one), or a text list's folded text. */
  key: string;
  status: ChangeStatus;
  before: ListItem | null;
  after: ListItem | null;
  beforeIndex: number | null;
  afterIndex: number | null;
  /** How it was paired with its earlier version; null when added or removed. */
  matchedBy: PairingKey | null;
  /** Kept, but moved relative to the other kept items. */
  isMoved: boolean;
  /** Dotted paths inside the item whose value changed ("fee.amountQepik"). */
  changedPaths: string[];
  /** Lists inside the item that changed, as sets ("documentIds"). */
  listChanges: ListChange[];
};

/** How one top-level field compares. */
export type FieldDiff = {
  field: ServiceField;
  status: ChangeStatus;
  before: ServiceRecord[ServiceField] | null;
  after: ServiceRecord[ServiceField];
  /** For list fields: every item of both versions, in the submitted order. */
  items?: ItemDiff[];
  /** For object fields: dotted paths from the record ("fee.amountQepik"). */
  changedPaths?: string[];
  /** For object fields: their lists that changed ("fee.paymentMethods"). */
  listChanges?: ListChange[];
};

/** Every field of the submitted record beside the approved one, in `serviceFields` order. */
export type RecordDiff = {
  /** Nothing approved yet: every field is 'added' and shown whole. */
  isFirstSubmission: boolean;
  fields: FieldDiff[];
};

/** Compares the last approved record (null for a first submission) with the submitted one. */
export function diffServiceRecords(
  before: ServiceRecord | null,
  after: ServiceRecord,
): RecordDiff {
  const documentPairs = pairItems(before?.documents ?? [], after.documents, documentKeys);
  const documentIdMap = new Map<string, string>();
  for (const pair of documentPairs) {
    if (pair.before && pair.after) documentIdMap.set(pair.before.id, pair.after.id);
  }

  const fields = serviceFields.map((field) => {
    if (before === null) return firstSubmissionField(field, after);
    return diffField(field, before, after, documentPairs, documentIdMap);
  });
  return { isFirstSubmission: before === null, fields };
}

/** The names of the fields that differ, in record order. */
export function changedFields(diff: RecordDiff): ServiceField[] {
  return diff.fields.filter((field) => field.status !== 'unchanged').map((f) => f.field);
}

function diffField(
  field: ServiceField,
  before: ServiceRecord,
  after: ServiceRecord,
  documentPairs: ItemPair<RequiredDocument>[],
  documentIdMap: ReadonlyMap<string, string>,
): FieldDiff {
  switch (field) {
    case 'description':
    case 'complaintProcedure':
      return textField(field, before, after);
    case 'kind':
    case 'type':
    case 'interactivity':
    case 'electronificationDegree':
    case 'automationDegree':
      return {
        field,
        status: before[field] === after[field] ? 'unchanged' : 'changed',
        before: before[field],
        after: after[field],
      };
    case 'categories':
    case 'audiences':
      return setField(field, before, after, (value) => value);
    case 'refusalGrounds':
      return setField(field, before, after, foldedText);
    case 'fee':
    case 'processingTime':
    case 'result':
    case 'contact':
      return objectField(field, before, after);
    case 'legalActs':
      return listField(
        field,
        before,
        after,
        pairItems(before[field], after[field], actKeys),
      );
    case 'documents':
      return listField(field, before, after, documentPairs);
    case 'channels': {
      const pairs = pairItems(before[field], after[field], channelKeys);
      // Compare what a channel asks for, not the ids: a document matched by
      // name under a new id is the same document.
      return listField(field, before, after, pairs, (channel) => ({
        ...channel,
        documentIds:
          channel.documentIds?.map((id) => documentIdMap.get(id) ?? id) ?? null,
      }));
    }
    case 'steps':
      return listField(
        field,
        before,
        after,
        pairItems(before[field], after[field], stepKeys),
      );
  }
}

function firstSubmissionField(field: ServiceField, after: ServiceRecord): FieldDiff {
  const value = after[field];
  const diff: FieldDiff = { field, status: 'added', before: null, after: value };
  if (!Array.isArray(value)) return diff;

  const items = value.map((item: ListItem, index): ItemDiff => ({
    key: typeof item === 'string' ? foldedText(item) : item.id,
    status: 'added',
    before: null,
    after: item,
    beforeIndex: null,
    afterIndex: index,
    matchedBy: null,
    isMoved: false,
    changedPaths: [],
    listChanges: [],
  }));
  return { ...diff, items };
}

function textField(
  field: 'description' | 'complaintProcedure',
  beforeRecord: ServiceRecord,
  afterRecord: ServiceRecord,
): FieldDiff {
  const before = beforeRecord[field];
  const after = afterRecord[field];
  const a = normalizeText(before);
  const b = normalizeText(after);
  return { field, status: presenceStatus(a === b, a === '', b === ''), before, after };
}

function setField(
  field: 'categories' | 'audiences' | 'refusalGrounds',
  beforeRecord: ServiceRecord,
  afterRecord: ServiceRecord,
  key: (value: string) => string,
): FieldDiff {
  const before: string[] = beforeRecord[field];
  const after: string[] = afterRecord[field];
  const pairs = pairItems(before, after, [['value', key]]);
  const items = pairs.map((pair): ItemDiff => {
    const isSame =
      pair.before !== null &&
      pair.after !== null &&
      normalizeText(pair.before) === normalizeText(pair.after);
    return {
      ...pairBase(pair, (value) => key(value)),
      status: pairStatus(pair, isSame),
      isMoved: false,
    };
  });
  return { field, status: listStatus(items, before, after), before, after, items };
}

function objectField(
  field: 'fee' | 'processingTime' | 'result' | 'contact',
  beforeRecord: ServiceRecord,
  afterRecord: ServiceRecord,
): FieldDiff {
  const before = beforeRecord[field];
  const after = afterRecord[field];
  const changes = compareValues(before, after, field);
  return {
    field,
    status: changes.paths.length === 0 ? 'unchanged' : 'changed',
    before,
    after,
    changedPaths: changes.paths,
    listChanges: changes.lists,
  };
}

function listField<T extends Exclude<ListItem, string>>(
  field: 'legalActs' | 'documents' | 'channels' | 'steps',
  beforeRecord: ServiceRecord,
  afterRecord: ServiceRecord,
  pairs: ItemPair<T>[],
  comparable: (item: T) => T = (item) => item,
): FieldDiff {
  const items = pairs.map((pair): ItemDiff => {
    const changes =
      pair.before && pair.after
        ? compareValues(comparable(pair.before), pair.after, '', ['id'])
        : emptyChanges();
    return {
      ...pairBase(pair, (item) => item.id),
      status: pairStatus(pair, changes.paths.length === 0),
      changedPaths: changes.paths,
      listChanges: changes.lists,
    };
  });
  const before = beforeRecord[field];
  const after = afterRecord[field];
  return {
    field,
    status: listStatus(items, before, after),
    before,
    after,
    items,
  };
}

function pairBase<T extends ListItem>(
  pair: ItemPair<T>,
  keyOf: (item: T) => string,
): Omit<ItemDiff, 'status'> {
  const item = pair.after ?? pair.before;
  return {
    key: item === null ? '' : keyOf(item),
    before: pair.before,
    after: pair.after,
    beforeIndex: pair.beforeIndex,
    afterIndex: pair.afterIndex,
    matchedBy: pair.matchedBy,
    isMoved: pair.isMoved,
    changedPaths: [],
    listChanges: [],
  };
}

function pairStatus(pair: ItemPair<unknown>, isSame: boolean): ChangeStatus {
  if (pair.before === null) return 'added';
  if (pair.after === null) return 'removed';
  return isSame ? 'unchanged' : 'changed';
}

function listStatus(
  items: readonly ItemDiff[],
  before: readonly unknown[],
  after: readonly unknown[],
): ChangeStatus {
  const isSame = items.every((item) => item.status === 'unchanged' && !item.isMoved);
  return presenceStatus(isSame, before.length === 0, after.length === 0);
}

/** A value that appears is 'added', one that empties is 'removed'. */
function presenceStatus(
  isSame: boolean,
  wasEmpty: boolean,
  isEmpty: boolean,
): ChangeStatus {
  if (isSame) return 'unchanged';
  if (wasEmpty) return 'added';
  if (isEmpty) return 'removed';
  return 'changed';
}

const documentKeys: PairingRule<RequiredDocument>[] = [
  ['id', (document) => document.id],
  ['naturalKey', (document) => nonEmpty(foldedText(document.name))],
];
const actKeys: PairingRule<LegalAct>[] = [
  ['id', (act) => act.id],
  [
    'naturalKey',
    (act) => {
      // An act without a number (an old decree, say) is known by its title.
      const number = foldedText(act.number);
      const name = number === '' ? foldedText(act.title) : number;
      return name === '' ? null : `${act.kind} ${number === '' ? 'title' : 'no'} ${name}`;
    },
  ],
];
const channelKeys: PairingRule<Channel>[] = [
  ['id', (channel) => channel.id],
  ['naturalKey', (channel) => `${channel.kind} ${channel.form}`],
];
const stepKeys: PairingRule<AdministrativeStep>[] = [
  ['id', (step) => step.id],
  ['naturalKey', (step) => nonEmpty(foldedText(step.title))],
];

function nonEmpty(text: string): string | null {
  return text === '' ? null : text;
}

function foldedText(text: string): string {
  return foldAz(normalizeText(text));
}
