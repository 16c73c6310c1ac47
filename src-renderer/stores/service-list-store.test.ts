import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceListQuery, ServiceRow } from '../../shared/contract/views';
import { RecordingApi } from '../test-support/recording-api';
import { pagesForRange } from './paging';
import { PAGE_SIZE, SEARCH_DEBOUNCE_MS, ServiceListStore } from './service-list-store';

const TOTAL = 100_000;

function row(index: number): ServiceRow {
  const hex = index.toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    registryCode: `XID-${String(index).padStart(6, '0')}`,
    name: `Xidmət ${index}`,
    agencyId: '2828df11-442d-5784-abaa-6315b2131687',
    agencyName: 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
    type: 'nonElectronic',
    categories: ['social'],
    status: 'approved',
    syncState: 'synced',
    updatedAt: '2024-03-01T09:00:00.000Z',
  };
}

const totalFor = (query: string | undefined) => (query ? 7 : TOTAL);

/**
 * A registry of TOTAL services where a search keeps only names containing
 * the text. Like main, a page asked for without its total says only that
 * more rows follow; `countGate` holds back services.count's answers.
 */
function listWithMain(countGate: Promise<void> = Promise.resolve()) {
  const api = new RecordingApi({
    'services.list': (input) => {
      const total = totalFor(input.query);
      const offset = input.offset ?? 0;
      const end = Math.min(total, offset + (input.limit ?? 100));
      const rows = [];
      for (let index = offset; index < end; index += 1) rows.push(row(index));
      if (input.withTotal === false && end < total)
        return Promise.resolve({ total: end + 1, rows, isTotalExact: false });
      return Promise.resolve({ total, rows, isTotalExact: true });
    },
    'services.count': async (input) => {
      await countGate;
      return { total: totalFor(input.query) };
    },
  });
  return { api, list: new ServiceListStore(api) };
}

function gate() {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
}

const offsets = (api: RecordingApi) =>
  api.callsOf('services.list').map((input) => (input as ServiceListQuery).offset);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the services list', () => {
  it('loads the first page and knows the total of all matching rows', async () => {
    const { api, list } = listWithMain();
    list.start();
    await vi.advanceTimersByTimeAsync(0);

    expect(list.total).toBe(TOTAL);
    expect(list.rowAt(0)?.name).toBe('Xidmət 0');
    expect(list.rowAt(PAGE_SIZE)).toBeUndefined();
    expect(offsets(api)).toEqual([0]);
  });

  it('shows the first page before the exact total, as the rows found and more, then takes the count', async () => {
    const count = gate();
    const { api, list } = listWithMain(count.opened);
    list.start();
    await vi.advanceTimersByTimeAsync(0);

    expect(api.callsOf('services.list')[0]).toMatchObject({
      offset: 0,
      withTotal: false,
    });
    expect(api.callsOf('services.count')).toEqual([
      { query: '', agencyId: null, category: null, type: null, status: null },
    ]);
    expect(list.rowAt(0)?.name).toBe('Xidmət 0');
    expect(list.isTotalExact).toBe(false);
    expect(list.foundCount).toBe(PAGE_SIZE);

    count.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(list.isTotalExact).toBe(true);
    expect(list.total).toBe(TOTAL);
    expect(list.foundCount).toBe(TOTAL);
  });

  it('drops the count of an older search that arrives after the new one was answered', async () => {
    const count = gate();
    const { list } = listWithMain(count.opened);
    list.start();
    await vi.advanceTimersByTimeAsync(0);

    list.setQuery('əmək');
    list.applyQuery();
    await vi.advanceTimersByTimeAsync(0);
    expect(list.total).toBe(7);
    expect(list.isTotalExact).toBe(true);

    // Both counts answer now; the first one (TOTAL) belongs to the empty query.
    count.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(list.total).toBe(7);
    expect(list.rowAt(7)).toBeUndefined();
  });

  it('keeps the counted total while a data change refreshes the list in place', async () => {
    const count = gate();
    const { api, list } = listWithMain(count.opened);
    count.open();
    list.start();
    await vi.advanceTimersByTimeAsync(0);
    list.ensureRange(5_000, 5_020);
    await vi.advanceTimersByTimeAsync(0);

    api.emit('data.changed', { entities: ['service'] });
    const totals: number[] = [];
    for (let step = 0; step < 3; step += 1) {
      totals.push(list.total);
      await Promise.resolve();
    }
    await vi.advanceTimersByTimeAsync(0);

    expect([...totals, list.total]).toEqual([TOTAL, TOTAL, TOTAL, TOTAL]);
    expect(list.isTotalExact).toBe(true);
    expect(list.rowAt(5_010)?.registryCode).toBe('XID-005010');
  });

  it('fetches only the pages that scroll into view, each once', async () => {
    const { api, list } = listWithMain();
    list.start();
    await vi.advanceTimersByTimeAsync(0);

    list.ensureRange(54_990, 55_030);
    list.ensureRange(54_995, 55_035);
    await vi.advanceTimersByTimeAsync(0);

    expect(offsets(api)).toEqual([0, 54_900, 55_000]);
    expect(list.rowAt(55_010)?.registryCode).toBe('XID-055010');
  });

  it('waits for a pause in typing and searches once with the last text', async () => {
    const { api, list } = listWithMain();
    list.start();
    await vi.advanceTimersByTimeAsync(0);

    list.setQuery('ə');
    list.setQuery('əm');
    list.setQuery('əmək');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1);
    expect(api.callsOf('services.list')).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1);
    const searches = api.callsOf('services.list').slice(1) as ServiceListQuery[];
    expect(searches.map((query) => query.query)).toEqual(['əmək']);
    expect(list.total).toBe(7);
  });

  it('starts from the top when a filter changes, dropping rows of the old result', async () => {
    const { api, list } = listWithMain();
    list.start();
    await vi.advanceTimersByTimeAsync(0);
    list.ensureRange(500, 520);
    await vi.advanceTimersByTimeAsync(0);

    list.setType('electronic');
    await vi.advanceTimersByTimeAsync(0);

    const last = api.callsOf('services.list').at(-1) as ServiceListQuery;
    expect(last).toMatchObject({ type: 'electronic', offset: 0 });
    expect(list.rowAt(510)).toBeUndefined();
  });
});

describe('pagesForRange', () => {
  it('covers a visible range with the pages it touches', () => {
    expect(pagesForRange(0, 99, 100)).toEqual([0]);
    expect(pagesForRange(99, 100, 100)).toEqual([0, 1]);
    expect(pagesForRange(250, 420, 100)).toEqual([2, 3, 4]);
  });

  it('asks for nothing when the range is empty', () => {
    expect(pagesForRange(0, -1, 100)).toEqual([]);
    expect(pagesForRange(10, 5, 100)).toEqual([]);
  });
});
