import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import type { AnalyticsFilters } from '../../shared/contract/analytics-views';
import { presentationAgencies } from '../../shared/reference/agencies';
import type { Channel, ServiceRecord } from '../../shared/domain/service-record';
import type { EntityChange } from '../../shared/sync/protocol';
import {
  exportAnalytics,
  saveChartImage,
} from '../../src-main/analytics/analytics-export';
import { registryAnalytics } from '../../src-main/analytics/analytics-queries';
import { openLocalStore } from '../../src-main/local-store/database';
import { applyPullPage } from '../../src-main/sync/apply-pull-page';
import { tempDir } from './support/desktop-fixture';
import { publishedServiceChanges } from './support/registry-builder';

let db: Knex;
const central = presentationAgencies.filter((a) => a.group === 'centralExecutive');
const legal = presentationAgencies.find((a) => a.group === 'legalEntity');
const [mlspp, justice] = central;

const channel = (kind: Channel['kind']): Channel => ({
  id: randomUUID(),
  kind,
  form: 'inPerson',
  degree: 'twoWay',
  fee: null,
  processingTime: null,
  documentIds: null,
  note: '',
});

/** Six published services, counted by hand in the expectations below. */
const fixtures: Array<[string, string, Partial<ServiceRecord>]> = [
  [
    mlspp?.id ?? '',
    'Əmək pensiyasının təyin edilməsi',
    {
      type: 'electronic',
      audiences: ['G2C'],
      categories: ['social'],
      channels: [channel('asanCentre'), channel('egovPortal')],
    },
  ],
  [
    mlspp?.id ?? '',
    'İşsizlik müavinətinin verilməsi',
    {
      type: 'partlyElectronic',
      audiences: ['G2C'],
      categories: ['social'],
      channels: [channel('agencyOffice')],
    },
  ],
  [
    mlspp?.id ?? '',
    'Əmək müqaviləsi bildirişinin qeydiyyatı',
    {
      type: 'electronic',
      audiences: ['G2B'],
      categories: ['economy', 'social'],
      channels: [channel('egovPortal')],
    },
  ],
  [
    justice?.id ?? '',
    'Notariat hərəkətinin aparılması',
    {
      type: 'nonElectronic',
      audiences: ['G2C', 'G2B'],
      categories: ['law'],
      channels: [channel('agencyOffice')],
    },
  ],
  [
    justice?.id ?? '',
    'Hüquqi şəxsin dövlət qeydiyyatı',
    {
      type: 'electronic',
      audiences: ['G2B'],
      categories: ['economy'],
      channels: [channel('egovPortal'), channel('asanCentre')],
    },
  ],
  [
    legal?.id ?? '',
    'Elektrik enerjisinə qoşulma',
    {
      type: 'nonElectronic',
      audiences: ['G2B'],
      categories: ['utilities'],
      channels: [channel('agencyOffice')],
    },
  ],
];

const filters = (overrides: Partial<AnalyticsFilters> = {}): AnalyticsFilters => ({
  agencyId: null,
  group: null,
  category: null,
  isG2bOnly: false,
  ...overrides,
});

beforeAll(async () => {
  db = await openLocalStore(tempDir('dxer-analytics'));
  const changes: EntityChange[] = [
    ...presentationAgencies.map((data) => ({
      entity: 'agency' as const,
      op: 'put' as const,
      data,
    })),
    ...fixtures.flatMap(([agencyId, name, record], index) =>
      publishedServiceChanges(agencyId, name, index + 1, record),
    ),
  ];
  await db.transaction((trx) => applyPullPage(trx, changes));
});
afterAll(async () => {
  await db.destroy();
});

