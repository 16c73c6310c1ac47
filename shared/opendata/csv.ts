import type { Agency } from '../domain/agency';
import type { Fee } from '../domain/service-record';
import { toXsdDuration } from './duration';
import type { OpenDataRegistry, PublishedService } from './published-service';

/** The columns of the CSV export, one row per published service. */
export const openDataCsvColumns = [
  'registry_code',
  'name',
  'agency_code',
  'agency_name_az',
  'agency_name_en',
  'categories',
  'kind',
  'type',
  'audiences',
  'description',
  'processing_time',
  'processing_time_unit',
  'processing_time_iso',
  'is_free',
  'fee_azn',
  'fee_legal_basis',
  'channels',
  'documents',
  'legal_acts',
  'result',
  'version',
  'published_at',
] as const;

/** Byte-order mark, so spreadsheet programs read the file as UTF-8. */
const BOM = '\uFEFF';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number | boolean | null): string {
  const textValue = value === null ? '' : String(value);
  return /[",\r\n]/.test(textValue) ? `"${textValue.replaceAll('"', '""')}"` : textValue;
}

function feeAzn(fee: Fee): string {
  if (fee.isFree) return '0';
  return fee.amountQepik === null ? '' : (fee.amountQepik / 100).toFixed(2);
}

/** The header line, with the byte-order mark. */
export function openDataCsvHeader(): string {
  return `${BOM}${openDataCsvColumns.join(',')}\r\n`;
}

/** One service's line; lists inside a cell are separated by "; ". */
export function openDataCsvRow(service: PublishedService, agency: Agency | undefined) {
  const { record } = service;
  const cells: Record<(typeof openDataCsvColumns)[number], string | number | null> = {
    registry_code: service.registryCode,
    name: service.name,
    agency_code: agency?.code ?? '',
    agency_name_az: agency?.nameAz ?? '',
    agency_name_en: agency?.nameEn ?? '',
    categories: record.categories.join('; '),
    kind: record.kind,
    type: record.type,
    audiences: record.audiences.join('; '),
    description: record.description,
    processing_time: record.processingTime.value,
    processing_time_unit: record.processingTime.unit,
    processing_time_iso: toXsdDuration(record.processingTime),
    is_free: String(record.fee.isFree),
    fee_azn: feeAzn(record.fee),
    fee_legal_basis: record.fee.legalBasis,
    channels: record.channels.map((channel) => channel.kind).join('; '),
    documents: record.documents.map((document) => document.name).join('; '),
    legal_acts: record.legalActs
      .map((act) => [act.number, act.title].filter((part) => part !== '').join(' '))
      .join('; '),
    result: record.result.name,
    version: service.versionNumber,
    published_at: service.publishedAt,
  };
  return `${openDataCsvColumns.map((column) => csvField(cells[column])).join(',')}\r\n`;
}

/** The approved registry as CSV text, one row per published service. */
export function toOpenDataCsv(registry: OpenDataRegistry): string {
  const agencies = new Map(registry.agencies.map((agency) => [agency.id, agency]));
  const lines = [openDataCsvHeader()];
  for (const service of registry.services) {
    lines.push(openDataCsvRow(service, agencies.get(service.agencyId)));
  }
  return lines.join('');
}
