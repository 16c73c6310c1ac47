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

/** A registry of TOTAL services where a search keeps only names containing the text. */
function listWithMain() {
  const api = new RecordingApi({
    'services.list': (input) => {
      const total = input.query ? 7 : TOTAL;
      const offset = input.offset ?? 0;
      const end = Math.min(total, offset + (input.limit ?? 100));
      const rows = [];
      for (let index = offset; index < end; index += 1) rows.push(row(index));
      return Promise.resolve({ total, rows });
    },
  });
  return { api, list: new ServiceListStore(api) };
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
