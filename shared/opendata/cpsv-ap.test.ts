import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cpsvApViolations, jsonLdToQuads } from '../../tests/support/cpsv-ap-shacl';
import type { Agency } from '../domain/agency';
import { emptyServiceRecord } from '../domain/service-record';
import type { ServiceRecord } from '../domain/service-record';
import { registryCategories } from '../reference/categories';
import { toCpsvApJsonLd } from './cpsv-ap';
import type { OpenDataRegistry, PublishedService } from './cpsv-ap';
import { toOpenDataCsv } from './csv';
import { toXsdDuration } from './duration';

let idCount = 0;
/** Fixed UUID-shaped ids: shared/ tests do no I/O, so no node:crypto. */
const nextId = () =>
  `00000000-0000-4000-8000-${String((idCount += 1)).padStart(12, '0')}`;
const agency: Agency = {
  id: nextId(),
  code: 'iqtisadiyyat',
  group: 'centralExecutive',
  nameAz: 'İqtisadiyyat Nazirliyi',
  nameEn: 'Ministry of Economy',
  isActive: true,
};
const documentId = nextId();
const onlineId = nextId();

function richRecord(): ServiceRecord {
  return {
    ...emptyServiceRecord(),
    description:
      'Sahibkarlıq fəaliyyəti üçün lisenziyanın verilməsi, "İqtisadi" şərtlər.',
    categories: [registryCategories[0]?.code ?? 'economy'],
    kind: 'licence',
    type: 'partlyElectronic',
    audiences: ['G2B', 'G2C'],
    legalActs: [
      {
        id: nextId(),
        kind: 'law',
        number: '1-VIQ',
        date: '2016-06-15',
        title: 'Lisenziyalar və icazələr haqqında',
        article: 'Maddə 5',
        url: 'https://e-qanun.az/framework/34134',
      },
    ],
    channels: [
      {
        id: nextId(),
        kind: 'asanCentre',
        form: 'inPerson',
        degree: 'transactional',
        fee: null,
        processingTime: null,
        documentIds: null,
        note: '',
      },
      {
        id: onlineId,
        kind: 'egovPortal',
        form: 'online',
        degree: 'transactional',
        fee: {
          isFree: false,
          amountQepik: 2750,
          currency: 'AZN',
          legalBasis: 'Dövlət rüsumu haqqında Qanun',
          paymentMethods: ['online'],
        },
        processingTime: { value: 1.5, unit: 'hours', note: 'Elektron qaydada' },
        documentIds: [documentId],
        note: 'e-gov.az',
      },
    ],
    fee: {
      isFree: false,
      amountQepik: 5500,
      currency: 'AZN',
      legalBasis: 'Dövlət rüsumu haqqında Qanun, maddə 18',
      paymentMethods: ['cash', 'card'],
    },
    documents: [
      {
        id: documentId,
        name: 'Şəxsiyyət vəsiqəsi',
        isFetchedByAgency: true,
        sourceSystem: 'İAMAS',
        isOriginalRequired: false,
        note: '',
      },
    ],
    processingTime: { value: 10, unit: 'workingDays', note: '' },
    result: { name: 'Lisenziya', description: 'Elektron lisenziya', isElectronic: true },
    steps: [{ id: nextId(), title: 'Müraciətin qəbulu', responsible: '', timeLimit: '' }],
    refusalGrounds: ['Sənədlər natamamdır'],
    contact: {
      phone: '+994 12 000 00 00',
      email: 'info@example.az',
      address: 'Bakı şəhəri, Nizami küçəsi 1',
      website: 'https://example.az/xidmetler',
    },
  };
}

function published(code: string, record: ServiceRecord): PublishedService {
  return {
    registryCode: code,
    agencyId: agency.id,
    name: 'Lisenziyanın verilməsi, İƏ',
    aliases: ['Lisenziya'],
    versionNumber: 2,
    publishedAt: '2026-12-01T10:00:00.000Z',
    record,
  };
}

