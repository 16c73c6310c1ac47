import type { Language } from '../../../shared/contract/contract';
import type {
  Channel,
  Fee,
  ProcessingTime,
  ServiceField,
  ServiceRecord,
} from '../../../shared/domain/service-record';
import type { ListItem } from '../../../shared/review/record-diff';
import { formatQepik } from '../../i18n/format';

/** What value-text needs to turn codes into words. */
export interface TextContext {
  t: (key: string, values?: Record<string, unknown>) => string;
  language: Language;
  categoryName: (code: string) => string;
}

function feeText(fee: Fee, ctx: TextContext): string {
  const amount =
    fee.isFree || fee.amountQepik === null
      ? ctx.t('review.value.free')
      : formatQepik(fee.amountQepik, ctx.language);
  const methods = fee.paymentMethods.map((method) =>
    ctx.t(`enums.paymentMethod.${method}`),
  );
  return [amount, fee.legalBasis, methods.join(', ')].filter(Boolean).join(' · ');
}

function timeText(time: ProcessingTime, ctx: TextContext): string {
  if (time.value === null) return ctx.t('review.value.none');
  const unit = ctx.t(`enums.timeUnit.${time.unit}`);
  return [`${time.value} ${unit}`, time.note].filter(Boolean).join(' · ');
}

function channelText(channel: Channel, ctx: TextContext): string {
  const parts = [
    ctx.t(`enums.channelKind.${channel.kind}`),
    ctx.t(`enums.channelForm.${channel.form}`),
    ctx.t(`enums.channelDegree.${channel.degree}`),
  ];
  if (channel.fee) parts.push(feeText(channel.fee, ctx));
  if (channel.processingTime) parts.push(timeText(channel.processingTime, ctx));
  if (channel.note) parts.push(channel.note);
  return parts.join(' · ');
}

/** One item of a list field as a line of text. */
export function itemText(field: ServiceField, item: ListItem, ctx: TextContext): string {
  if (typeof item === 'string') {
    if (field === 'categories') return ctx.categoryName(item);
    if (field === 'audiences') return ctx.t(`enums.audience.${item}`);
    return item;
  }
  if ('kind' in item && 'number' in item) {
    return [
      ctx.t(`enums.legalActKind.${item.kind}`),
      item.number,
      item.title,
      item.article,
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if ('form' in item) return channelText(item, ctx);
  if ('isFetchedByAgency' in item) {
    const how = item.isFetchedByAgency
      ? ctx.t('review.value.fetched', { system: item.sourceSystem })
      : '';
    return [item.name || ctx.t('record.documents.unnamed'), how, item.note]
      .filter(Boolean)
      .join(' · ');
  }
  return [item.title, item.responsible, item.timeLimit].filter(Boolean).join(' · ');
}

/** A field of a record as lines of text, for the side-by-side view; none for no record. */
export function valueLines(
  field: ServiceField,
  record: ServiceRecord | null,
  ctx: TextContext,
): string[] {
  if (record === null) return [];
  const items = (list: readonly ListItem[]) =>
    list.map((item) => itemText(field, item, ctx));
  switch (field) {
    case 'categories':
    case 'audiences':
    case 'legalActs':
    case 'channels':
    case 'documents':
    case 'steps':
    case 'refusalGrounds':
      return items(record[field]);
    case 'kind':
      return [ctx.t(`enums.serviceKind.${record.kind}`)];
    case 'type':
      return [ctx.t(`enums.serviceType.${record.type}`)];
    case 'interactivity':
      return [ctx.t(`enums.interactivity.${record.interactivity}`)];
    case 'electronificationDegree':
    case 'automationDegree':
      return [`${record[field]} %`];
    case 'fee':
      return [feeText(record.fee, ctx)];
    case 'processingTime':
      return [timeText(record.processingTime, ctx)];
    case 'result':
      return [record.result.name, record.result.description].filter(Boolean);
    case 'contact': {
      const { phone, email, address, website } = record.contact;
      return [phone, email, address, website].filter(Boolean);
    }
    case 'description':
    case 'complaintProcedure':
      return record[field] === '' ? [] : [record[field]];
  }
}
