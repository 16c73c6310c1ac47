import { describe, expect, it } from 'vitest';
import { emptyServiceRecord } from '../domain/service-record';
import {
  buildDuplicateIndex,
  duplicateIndexSteps,
  runInSlices,
  scanDuplicates,
} from './duplicate-scan';
import type { DuplicateSubject } from './service-fingerprint';

function service(
  id: string,
  agencyId: string,
  name: string,
  law = 'law:1112-IVQ',
): DuplicateSubject {
  const record = emptyServiceRecord();
  const [kind, number = ''] = law.split(':');
  record.result.name = 'Sürücülük vəsiqəsi';
  record.legalActs = [
    {
      id: `${id}-act`,
      kind: kind === 'law' ? 'law' : 'other',
      number,
      date: '',
      title: '',
      article: '',
      url: '',
    },
  ];
  record.documents = [
    {
      id: `${id}-doc`,
      name: 'Şəxsiyyət vəsiqəsi',
      isFetchedByAgency: false,
      sourceSystem: '',
      isOriginalRequired: false,
      note: '',
    },
  ];
  return { id, agencyId, name, record };
}

const registry = [
  service('issue', 'internal-affairs', 'Sürücülük vəsiqəsinin verilməsi'),
  service('issue-asan', 'asan-service', 'SÜRÜCÜLÜK VƏSİQƏSİ VERİLMƏSİ'),
  service('issue-same-agency', 'internal-affairs', 'Sürücülük vəsiqələrinin verilməsi'),
  service('swap', 'asan-service', 'Sürücülük vəsiqəsinin dəyişdirilməsi'),
  service(
    'identity',
    'migration-service',
    'Şəxsiyyət vəsiqəsinin verilməsi',
    'law:620-IIQ',
  ),
];

const pairOf = (candidate: { aId: string; bId: string }) =>
  [candidate.aId, candidate.bId].sort().join('|');

describe('scanDuplicates', () => {
  it('pairs the same service across agencies with its reasons and parts', () => {
    const found = scanDuplicates(registry);
    expect(found.map(pairOf)).toEqual([
      'issue|issue-asan',
      'issue-asan|issue-same-agency',
    ]);
    expect(found[0]).toMatchObject({
      score: 1,
      reasons: ['SAME_NAME', 'SAME_RESULT', 'SAME_LEGAL_BASIS', 'SHARED_DOCUMENTS'],
      parts: { name: 1, result: 1, legalBasis: 1, documents: 1 },
    });
  });

  it('pairs services of one agency only when asked', () => {
    const found = scanDuplicates(registry, { includeSameAgency: true });
    expect(found.map(pairOf)).toContain('issue|issue-same-agency');
  });

  it('never pairs issuing a document with replacing it, whatever the records share', () => {
    const found = scanDuplicates(registry, { includeSameAgency: true, threshold: 0.31 });
    expect(found.map(pairOf).filter((pair) => pair.includes('swap'))).toEqual([]);
  });

  it('still pairs a replacement typed with a letter dropped from its action word', () => {
    const found = scanDuplicates([
      service('swap', 'internal-affairs', 'Sürücülük vəsiqəsinin dəyişdirilməsi'),
      service('swap-typo', 'asan-service', 'Sürücülük vəsiqəsinin dəişdirilməsi'),
      service('issue', 'migration-service', 'Sürücülük vəsiqəsinin verilməsi'),
    ]);
    expect(found.map(pairOf)).toEqual(['swap|swap-typo']);
  });

  it('pairs near-identical names through neighbours in name order when every block is over-full', () => {
    const crowd = [
      service('a', 'agency-a', 'Gömrük bəyannaməsinin qeydiyyatı'),
      service('b', 'agency-b', 'Gömrük bəannaməsinin qeydiyyatı'),
      service('c', 'agency-c', 'Ticarət nişanının qeydiyyatı'),
      service('d', 'agency-d', 'Nikahın qeydiyyatı'),
    ];
    const found = scanDuplicates(crowd, { maxBlockSize: 1, neighbourWindow: 1 });
    expect(found.map(pairOf)).toEqual(['a|b']);
  });

  it('lists pairs best first', () => {
    const found = scanDuplicates(registry, { includeSameAgency: true, threshold: 0 });
    const scores = found.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('DuplicateIndex.check', () => {
  const index = buildDuplicateIndex(registry);

  it('warns about a name proposal that looks like a service of another agency', () => {
    const found = index.check({
      id: 'proposal',
      agencyId: 'new-agency',
      name: 'suruculuk vesiqesinin verilmesi',
    });
    expect(found.map((candidate) => candidate.bId)).toEqual([
      'issue',
      'issue-asan',
      'issue-same-agency',
    ]);
    expect(found[0]).toMatchObject({
      aId: 'proposal',
      reasons: ['SAME_NAME'],
      parts: { result: null, legalBasis: null, documents: null },
    });
  });

  it('leaves out the submission itself and its own agency', () => {
    const submission = registry[0];
    if (!submission) throw new Error('the registry is empty');
    expect(index.check(submission).map((candidate) => candidate.bId)).toEqual([
      'issue-asan',
    ]);
  });
});

describe('DuplicateIndex.upsert and steps', () => {
  it('replaces a service by its id, so a resubmission is checked as it is now', () => {
    const index = buildDuplicateIndex(registry);
    const renamed = service('issue-asan', 'asan-service', 'Ticarət nişanının qeydiyyatı');
    index.upsert(renamed);
    expect(index.size).toBe(registry.length);
    expect(index.scan().map(pairOf)).not.toContain('issue|issue-asan');
    index.upsert(service('new', 'justice', 'Ticarət nişanının qeydiyyatı'));
    expect(index.scan().map(pairOf)).toContain('issue-asan|new');
  });

  it('scans in slices with pauses between them and finds what one scan finds', async () => {
    const index = buildDuplicateIndex(registry);
    let pauses = 0;
    const found = await runInSlices(
      index.scanSteps({ includeSameAgency: true }),
      () => {
        pauses += 1;
        return Promise.resolve();
      },
      0,
    );
    expect(found).toEqual(index.scan({ includeSameAgency: true }));
    expect(pauses).toBeGreaterThan(0);
    const built = await runInSlices(duplicateIndexSteps(registry), () =>
      Promise.resolve(),
    );
    expect(built.scan()).toEqual(index.scan());
  });
});

describe('the scan in name order', () => {
  it('pairs neighbours in name order the same however many names are sorted in steps', () => {
    const crowd = Array.from({ length: 300 }, (_, index) =>
      service(
        `s${index}`,
        `agency-${index % 7}`,
        `Gömrük bəyannaməsinin qeydiyyatı ${index % 150}`,
      ),
    );
    // Every block is over-full: only neighbours in the sorted name order meet.
    const found = scanDuplicates(crowd, { maxBlockSize: 1, neighbourWindow: 1 });
    // Each number is named twice, by agencies index % 7 and (index + 150) % 7.
    expect(found.map(pairOf)).toContain('s0|s150');
    expect(found).toHaveLength(150);
  });
});