const registry = (services: PublishedService[]): OpenDataRegistry => ({
  agencies: [agency],
  categories: registryCategories,
  services,
});
const options = { baseIri: 'https://registry.example.az/id/' };

describe('CPSV-AP export', () => {
  it('validates against the official CPSV-AP 3.2.0 shapes with no violations', async () => {
    const sparse = { ...emptyServiceRecord(), categories: ['social'] };
    const text = toCpsvApJsonLd(
      registry([published('XID-000001', richRecord()), published('XID-000002', sparse)]),
      options,
    );
    const violations = await cpsvApViolations(await jsonLdToQuads(JSON.parse(text)));

    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('is checked by a validator that does report a missing mandatory property', async () => {
    const document = JSON.parse(
      toCpsvApJsonLd(registry([published('XID-000001', richRecord())]), options),
    ) as { '@graph': Array<Record<string, unknown>> };
    const service = document['@graph'].find((n) => n['@type'] === 'cpsv:PublicService');
    delete service?.['dct:description'];
    const violations = await cpsvApViolations(await jsonLdToQuads(document));

    expect(violations.map((v) => v.path)).toEqual([
      'http://purl.org/dc/terms/description',
    ]);
  });

  it('keeps Azerbaijani text, the language tag and the per-channel cost', async () => {
    const text = toCpsvApJsonLd(
      registry([published('XID-000001', richRecord())]),
      options,
    );
    const quads = await jsonLdToQuads(JSON.parse(text));

    const titles = quads.filter((q) => q.predicate.value.endsWith('/terms/title'));
    expect(titles.map((q) => q.object.value)).toContain('Lisenziyanın verilməsi, İƏ');
    const title = titles.find((q) => q.object.value === 'Lisenziyanın verilməsi, İƏ');
    expect(title?.object.termType === 'Literal' && title.object.language).toBe('az');
    const values = quads
      .filter((q) => q.predicate.value === 'http://data.europa.eu/m8g/hasValue')
      .map((q) => Number(q.object.value));
    expect(values.sort()).toEqual([27.5, 55]);
    const throughChannel = quads.find((q) =>
      q.predicate.value.endsWith('ifAccessedThrough'),
    );
    expect(throughChannel?.object.value).toContain(onlineId);
    const address = quads.find((q) => q.predicate.value.endsWith('#fullAddress'));
    expect(address?.object.value).toBe('Bakı şəhəri, Nizami küçəsi 1');
    expect(quads.some((q) => q.object.value === 'info@example.az')).toBe(true);
  });

  it('writes processing times as xsd:duration', () => {
    expect(toXsdDuration({ value: 10, unit: 'workingDays', note: '' })).toBe('P10D');
    expect(toXsdDuration({ value: 1.5, unit: 'hours', note: '' })).toBe('PT1H30M');
    expect(toXsdDuration({ value: 0.5, unit: 'calendarDays', note: '' })).toBe('PT12H');
    expect(toXsdDuration({ value: 45, unit: 'minutes', note: '' })).toBe('PT45M');
    expect(toXsdDuration({ value: null, unit: 'minutes', note: '' })).toBeNull();
  });

  it('writes one CSV row per service that parses back with its text intact', () => {
    const csv = toOpenDataCsv(registry([published('XID-000001', richRecord())]));
    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });

    expect(rows).toHaveLength(1);
    expect(rows[0]?.registry_code).toBe('XID-000001');
    expect(rows[0]?.name).toBe('Lisenziyanın verilməsi, İƏ');
    expect(rows[0]?.description).toContain('"İqtisadi"');
    expect(rows[0]?.agency_name_az).toBe('İqtisadiyyat Nazirliyi');
    expect(rows[0]?.fee_azn).toBe('55.00');
    expect(rows[0]?.processing_time_iso).toBe('P10D');
  });
});
