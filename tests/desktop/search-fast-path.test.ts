import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import type { ServiceListQuery } from '../../shared/contract/views';
import type { serviceTypes } from '../../shared/domain/service-record';
import { presentationAgencies } from '../../shared/reference/agencies';
import { registryCategories } from '../../shared/reference/categories';
import { foldAz, sortKeyAz } from '../../shared/text/az';
import type { WorkflowStatus } from '../../shared/workflow/state-machine';
import { openLocalStore } from '../../src-main/local-store/database';
import { countServices, listServices } from '../../src-main/local-store/service-queries';
import { searchIndex } from '../../src-main/local-store/search-index';
import { scan, searchPlan } from '../../src-main/local-store/service-search';
import { applyPullPage } from '../../src-main/sync/apply-pull-page';
import { publishedServiceChanges } from './support/registry-builder';
import { listQuery, tempDir } from './support/desktop-fixture';

// Names whose folding and order hold the Azerbaijani traps: İ/i and I/ı,
// ə/e, ç/c, ş/s, ö/o, ü/u, ğ/g; "verilməsi" lands in about a quarter of the
// services, spread over the alphabet, while "vəsiqəsinin" is as common but
// clustered under Ş, far down the name order.
const objects = [
  'İşsizlik müavinətinin',
  'Ipoteka kreditinin',
  'ılıq su təchizatının',
  'iri həcmli yükün',
  'Əmək pensiyasının',
  'Emal sexinin',
  'Çək kitabçasının',
  'Cərimənin',
  'Şəxsiyyət vəsiqəsinin',
  'Sahə planının',
  'Ödəniş arayışının',
  'Orta təhsil sənədinin',
  'Ümumi arayışın',
  'Uşaq pulunun',
  'Ağac kəsiminin',
  'Agentlik lisenziyasının',
];
const actions = ['verilməsi', 'ləğvi', 'yenilənməsi', 'qeydiyyatı'];
const types: Array<(typeof serviceTypes)[number]> = [
  'electronic',
  'partlyElectronic',
  'nonElectronic',
];
const statuses: WorkflowStatus[] = ['approved', 'submitted', 'returned'];
const agencies = presentationAgencies.slice(0, 3).map((agency) => agency.id);
const categoryCodes = registryCategories.map((category) => category.code);
const SERVICES = 2_400;

interface StoredRow {
  rowid: number;
  id: string;
  name: string;
  registry_code: string;
  agency_id: string;
  type: string;
  status: string;
  categories: string;
}

interface KnownRow extends StoredRow {
  text: string;
  sortKey: Buffer;
  idKey: Buffer;
  categoryList: string[];
}

let dataDir: string;
let db: Knex;
let stored: KnownRow[];

/** Every stored row with its search text and sort key, computed here by the definition. */
async function readStored(): Promise<KnownRow[]> {
  const rows = await db('services').select<StoredRow[]>(
    'rowid',
    'id',
    'name',
    'registry_code',
    'agency_id',
    'type',
    'status',
    'categories',
  );
  // SQLite compares text as UTF-8 bytes; so do these keys.
  return rows.map((row) => ({
    ...row,
    text: `${foldAz(row.name)} ${foldAz(row.registry_code)} ${row.registry_code.toLowerCase()}`,
    sortKey: Buffer.from(sortKeyAz(row.name), 'utf8'),
    idKey: Buffer.from(row.id, 'utf8'),
    categoryList: JSON.parse(row.categories) as string[],
  }));
}

function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('empty list');
  return item;
}

