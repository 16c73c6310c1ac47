import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { presentationAgencies } from '../../shared/reference/agencies';
import { openLocalStore } from '../../src-main/local-store/database';
import { listServices } from '../../src-main/local-store/service-queries';
import { applyPullPage } from '../../src-main/sync/apply-pull-page';
import { publishedServiceChanges } from './support/registry-builder';
import { listQuery, tempDir } from './support/desktop-fixture';

const agency = presentationAgencies[1];
if (!agency) throw new Error('reference agencies missing');

const names = [
  'Zəmanət məktubu',
  'İşsizlik müavinəti',
  'Ipoteka krediti',
  'ılıq su təchizatı',
  'Əmək pensiyası',
  'Çək kitabçası',
  'Cərimənin ödənişi',
  'Şəhadətnamənin verilməsi',
  'Sığorta ödənişi',
  'Ödəniş arayışı',
  'Orta təhsil',
  'Ümumi arayış',
  'Uşaq pulu',
  'Ağac kəsimi',
  'Göz müayinəsi',
  'Ev təsərrüfatı',
  'Hüquqi yardım',
  'Xarici pasport',
];

let db: Knex;

beforeAll(async () => {
  db = await openLocalStore(tempDir('dxer-search'));
  await db.transaction((trx) =>
    applyPullPage(
      trx,
      names.flatMap((name, index) => publishedServiceChanges(agency.id, name, index + 1)),
    ),
  );
});
afterAll(async () => {
  await db.destroy();
});

async function search(query: string): Promise<string[]> {
  const list = await listServices(db, listQuery({ query, limit: 500 }));
  return list.rows.map((row) => row.name);
}

describe('services.list in Azerbaijani', () => {
  it('sorts by the Azerbaijani alphabet: c ç … e ə … g ğ h x ı i … o ö … s ş … u ü', async () => {
    expect(await search('')).toEqual([
      'Ağac kəsimi',
      'Cərimənin ödənişi',
      'Çək kitabçası',
      'Ev təsərrüfatı',
      'Əmək pensiyası',
      'Göz müayinəsi',
      'Hüquqi yardım',
      'Xarici pasport',
      'ılıq su təchizatı',
      'Ipoteka krediti',
      'İşsizlik müavinəti',
      'Orta təhsil',
      'Ödəniş arayışı',
      'Sığorta ödənişi',
      'Şəhadətnamənin verilməsi',
      'Uşaq pulu',
      'Ümumi arayış',
      'Zəmanət məktubu',
    ]);
  });

  it('tells dotted İ/i from dotless I/ı whatever the case typed', async () => {
    expect(await search('işsiz')).toEqual(['İşsizlik müavinəti']);
    expect(await search('İŞSİZ')).toEqual(['İşsizlik müavinəti']);
    expect(await search('ıpo')).toEqual(['Ipoteka krediti']);
    expect(await search('IPOTEKA')).toEqual(['Ipoteka krediti']);
    expect(await search('ipoteka')).toEqual([]);
    expect(await search('ILIQ')).toEqual(['ılıq su təchizatı']);
  });

  it('finds ə, ç, ş, ö, ü and ğ inside words, and does not confuse them with e, c, s, o, u, g', async () => {
    expect(await search('ƏMƏK')).toEqual(['Əmək pensiyası']);
    expect(await search('çək')).toEqual(['Çək kitabçası']);
    expect(await search('cər')).toEqual(['Cərimənin ödənişi']);
    expect(await search('şəhadət')).toEqual(['Şəhadətnamənin verilməsi']);
    expect(await search('ödəniş')).toEqual([
      'Cərimənin ödənişi',
      'Ödəniş arayışı',
      'Sığorta ödənişi',
    ]);
    expect(await search('ümumi')).toEqual(['Ümumi arayış']);
    expect(await search('umumi')).toEqual([]);
    expect(await search('ağac')).toEqual(['Ağac kəsimi']);
    expect(await search('agac')).toEqual([]);
  });

  it('matches every word, short words by substring, and registry codes', async () => {
    expect(await search('ödəniş arayış')).toEqual(['Ödəniş arayışı']);
    expect(await search('uş')).toEqual(['Uşaq pulu']);
    expect(await search('xid-000001')).toEqual(['Zəmanət məktubu']);
    expect(await search('XID-000001')).toEqual(['Zəmanət məktubu']);
    expect(await search('"50%_')).toEqual([]);
  });

  it('pages through the sorted result and reports the total', async () => {
    const page = await listServices(db, listQuery({ offset: 2, limit: 3 }));
    expect(page.total).toBe(names.length);
    expect(page.rows.map((row) => row.name)).toEqual([
      'Çək kitabçası',
      'Ev təsərrüfatı',
      'Əmək pensiyası',
    ]);
  });
});
