import { describe, expect, it } from 'vitest';
import type { DuplicateCandidateView } from '../../shared/contract/duplicate-views';
import { ContractError } from '../api/contract-error';
import { RecordingApi } from '../test-support/recording-api';
import { DuplicatesStore } from './duplicates-store';

const ID = '6f1c2a3b-4d5e-4f60-8a71-829304a5b6c7';

function view(overrides: Partial<DuplicateCandidateView> = {}): DuplicateCandidateView {
  return {
    candidate: {
      id: ID,
      aServiceId: '11111111-1111-4111-8111-111111111111',
      bServiceId: '22222222-2222-4222-8222-222222222222',
      aAgencyId: '33333333-3333-4333-8333-333333333333',
      bAgencyId: '44444444-4444-4444-8444-444444444444',
      score: 0.92,
      reasons: ['SAME_NAME'],
      parts: { name: 1, result: 1, legalBasis: null, documents: 0.5 },
      revision: 3,
      detectedAt: '2026-12-04T05:00:00.000Z',
      mark: null,
    },
    a: null,
    b: null,
    ownMark: null,
    ...overrides,
  };
}

describe('marking duplicate candidates', () => {
  it('sends the kind, the note typed and the revision the reviewer saw, and shows the pending mark', async () => {
    const pending = view({
      ownMark: {
        entryId: 7,
        state: 'pending',
        kind: 'mergeProposal',
        note: 'Birləşdirin',
        error: null,
        conflictMessage: null,
      },
    });
    const api = new RecordingApi({
      'duplicates.list': () => Promise.resolve([view()]),
      'duplicates.mark': () => Promise.resolve(pending),
    });
    const store = new DuplicatesStore(api, () => true);
    await store.load();
    store.setNote(ID, 'Birləşdirin');
    await store.mark(ID, 'mergeProposal');

    expect(api.callsOf('duplicates.mark')).toEqual([
      { candidateId: ID, kind: 'mergeProposal', note: 'Birləşdirin', baseRevision: 3 },
    ]);
    expect(store.views[0]?.ownMark?.state).toBe('pending');
    expect(store.noteOf(ID)).toBe('');
  });

  it('keeps the note and shows why main refused the mark', async () => {
    const api = new RecordingApi({
      'duplicates.list': () => Promise.resolve([view()]),
      'duplicates.mark': () =>
        Promise.reject(
          new ContractError({ code: 'DECISION_PENDING', message: 'waiting', fields: [] }),
        ),
    });
    const store = new DuplicatesStore(api, () => true);
    await store.load();
    store.setNote(ID, 'Eynidir');
    await store.mark(ID, 'duplicate');
    expect(store.markErrors.get(ID)?.code).toBe('DECISION_PENDING');
    expect(store.noteOf(ID)).toBe('Eynidir');
    expect(store.markingId).toBeNull();
  });

  it('lists marked pairs under all and keeps stale ones among the open', async () => {
    const marked = view({
      candidate: {
        ...view().candidate,
        mark: {
          kind: 'notDuplicate',
          note: '',
          markedBy: '55555555-5555-4555-8555-555555555555',
          markedByName: 'Yoxlayıcı',
          markedAt: '2026-12-04T05:10:00.000Z',
        },
      },
      ownMark: {
        entryId: 9,
        state: 'conflict',
        kind: 'duplicate',
        note: '',
        error: null,
        conflictMessage: 'stale',
      },
    });
    const api = new RecordingApi({ 'duplicates.list': () => Promise.resolve([marked]) });
    const store = new DuplicatesStore(api, () => false);
    await store.load();
    store.setFilter('open');
    expect(store.shown).toHaveLength(1);
    expect(store.openCount).toBe(0);
    expect(store.canMark).toBe(false);
  });
});
