// Reviewer's desk figures: opening the review queue and a review view on a
// desktop whose local store holds a national-size registry with thousands
// of submissions waiting, beside raw SQLite reads of the same rows in the
// same run. Measures; review-bench.ts and all-bench.ts print.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import type { ReviewQueueQuery } from '../../../shared/contract/review-views';
import type { Agency } from '../../../shared/domain/agency';
import type { Service, ServiceVersion } from '../../../shared/domain/service';
import type { ServiceName } from '../../../shared/domain/service-name';
import type { User } from '../../../shared/domain/user';
import { registryCategories } from '../../../shared/reference/categories';
import type { EntityChange } from '../../../shared/sync/protocol';
import { LOCAL_DB_FILE, openLocalStore } from '../../../src-main/local-store/database';
import { reviewQueue } from '../../../src-main/review/review-queue';
import { serviceNameReview, serviceReview } from '../../../src-main/review/review-view';
import { applyPullPage } from '../../../src-main/sync/apply-pull-page';
import {
  completeRecord,
  seededRandom,
  serviceNameText,
} from '../../../src-server/seed/record-builder';
import { fmt, percentile } from './bench-output';

export const REVIEW_TARGET_MS = 200;
const TARGET_MS = REVIEW_TARGET_MS;

export interface ReviewDeskOptions {
  services: number;
  pending: number;
  names: number;
  progress: (line: string) => void;
}

/** One timed figure: p50 and p95 in ms, and PASS / MISS against the target ('' for baselines). */
export interface ReviewRow {
  label: string;
  p50: number;
  p95: number;
  result: string;
}

export interface ReviewDeskFigures {
  queueItems: number;
  rows: ReviewRow[];
}