beforeAll(async () => {
  dataDir = tempDir('dxer-search-fast-path');
  db = await openLocalStore(dataDir);
  const changes = Array.from({ length: SERVICES }, (_, index) => {
    // Clustered: a block of Şəxsiyyət names, so the walk must give way.
    const object =
      index % 4 === 0 ? 'Şəxsiyyət vəsiqəsinin' : pick(objects, (index * 7) % 97);
    const suffix = index % 5 === 0 ? ` (${index})` : '';
    const name = `${object} ${pick(actions, (index * 3) % 11)}${suffix}`;
    const batch = publishedServiceChanges(pick(agencies, index), name, index + 1, {
      type: pick(types, index),
      categories: [pick(categoryCodes, index), pick(categoryCodes, index * 3 + 1)],
    });
    const change = batch[1];
    const version =
      change?.entity === 'service' && change.op === 'put'
        ? change.data.versions[0]
        : undefined;
    if (!version) throw new Error('the builder made no service version');
    version.status = pick(statuses, Math.floor(index / 3));
    return batch;
  });
  for (let start = 0; start < changes.length; start += 400) {
    await db.transaction((trx) =>
      applyPullPage(trx, changes.slice(start, start + 400).flat()),
    );
  }
  stored = await readStored();
});
afterAll(async () => {
  await db.destroy();
});

/** The list's rows by the definition, over every stored row: ids of the page and the total. */
function bruteForce(filters: ServiceListQuery): { total: number; ids: string[] } {
  const words = foldAz(filters.query)
    .split(/\s+/u)
    .filter((word) => word !== '');
  const matches = stored
    .filter((row) => {
      if (!words.every((word) => row.text.includes(word))) return false;
      if (filters.agencyId && row.agency_id !== filters.agencyId) return false;
      if (filters.type && row.type !== filters.type) return false;
      if (filters.status && row.status !== filters.status) return false;
      return !filters.category || row.categoryList.includes(filters.category);
    })
    .sort(
      (a, b) => Buffer.compare(a.sortKey, b.sortKey) || Buffer.compare(a.idKey, b.idKey),
    );
  return {
    total: matches.length,
    ids: matches
      .slice(filters.offset, filters.offset + filters.limit)
      .map((row) => row.id),
  };
}

const queries = [
  '',
  'verilməsi',
  'VERİLMƏSİ',
  'vəsiqəsinin',
  'şəxsiyyət vəsiqə',
  'İşsiz',
  'işsiz',
  'ıpoteka',
  'IPOTEKA',
  'ipoteka',
  'ılıq',
  'iri',
  'ə',
  'e',
  'i',
  'ı',
  'İ',
  'ş',
  've',
  'ağ',
  'ag',
  'ödəniş arayış',
  'odenis',
  'ümumi',
  'umumi',
  '(15)',
  '(2395)',
  '(2',
  'xid-000012',
  'XID-00001',
  'verilməsi ş',
  'ləğvi (1',
  'nothing-like-this',
];
const filterSets: Array<Partial<ServiceListQuery>> = [
  {},
  { agencyId: agencies[1] ?? null },
  { category: pick(categoryCodes, 2) },
  { type: 'partlyElectronic' },
  { status: 'returned' },
  { status: 'draft' },
  { agencyId: agencies[2] ?? null, type: 'electronic', category: pick(categoryCodes, 4) },
];

function pagesFor(total: number): Array<{ offset: number; limit: number }> {
  return [
    { offset: 0, limit: 100 },
    { offset: 0, limit: 1 },
    { offset: 37, limit: 7 },
    { offset: Math.max(0, total - 5), limit: 100 },
    { offset: total, limit: 10 },
    { offset: total + 25, limit: 10 },
  ];
}

