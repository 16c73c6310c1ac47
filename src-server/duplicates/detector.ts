import type { Knex } from 'knex';
import { duplicateIndexSteps, runInSlices } from '../../shared/duplicates/duplicate-scan';
import type { DuplicateIndex } from '../../shared/duplicates/duplicate-scan';
import type { Mutation } from '../../shared/sync/mutations';
import type { Logger } from '../logger';
import { candidateContent } from './candidate-rows';
import { removeUnfoundPairs, storeFoundPairs } from './store-candidates';
import { loadSubject, loadSubjects } from './subjects';

/** Lets the event loop serve requests between slices of a scan. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Thrown at a pause once the detector is stopped, to end a scan midway. */
class DetectorStopped extends Error {}
/**
 * The longest a slice of fingerprinting or scanning holds the event loop.
 * bench:duplicates measures the event-loop delay this leaves ("full scan
 * in 15 ms slices"): for 100,300 services on a 2-core machine under a load
 * of 7.7, the sliced build and scan took 33 s with requests waiting at
 * most 46 ms in 99 % of the time, and 0.9 s at worst (a major garbage
 * collection of the index, or the machine's other work; slicing cannot
 * split either). Known shortcoming: those worst waits would go with the
 * scan in a worker thread, which the tsx-run server cannot yet start
 * without a compiled worker file.
 */
const SLICE_MS = 15;

/**
 * Finds duplicate candidates in the background: the whole registry at
 * start, then each service again when a version of it is submitted or
 * approved, checked against the index kept from the scan (a few
 * milliseconds) rather than a new scan. Work runs one task at a time, in
 * slices, so the HTTP server stays responsive while 100,000 services are
 * fingerprinted and paired.
 *
 * Known shortcomings: the index lives in this process, so with several
 * instances behind one database each keeps its own and an instance sees
 * only the submissions pushed to it until its next start (the candidate
 * ids are the same everywhere, so nothing is stored twice). A pair found by
 * a check but whose service changed again later stays until the next full
 * scan at start removes it (unless marked).
 */
export class DuplicateDetector {
  private index: DuplicateIndex | null = null;
  private agencies = new Map<string, string>();
  private work: Promise<void> = Promise.resolve();
  private readonly queued = new Set<string>();
  private isStopped = false;

  constructor(
    private readonly db: Knex,
    private readonly logger: Logger,
  ) {}

  /** Starts the full scan in the background. */
  start(): void {
    this.enqueue(() => this.fullScan());
  }

  /** Applied intents of a committed push: submissions and approvals are checked again. */
  noticeApplied(applied: readonly Mutation[]): void {
    for (const mutation of applied) {
      if (mutation.name === 'service.submit') this.queued.add(mutation.args.serviceId);
      if (mutation.name === 'service.decide' && mutation.args.decision === 'approve') {
        this.queued.add(mutation.args.serviceId);
      }
    }
    if (this.queued.size > 0) this.enqueue(() => this.checkQueued());
  }

  /** Resolves once every task queued so far is done (tests and shutdown wait on it). */
  idle(): Promise<void> {
    return this.work;
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    await this.work;
  }

  private enqueue(task: () => Promise<void>): void {
    this.work = this.work.then(async () => {
      if (this.isStopped) return;
      try {
        await task();
      } catch (error) {
        if (error instanceof DetectorStopped) return;
        this.logger.error({ err: error }, 'duplicate detection failed');
      }
    });
  }

  /** Between slices: other requests run, and a stop ends the scan. */
  private readonly pause = async (): Promise<void> => {
    await yieldToRequests();
    if (this.isStopped) throw new DetectorStopped();
  };

  private async fullScan(): Promise<void> {
    const started = performance.now();
    const subjects = await loadSubjects(this.db);
    const loadedMs = performance.now() - started;
    this.agencies = new Map(subjects.map((subject) => [subject.id, subject.agencyId]));
    const index = await runInSlices(duplicateIndexSteps(subjects), this.pause, SLICE_MS);
    const builtMs = performance.now() - started - loadedMs;
    const pairs = await runInSlices(index.scanSteps(), this.pause, SLICE_MS);
    const scannedMs = performance.now() - started - loadedMs - builtMs;
    this.index = index;
    if (this.isStopped) return;
    const agencyOf = (id: string) => this.agencies.get(id) ?? '';
    const stored = await storeFoundPairs(this.db, pairs, agencyOf);
    const found = new Set(pairs.map((pair) => candidateContent(pair, agencyOf).id));
    stored.removed = await removeUnfoundPairs(this.db, found);
    this.logger.info(
      {
        services: subjects.length,
        pairs: pairs.length,
        ...stored,
        loadedMs: Math.round(loadedMs),
        builtMs: Math.round(builtMs),
        scannedMs: Math.round(scannedMs),
        totalMs: Math.round(performance.now() - started),
      },
      'duplicate scan done',
    );
  }

  private async checkQueued(): Promise<void> {
    const index = this.index;
    if (!index) return;
    const ids = [...this.queued];
    this.queued.clear();
    for (const serviceId of ids) {
      const subject = await loadSubject(this.db, serviceId);
      if (!subject) continue;
      this.agencies.set(subject.id, subject.agencyId);
      index.upsert(subject);
      const pairs = index.check(subject);
      const stored = await storeFoundPairs(
        this.db,
        pairs,
        (id) => this.agencies.get(id) ?? '',
      );
      this.logger.info({ serviceId, pairs: pairs.length, ...stored }, 'duplicate check');
    }
  }
}