describe('registry analytics', () => {
  it('counts the presentation’s indicators over every published service', async () => {
    const { indicators } = await registryAnalytics(db, filters());
    expect(indicators).toEqual({
      stateBodies: 3,
      services: 6,
      g2bServices: 4,
      electronicServices: 4,
      nonElectronicServices: 2,
    });
  });

  it('breaks the registry down by group, category, agency and channel', async () => {
    const analytics = await registryAnalytics(db, filters());
    expect(analytics.byGroup).toEqual(
      expect.arrayContaining([
        { group: 'centralExecutive', agencies: 2, services: 5, electronic: 4, g2b: 3 },
        { group: 'legalEntity', agencies: 1, services: 1, electronic: 0, g2b: 1 },
      ]),
    );
    expect(analytics.byCategory.find((row) => row.code === 'social')).toEqual({
      code: 'social',
      agencies: 1,
      services: 3,
      electronic: 3,
      g2b: 1,
    });
    expect(analytics.byCategory.find((row) => row.code === 'economy')?.agencies).toBe(2);
    expect(analytics.byAgency[0]).toMatchObject({ agencyId: mlspp?.id, services: 3 });
    expect(
      Object.fromEntries(analytics.byChannel.map((row) => [row.kind, row.services])),
    ).toEqual({
      egovPortal: 3,
      asanCentre: 2,
      agencyOffice: 3,
    });
    expect(analytics.electronificationByYear).toEqual([
      { year: 2026, electronic: 4, nonElectronic: 2 },
    ]);
  });

  it('counts only business-facing services in the G2B module, per area', async () => {
    const g2b = await registryAnalytics(db, filters({ isG2bOnly: true }));
    expect(g2b.indicators.services).toBe(4);
    expect(g2b.indicators.stateBodies).toBe(3);
    expect(
      Object.fromEntries(
        g2b.byCategory.map((row) => [row.code, [row.agencies, row.services]]),
      ),
    ).toEqual({
      economy: [2, 2],
      social: [1, 1],
      law: [1, 1],
      utilities: [1, 1],
    });
  });

  it('narrows every figure to one agency, one group or one category', async () => {
    expect(
      (await registryAnalytics(db, filters({ agencyId: justice?.id ?? null }))).indicators
        .services,
    ).toBe(2);
    expect(
      (await registryAnalytics(db, filters({ group: 'legalEntity' }))).indicators
        .services,
    ).toBe(1);
    expect(
      (await registryAnalytics(db, filters({ category: 'economy' }))).indicators,
    ).toMatchObject({
      services: 2,
      stateBodies: 2,
    });
  });

  it('exports a table as XLSX with numbers as numbers and as CSV, and asks before replacing either', async () => {
    const dir = tempDir('dxer-analytics-export');
    const never = () => Promise.reject(new Error('a path was given'));
    const xlsx = path.join(dir, 'kateqoriyalar.xlsx');
    const request = {
      filters: filters(),
      view: 'byCategory' as const,
      format: 'xlsx' as const,
      filePath: xlsx,
      overwrite: false,
    };
    expect(await exportAnalytics(db, request, never)).toMatchObject({ kind: 'saved' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'category',
      'agencies',
      'services',
      'electronic',
      'g2b',
    ]);
    const social = sheet
      ?.getSheetValues()
      .find((row) => Array.isArray(row) && row[1] === 'social');
    expect(social).toEqual([undefined, 'social', 1, 3, 3, 1]);
    expect(await exportAnalytics(db, request, never)).toEqual({
      kind: 'exists',
      filePath: xlsx,
    });

    const csv = path.join(dir, 'qurumlar.csv');
    await exportAnalytics(
      db,
      { ...request, view: 'byAgency', format: 'csv', filePath: csv },
      never,
    );
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFagency,services,electronic,g2b\r\n')).toBe(true);
    expect(text).toContain(
      'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
    );
  });

  it('saves a chart as a PNG only when the bytes are a PNG', async () => {
    const dir = tempDir('dxer-analytics-chart');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const filePath = path.join(dir, 'chart.png');
    const saved = await saveChartImage(
      {
        name: 'chart',
        dataUrl: `data:image/png;base64,${png.toString('base64')}`,
        filePath,
        overwrite: false,
      },
      () => Promise.resolve(null),
    );
    expect(saved).toMatchObject({ kind: 'saved' });
    expect(fs.readFileSync(filePath)).toEqual(png);
    await expect(
      saveChartImage(
        {
          name: 'fake',
          dataUrl: `data:image/png;base64,${Buffer.from('<svg/>').toString('base64')}`,
          overwrite: false,
        },
        () => Promise.resolve(path.join(dir, 'fake.png')),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(fs.existsSync(path.join(dir, 'fake.png'))).toBe(false);
  });
});