/** Fills a local store, then times the queue and the review views. */
export async function measureReviewDesk(
  options: ReviewDeskOptions,
): Promise<ReviewDeskFigures> {
  const { services: serviceCount, pending: pendingCount, names: nameCount } = options;
  const agencyCount = 1_000;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-review-bench-'));
  const random = seededRandom(2016);
  const actor = randomUUID();
  const reviewer: User = {
    id: randomUUID(),
    username: 'reviewer',
    displayName: 'Bench reviewer',
    role: 'reviewer',
    agencyId: null,
    isActive: true,
  };

  async function timeEach<T>(inputs: readonly T[], run: (input: T) => Promise<unknown>) {
    const times: number[] = [];
    for (const input of inputs) {
      const started = performance.now();
      await run(input);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1) ?? 0,
    };
  }

  // Submissions spread over the last three weeks, so the clock has work to do.
  const now = Date.now();
  const submittedAt = (index: number) =>
    new Date(now - ((index * 7_919) % (21 * 86_400_000))).toISOString();

  function version(
    serviceId: string,
    number: number,
    status: ServiceVersion['status'],
    record: ServiceVersion['record'],
    at: string,
  ): ServiceVersion {
    return {
      id: randomUUID(),
      serviceId,
      number,
      status,
      record,
      submissionNo: 1,
      remarks: [],
      createdAt: at,
      createdBy: actor,
      updatedAt: at,
      submittedAt: at,
      submittedBy: actor,
      decidedAt: status === 'approved' ? at : null,
      decidedBy: status === 'approved' ? actor : null,
      history: [],
    };
  }

  /** One service's changes: published, a first submission, or a change to a published one. */
  function serviceChanges(index: number, agencyId: string): EntityChange[] {
    const text = serviceNameText(random, index);
    const name: ServiceName = {
      id: randomUUID(),
      agencyId,
      name: text,
      aliases: [],
      status: 'approved',
      submissionNo: 1,
      reason: '',
      revision: 1,
      proposedBy: actor,
      proposedAt: submittedAt(index),
      decidedBy: actor,
      decidedAt: submittedAt(index),
    };
    const serviceId = randomUUID();
    const record = completeRecord(random, text);
    const at = submittedAt(index);
    const isPending = index < pendingCount;
    const isNew = isPending && index % 2 === 0;
    const versions = isNew
      ? [version(serviceId, 1, 'submitted', record, at)]
      : [version(serviceId, 1, 'approved', record, at)];
    if (isPending && !isNew) {
      const changed = {
        ...record,
        description: `${record.description} Dəyişiklik ${index}.`,
        documents: record.documents.slice(1),
        fee: { ...record.fee, legalBasis: `${record.fee.legalBasis} (yeni redaksiya)` },
      };
      versions.push(version(serviceId, 2, 'submitted', changed, at));
    }
    const service: Service = {
      id: serviceId,
      agencyId,
      serviceNameId: name.id,
      registryCode: `XID-${String(index + 1).padStart(6, '0')}`,
      revision: 1,
      createdAt: at,
      versions,
    };
    return [
      { entity: 'serviceName', op: 'put', data: name },
      { entity: 'service', op: 'put', data: service },
    ];
  }

  function proposedName(index: number, agencyId: string): EntityChange {
    return {
      entity: 'serviceName',
      op: 'put',
      data: {
        id: randomUUID(),
        agencyId,
        name: serviceNameText(random, serviceCount + index),
        aliases: [],
        status: 'submitted',
        submissionNo: 1,
        reason: '',
        revision: 1,
        proposedBy: actor,
        proposedAt: submittedAt(index),
        decidedBy: null,
        decidedAt: null,
      },
    };
  }

  options.progress(
    `Filling a local store: ${serviceCount.toLocaleString('en-US')} services over ` +
      `${agencyCount} agencies, ${pendingCount.toLocaleString('en-US')} submitted, ` +
      `${nameCount} proposed names…`,
  );
  let started = performance.now();
  const dataDir = path.join(work, 'desktop');
  const db = await openLocalStore(dataDir);
  const agencies: Agency[] = Array.from({ length: agencyCount }, (_, index) => ({
    id: randomUUID(),
    code: `bench-${index}`,
    group: 'centralExecutive',
    nameAz: `Qurum ${index + 1}`,
    nameEn: `Agency ${index + 1}`,
    isActive: true,
  }));
  await db.transaction((trx) =>
    applyPullPage(
      trx,
      agencies.map((data) => ({ entity: 'agency', op: 'put', data })),
    ),
  );
  const agencyOf = (index: number) => agencies[index % agencyCount]?.id ?? '';
  for (let start = 0; start < serviceCount; start += 1_000) {
    const page: EntityChange[] = [];
    for (let index = start; index < Math.min(serviceCount, start + 1_000); index += 1) {
      page.push(...serviceChanges(index, agencyOf(index)));
    }
    await db.transaction((trx) => applyPullPage(trx, page));
  }
  const names = Array.from({ length: nameCount }, (_, index) =>
    proposedName(index, agencyOf(index)),
  );
  await db.transaction((trx) => applyPullPage(trx, names));
  options.progress(`  filled in ${fmt((performance.now() - started) / 1000)} s`);

  const query = (overrides: Partial<ReviewQueueQuery> = {}): ReviewQueueQuery => ({
    agencyId: null,
    category: null,
    kind: null,
    offset: 0,
    limit: 100,
    ...overrides,
  });
  const reps = (n: number) => Array.from({ length: n }, (_, index) => index);

  started = performance.now();
  const first = await reviewQueue(db, query());
  const coldQueueMs = performance.now() - started;
  const queue = await timeEach(reps(30), () => reviewQueue(db, query()));
  const byAgency = await timeEach(reps(30), (i) =>
    reviewQueue(db, query({ agencyId: agencyOf(i * 37) })),
  );
  const byKind = await timeEach(reps(30), (i) =>
    reviewQueue(db, query({ kind: i % 2 === 0 ? 'serviceChange' : 'newService' })),
  );
  const byCategory = await timeEach(reps(30), (i) =>
    reviewQueue(
      db,
      query({
        category: registryCategories[i % registryCategories.length]?.code ?? null,
      }),
    ),
  );
  const lastPage = await timeEach(reps(10), () =>
    reviewQueue(db, query({ offset: Math.max(0, first.total - 100) })),
  );

  const pendingIds = (
    await db('services').where({ status: 'submitted' }).limit(200).pluck('id')
  ).map(String);
  const reviewView = await timeEach(pendingIds, (id) => serviceReview(db, reviewer, id));
  const nameIds = names.flatMap((change) =>
    change.entity === 'serviceName' && change.op === 'put' ? [change.data.id] : [],
  );
  started = performance.now();
  await serviceNameReview(db, reviewer, nameIds[0] ?? '');
  const coldNameMs = performance.now() - started;
  const nameView = await timeEach(nameIds.slice(1, 51), (id) =>
    serviceNameReview(db, reviewer, id),
  );
  await db.destroy();

  // Baseline: the same page and the same document read by the raw driver.
  const raw = new sqlite3.Database(path.join(dataDir, LOCAL_DB_FILE));
  const rawAll = (sql: string, params: unknown[] = []) =>
    new Promise<unknown[]>((resolve, reject) =>
      raw.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))),
    );
  const rawPage = await timeEach(reps(30), () =>
    rawAll(
      `select s.id, s.name, s.registry_code, s.agency_id, a.name_az, s.categories, s.submitted_at
     from services s left join agencies a on a.id = s.agency_id
     where s.status = 'submitted' order by s.submitted_at, s.id limit 100`,
    ),
  );
  const rawDocument = await timeEach(pendingIds, async (id) => {
    const rows = (await rawAll(
      'select document from service_documents where service_id = ?',
      [id],
    )) as Array<{ document: string }>;
    return JSON.parse(rows[0]?.document ?? 'null') as unknown;
  });
  raw.close();

  const verdict = (ms: number) => (ms < TARGET_MS ? 'PASS' : 'MISS');
  const rows: Array<[string, number, number, string]> = [
    ['queue, first page, first time', coldQueueMs, coldQueueMs, verdict(coldQueueMs)],
    ['queue, first page', queue.p50, queue.p95, verdict(queue.p95)],
    ['queue, one agency', byAgency.p50, byAgency.p95, verdict(byAgency.p95)],
    ['queue, one kind of change', byKind.p50, byKind.p95, verdict(byKind.p95)],
    ['queue, one category', byCategory.p50, byCategory.p95, verdict(byCategory.p95)],
    ['queue, last page', lastPage.p50, lastPage.p95, verdict(lastPage.p95)],
    ['  raw SQLite: the same page', rawPage.p50, rawPage.p95, ''],
    [
      'review view (diff, clock, decision)',
      reviewView.p50,
      reviewView.p95,
      verdict(reviewView.p95),
    ],
    ['  raw SQLite: read and parse the document', rawDocument.p50, rawDocument.p95, ''],
    // The first proposal opened after names changed builds the name index.
    [
      'name review, first after names changed',
      coldNameMs,
      coldNameMs,
      verdict(coldNameMs),
    ],
    ['name review with similar names', nameView.p50, nameView.p95, verdict(nameView.p95)],
  ];

  fs.rmSync(work, { recursive: true, force: true });
  return {
    queueItems: first.total,
    rows: rows.map(([label, p50, p95, result]) => ({ label, p50, p95, result })),
  };
}
