import type { Knex } from 'knex';
import { duplicateIndexSteps, runInSlices } from '../../shared/duplicates/duplicate-scan';
import type { DuplicateIndex } from '../../shared/duplicates/duplicate-scan';
import type { Mutation } from '../../shared/sync/mutations';
import type { Logger } from '../logger';
import { candidateContent } from './candidate-rows';
import { removeUnfoundPairs, storeFoundPairs } from './store-candidates';
import { loadSubjects, loadSubjectsOf } from './subjects';

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
 * With several instances behind one database each keeps its own index:
 * besides the submissions pushed to it, an instance follows the change
 * feed every few seconds and checks the services whose compared content
 * changed, so what another instance accepted reaches every index (the
 * candidate ids are the same everywhere, so nothing is stored twice).
 *
 * Known shortcoming: a pair found by a check but whose service changed
 * again later stays until the next full scan at start removes it (unless
 * marked).
 */
export class DuplicateDetector {
  private index: DuplicateIndex | null = null;
  private agencies = new Map<string, string>();
  private work: Promise<void> = Promise.resolve();
  private readonly queued = new Set<string>();
  private isStopped = false;
  /** What the index holds of each service, to skip a check when nothing compared changed. */
  private readonly indexed = new Map<string, string>();
  /** The change feed position the index has seen up to. */
  private feedPosition = 0;
  private followTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Knex,
    private readonly logger: Logger,
    /** How often the change feed is read for services another instance changed. */
    private readonly followEveryMs = 5_000,
  ) {}

  /** Starts a full scan in the background (again, if called again), and follows the change feed. */
  start(): void {
    this.enqueue(() => this.fullScan());
    if (this.followTimer) return;
    this.followTimer = setInterval(() => {
      if (this.index) this.enqueue(() => this.followFeed());
    }, this.followEveryMs);
    this.followTimer.unref();
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
    if (this.followTimer) clearInterval(this.followTimer);
    await this.work;
  }

  /** Reads the feed now rather than at the next tick (tests wait on it with idle()). */
  followNow(): void {
    this.enqueue(() => this.followFeed());
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
    // Read first: a change committed while the scan loads is followed after it.
    const position = await this.latestFeedPosition();
    const subjects = await loadSubjects(this.db);
    const loadedMs = performance.now() - started;
    this.agencies = new Map(subjects.map((subject) => [subject.id, subject.agencyId]));
    const index = await runInSlices(duplicateIndexSteps(subjects), this.pause, SLICE_MS);
    const builtMs = performance.now() - started - loadedMs;
    const pairs = await runInSlices(index.scanSteps(), this.pause, SLICE_MS);
    const scannedMs = performance.now() - started - loadedMs - builtMs;
    this.index = index;
    this.indexed.clear();
    for (const subject of subjects) this.indexed.set(subject.id, subject.contentKey);
    this.feedPosition = Math.max(this.feedPosition, position);
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
    const ids = [...this.queued];
    this.queued.clear();
    await this.checkServices(ids);
  }

  /** Services changed since the feed position (on any instance), checked where their content moved. */
  private async followFeed(): Promise<void> {
    if (!this.index) return;
    for (;;) {
      const rows = await this.db('changes')
        .where('entity_type', 'service')
        .where('position', '>', this.feedPosition)
        .orderBy('position')
        .limit(FEED_PAGE)
        .select<Array<{ entity_id: string; position: unknown }>>('entity_id', 'position');
      if (rows.length === 0) return;
      await this.checkServices(rows.map((row) => row.entity_id));
      this.feedPosition = Number(rows.at(-1)?.position ?? this.feedPosition);
      if (rows.length < FEED_PAGE) return;
    }
  }

  private async checkServices(ids: readonly string[]): Promise<void> {
    const index = this.index;
    if (!index || ids.length === 0) return;
    for (const subject of await loadSubjectsOf(this.db, ids)) {
      if (this.indexed.get(subject.id) === subject.contentKey) continue;
      this.indexed.set(subject.id, subject.contentKey);
      this.agencies.set(subject.id, subject.agencyId);
      index.upsert(subject);
      const pairs = index.check(subject);
      const stored = await storeFoundPairs(
        this.db,
        pairs,
        (id) => this.agencies.get(id) ?? '',
      );
      this.logger.info(
        { serviceId: subject.id, pairs: pairs.length, ...stored },
        'duplicate check',
      );
      await this.pause();
    }
  }

  private async latestFeedPosition(): Promise<number> {
    const row = await this.db('changes')
      .max<{ position: unknown }>('position as position')
      .first();
    return Number(row?.position ?? 0);
  }
}

/** Feed entries read per query while following the feed. */
const FEED_PAGE = 500;
