import { describe, expect, it } from 'vitest';
import type { ReviewQueueItem, ServiceReview } from '../../shared/contract/review-views';
import { emptyServiceRecord } from '../../shared/domain/service-record';
import { diffServiceRecords } from '../../shared/review/record-diff';
import { RecordingApi } from '../test-support/recording-api';
import { serviceDetail } from '../test-support/service-detail';
import { ReviewStore } from './review-store';

const AGENCY = '5ee0a3b1-0c1e-4d2a-9a53-5e11d0000009';

function item(n: number, decisionState: ReviewQueueItem['decisionState'] = 'none') {
  return {
    kind: 'serviceChange',
    id: `c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e0${n}`,
    label: `Xidmət ${n}`,
    registryCode: `XID-00000${n}`,
    agencyId: AGENCY,
    agencyName: 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
    categories: [],
    submissionNo: 1,
    clock: {
      submittedAt: '2026-11-02T08:00:00.000Z',
      deadline: '2026-11-11',
      workingDaysWaited: n,
      workingDaysLeft: 7 - n,
      isOverdue: false,
      isCalendarComplete: true,
    },
    decisionState,
  } satisfies ReviewQueueItem;
}

function reviewOf(row: ReviewQueueItem): ServiceReview {
  const { service } = serviceDetail(
    { description: 'Yeni təsvir: ASAN xidmətdə qəbul.' },
    'submitted',
  );
  const submitted = service.versions[0] ?? null;
  const published = { ...emptyServiceRecord(), description: 'Əvvəlki təsvir mətni.' };
  return {
    serviceId: row.id,
    registryCode: row.registryCode,
    label: row.label,
    agencyId: AGENCY,
    agencyName: row.agencyName,
    submitted: submitted && { ...submitted, submissionNo: 1 },
    published: null,
    diff: submitted ? diffServiceRecords(published, submitted.record) : null,
    clock: row.clock,
    decision: { state: row.decisionState, entryId: null },
    refusal: null,
  };
}

function deskWith(rows: ReviewQueueItem[]) {
  const api = new RecordingApi({
    'review.queue': () => Promise.resolve({ total: rows.length, rows }),
    'review.service': ({ serviceId }) => {
      const row = rows.find((candidate) => candidate.id === serviceId);
      if (!row) throw new Error('unknown');
      return Promise.resolve(reviewOf(row));
    },
    'review.decideService': ({ serviceId }) => {
      const row = rows.find((candidate) => candidate.id === serviceId);
      if (!row) throw new Error('unknown');
      return Promise.resolve({
        ...reviewOf(row),
        decision: { state: 'pending', entryId: 7 },
      });
    },
  });
  return { api, store: new ReviewStore(api) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the review desk store', () => {
  it('moves with next to the following item still undecided, skipping ones already decided here', async () => {
    const rows = [item(1), item(2, 'pending'), item(3)];
    const { store } = deskWith(rows);
    await store.load();
    await store.select(rows[0] ?? item(0));

    store.next();
    await settle();
    expect(store.selectedId).toBe(rows[2]?.id);
    store.previous();
    await settle();
    expect(store.selectedId).toBe(rows[1]?.id);
  });

  it('refuses to return without a remark and sends the written remarks with their fields', async () => {
    const rows = [item(1)];
    const { api, store } = deskWith(rows);
    await store.load();
    await store.select(rows[0] ?? item(0));

    await store.returnForCorrection();
    expect(store.returnProblem).toBe('noRemarks');
    const first = store.addRemark('description');
    await store.returnForCorrection();
    expect(store.returnProblem).toBe('emptyRemark');
    expect(api.callsOf('review.decideService')).toEqual([]);

    store.setRemarkText(first, '  Təsvir natamamdır.  ');
    store.setRemarkText(store.addRemark('fee'), 'Rüsumun əsası yoxdur.');
    await store.returnForCorrection();
    expect(api.callsOf('review.decideService')).toEqual([
      expect.objectContaining({
        decision: 'return',
        submissionNo: 1,
        remarks: [
          { field: 'description', text: 'Təsvir natamamdır.' },
          { field: 'fee', text: 'Rüsumun əsası yoxdur.' },
        ],
      }),
    ]);
    expect(store.remarks).toEqual([]);
    expect(store.open?.review.decision.state).toBe('pending');
  });

  it('keeps remarks typed on one item while the reviewer looks at another', async () => {
    const rows = [item(1), item(2)];
    const { store } = deskWith(rows);
    await store.load();
    await store.select(rows[0] ?? item(0));
    store.setRemarkText(store.addRemark('documents'), 'Arayış çatışmır.');

    await store.select(rows[1] ?? item(0));
    expect(store.remarks).toEqual([]);
    await store.select(rows[0] ?? item(0));
    expect(store.remarks.map((remark) => remark.text)).toEqual(['Arayış çatışmır.']);
  });

  it('puts the M-key remark on the first field the submission changes', async () => {
    const rows = [item(1)];
    const { store } = deskWith(rows);
    await store.load();
    await store.select(rows[0] ?? item(0));
    const changed = store.open?.kind === 'service' ? store.open.review.diff : null;
    const firstChanged = changed?.fields.find((field) => field.status !== 'unchanged');

    store.addRemarkOnFirstChange();
    expect(store.remarks.map((remark) => remark.field)).toEqual([firstChanged?.field]);
  });
});