describe('services.list fast paths', () => {
  it('returns exactly the pages and totals of a brute-force search over every row', async () => {
    let checked = 0;
    for (const query of queries) {
      for (const filterSet of filterSets) {
        const full = bruteForce(listQuery({ query, ...filterSet, limit: 10_000 }));
        for (const page of pagesFor(full.total)) {
          const filters = listQuery({ query, ...filterSet, ...page });
          const expected = bruteForce(filters);
          const list = await listServices(db, filters);
          expect({ query, filterSet, page, total: list.total }).toEqual({
            query,
            filterSet,
            page,
            total: expected.total,
          });
          expect(list.rows.map((row) => row.id)).toEqual(expected.ids);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(queries.length * filterSets.length * 6);
  });

  it('finds the same page whether the pass stops at the page or counts every match', async () => {
    const byRowid = new Map(stored.map((row) => [row.rowid, row.id]));
    const index = await searchIndex(db);
    for (const query of ['verilməsi', 'vəsiqəsinin', 've', 'ə', 'iri', '(2', 'ödəniş']) {
      for (const filterSet of [{}, { status: 'returned' as const }]) {
        const filters = listQuery({ query, ...filterSet, offset: 40, limit: 60 });
        const expected = bruteForce(filters);
        const plan = searchPlan(filters);
        const page = { offset: 40, limit: 60 };
        const counted = scan(index, plan, page, true);
        const stopped = scan(index, plan, page, false);
        expect(counted).toMatchObject({ matched: expected.total, complete: true });
        for (const found of [counted, stopped]) {
          expect({ query, ids: found.rowids.map((rowid) => byRowid.get(rowid)) }).toEqual(
            {
              query,
              ids: expected.ids,
            },
          );
        }
        if (expected.total > 100)
          expect(stopped).toMatchObject({ matched: 100, complete: false });
      }
    }
  });

  it('gives the same pages without the total, and services.count the same total', async () => {
    // A second connection starts with no remembered totals, so each first
    // page is found without one.
    const fresh = await openLocalStore(dataDir);
    try {
      for (const query of queries) {
        for (const filterSet of filterSets) {
          const full = bruteForce(listQuery({ query, ...filterSet, limit: 10_000 }));
          for (const page of pagesFor(full.total)) {
            const filters = listQuery({ query, ...filterSet, ...page });
            const expected = bruteForce(filters);
            const withTotal = await listServices(fresh, filters);
            const pageFirst = await listServices(fresh, { ...filters, withTotal: false });
            expect({
              query,
              filterSet,
              page,
              ids: pageFirst.rows.map((row) => row.id),
            }).toEqual({ query, filterSet, page, ids: expected.ids });
            expect(pageFirst.rows).toEqual(withTotal.rows);
            if (pageFirst.isTotalExact === false) {
              // The least the total can be: this page's end and one more.
              expect(pageFirst.total).toBe(page.offset + page.limit + 1);
              expect(expected.total).toBeGreaterThanOrEqual(pageFirst.total);
            } else {
              expect(pageFirst.total).toBe(expected.total);
            }
          }
          const {
            offset: _offset,
            limit: _limit,
            ...countFilters
          } = listQuery({
            query,
            ...filterSet,
          });
          expect({
            query,
            filterSet,
            ...(await countServices(fresh, countFilters)),
          }).toEqual({ query, filterSet, total: full.total });
        }
      }
    } finally {
      await fresh.destroy();
    }
  });

  it('tells a first page that holds the whole result by its exact total, and one with more by a lower bound', async () => {
    const fresh = await openLocalStore(dataDir);
    try {
      const few = listQuery({ query: '(2395)', withTotal: false });
      expect(await listServices(fresh, few)).toMatchObject({
        total: bruteForce(few).total,
        isTotalExact: true,
      });
      const many = listQuery({ query: 'verilməsi', limit: 10, withTotal: false });
      expect(await listServices(fresh, many)).toMatchObject({
        total: 11,
        isTotalExact: false,
      });
      const { offset: _offset, limit: _limit, ...filters } = many;
      const { total } = await countServices(fresh, filters);
      expect(total).toBe(bruteForce(many).total);
      // Once counted, later pages carry the exact total.
      expect(await listServices(fresh, { ...many, offset: 10 })).toMatchObject({
        total,
        isTotalExact: true,
      });
    } finally {
      await fresh.destroy();
    }
  });

  it('keeps its search index across writes to other tables and reads it again after a service changes', async () => {
    const before = await searchIndex(db);
    await db('meta')
      .insert({ key: 'search-index-test', value: '1' })
      .onConflict('key')
      .merge();
    expect(await searchIndex(db)).toBe(before);
    const [first] = stored;
    if (!first) throw new Error('no stored service');
    await db('services').where({ rowid: first.rowid }).update({ status: 'returned' });
    const after = await searchIndex(db);
    expect(after).not.toBe(before);
    await db('services').where({ rowid: first.rowid }).update({ status: first.status });
    stored = await readStored();
  });

  it('patches the index from the services that changed to exactly what a fresh read gives', async () => {
    await searchIndex(db);
    // Renames that move services across the list, status changes, deletes
    // and new services, some in one transaction, some alone.
    const moved = stored.filter((_, at) => at % 97 === 3).slice(0, 20);
    await db.transaction(async (trx) => {
      for (const [at, row] of moved.entries()) {
        const name = `${pick(objects, at * 5 + 1)} dəyişdi ${at}`;
        await trx('services')
          .where({ rowid: row.rowid })
          .update({
            name,
            name_sort: sortKeyAz(name),
            name_fold: `${foldAz(name)} ${foldAz(row.registry_code)}`,
          });
      }
    });
    const removed = stored.filter((_, at) => at % 211 === 5).slice(0, 8);
    await db('services')
      .whereIn(
        'rowid',
        removed.map((row) => row.rowid),
      )
      .delete();
    const relabelled = stored.find((row) => row.status !== 'returned');
    if (!relabelled) throw new Error('no service to relabel');
    await db('services')
      .where({ rowid: relabelled.rowid })
      .update({ status: 'returned' });
    for (const [at, name] of [
      'Aaa birinci',
      'Zzz sonuncu',
      'Ölçü cihazının yoxlanması',
    ].entries()) {
      await db.transaction((trx) =>
        applyPullPage(
          trx,
          publishedServiceChanges(pick(agencies, at), name, 50_000 + at),
        ),
      );
    }

    const patched = await searchIndex(db);
    const fresh = await openLocalStore(dataDir);
    try {
      const read = await searchIndex(fresh);
      const entries = (index: typeof read) =>
        Array.from(index.rowids, (rowid, at) => ({
          rowid,
          text: index.text.slice(index.starts[at], (index.starts[at + 1] ?? 0) - 1),
          key: index.keys.slice(index.keyStarts[at], index.keyStarts[at + 1]),
          agency: index.agencies.values[index.agencies.ofRow[at] ?? 0],
          type: index.types.values[index.types.ofRow[at] ?? 0],
          status: index.statuses.values[index.statuses.ofRow[at] ?? 0],
          categories: index.categorySets.values[index.categorySets.ofRow[at] ?? 0],
        }));
      expect(patched.rowids.length).toBe(stored.length - removed.length + 3);
      expect(entries(patched)).toEqual(entries(read));
      expect(patched.text).toBe(read.text);
      expect(patched.keys).toBe(read.keys);
    } finally {
      await fresh.destroy();
    }
    stored = await readStored();
    for (const query of ['dəyişdi', 'aaa', 'ölçü', 'verilməsi']) {
      const filters = listQuery({ query, limit: 50 });
      const found = await listServices(db, filters);
      expect({ query, ids: found.rows.map((row) => row.id), total: found.total }).toEqual(
        {
          query,
          ...bruteForce(filters),
        },
      );
    }
  });

  it('counts afresh after the store changes instead of reusing a stale total', async () => {
    const filters = listQuery({ query: 'verilməsi' });
    const before = await listServices(db, filters);
    await db.transaction((trx) =>
      applyPullPage(
        trx,
        publishedServiceChanges(pick(agencies, 0), 'Aaa yeni xidmətin verilməsi', 99_999),
      ),
    );
    stored = await readStored();
    const after = await listServices(db, filters);
    expect(after.total).toBe(before.total + 1);
    expect(after.rows[0]?.name).toBe('Aaa yeni xidmətin verilməsi');
    expect(after.total).toBe(bruteForce(filters).total);
  });
});
