// One simulated desktop: signs in, pulls everything it may see, then loops
// push a batch of its intents, pull what changed. It talks to the server
// through the desktop's own HTTP client (src-main/sync/server-api.ts), which
// checks every answer against the shared protocol schemas, and keeps what a
// desktop keeps: its client id and sequence, the feed cursor, and a view of
// every service it has pulled. Any failed request or unexpected result is
// recorded as an error; the run then fails.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Service } from '../../shared/domain/service';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { PushRequest, PushResponse } from '../../shared/sync/protocol';
import { createServerApi, ServerCallError } from '../../src-main/sync/server-api';
import type { ServerApi } from '../../src-main/sync/server-api';
import { IntentPlanner } from './intent-planner';
import type { SentIntent } from './intent-planner';
import type { LatencyRecorder, RequestKind } from './latency';

export interface ClientAccount {
  username: string;
  password: string;
  agencyId: string;
}

const versions = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION };
/** Tries per request: a transient failure is retried with the same body, as the engine does. */
const ATTEMPTS = 3;

export class LoadClient {
  readonly clientId = randomUUID();
  /** Every intent sent, in sequence order. */
  readonly sent: SentIntent[] = [];
  /** serviceId → revision, as pulled. */
  readonly view = new Map<string, number>();
  readonly planner: IntentPlanner;
  serverUrl = '';
  switches = 0;
  private api: ServerApi | undefined;
  private token: string | null = null;
  private userId = '';
  private cursor: string | null = null;
  private seq = 0;
  private lastBatch: { request: PushRequest; response: PushResponse } | undefined;

  constructor(
    readonly account: ClientAccount,
    readonly index: number,
    /** Where figures go; the run gives each phase its own. */
    public recorder: LatencyRecorder,
    random: () => number,
    /** Of the clients of the same user, which approved services this one looks after. */
    private readonly adoptsService: (serviceId: string) => boolean,
  ) {
    this.planner = new IntentPlanner(account.agencyId, random, `client ${index}`);
  }

  /** Points the client at a server instance; the session stays valid on every instance. */
  useServer(url: string): void {
    if (this.serverUrl && url !== this.serverUrl) this.switches += 1;
    this.serverUrl = url;
    this.api = createServerApi(url, () => this.token);
  }

  get user(): string {
    return this.userId;
  }

  async login(): Promise<void> {
    const reply = await this.call('login', (api) =>
      api.login(this.account.username, this.account.password),
    );
    this.token = reply.token;
    this.userId = reply.user.id;
  }

  /** Pulls until the feed is exhausted; the first pull of all also adopts services. */
  async pull(kind: 'initialPull' | 'pull' = 'pull'): Promise<void> {
    let isFirst = true;
    for (;;) {
      const cursor = this.cursor;
      const page = await this.call(kind, (api) =>
        api.pull({
          ...versions,
          clientId: this.clientId,
          cursor,
          limit: 1000,
          countRemaining: isFirst,
        }),
      );
      isFirst = false;
      if (page.resyncRequired)
        throw new Error('unexpected resync: nothing is pruned here');
      for (const change of page.changes) {
        if (change.entity === 'service') {
          if (change.op === 'put') this.receive(change.data, kind === 'initialPull');
          else this.view.delete(change.id);
        } else if (change.entity === 'serviceName' && change.op === 'put') {
          const name = change.data;
          if (
            kind === 'initialPull' &&
            name.status === 'approved' &&
            name.agencyId === this.account.agencyId
          ) {
            this.planner.addApprovedName(name.id);
          }
        }
      }
      this.cursor = page.cursor;
      if (!page.hasMore) return;
    }
  }

  private receive(service: Service, isInitial: boolean): void {
    this.view.set(service.id, service.revision);
    if (
      isInitial &&
      service.agencyId === this.account.agencyId &&
      this.adoptsService(service.id)
    ) {
      this.planner.adopt(service);
    }
  }

  /** One push of `size` intents, checked result by result; then a pull. */
  async cycle(size: number): Promise<void> {
    const planned = this.planner.nextBatch(size, () => ({
      mutationId: randomUUID(),
      clientSeq: (this.seq += 1),
    }));
    if (planned.length === 0) return;
    const request: PushRequest = {
      ...versions,
      clientId: this.clientId,
      mutations: planned.map((p) => p.mutation),
    };
    const response = await this.call('push', (api) => api.push(request));
    this.sent.push(...planned.map((p) => p.expected));
    this.check(
      planned.map((p) => p.expected),
      response,
    );
    this.lastBatch = { request, response };
    await this.pull();
    // Read your writes: whichever instance answered the pull, it must
    // show this client's own changes at the revisions the push returned.
    for (const { expected } of planned) {
      const seen = this.view.get(expected.serviceId);
      if (seen !== expected.expectedRevision) {
        this.recorder.fail(
          'pull',
          `${this.clientId}: pulled ${expected.serviceId} at revision ${seen}, pushed ${expected.expectedRevision}`,
        );
      }
    }
  }

  /**
   * Sends the last batch again, as a desktop does when the answer to a push
   * was lost: every result must come back exactly as first stored.
   */
  async replayLast(): Promise<void> {
    const last = this.lastBatch;
    if (!last) return;
    const response = await this.call('replay', (api) => api.push(last.request));
    if (!isDeepStrictEqual(response.results, last.response.results)) {
      this.recorder.fail(
        'replay',
        `${this.clientId}: a repeated batch got other results`,
      );
    }
  }

  private check(expected: readonly SentIntent[], response: PushResponse): void {
    if (response.results.length !== expected.length) {
      this.recorder.fail(
        'push',
        `${this.clientId}: ${response.results.length} results for ${expected.length} intents`,
      );
    }
    expected.forEach((intent, index) => {
      const result = response.results[index];
      if (
        result?.status !== 'applied' ||
        result.mutationId !== intent.mutationId ||
        result.revision !== intent.expectedRevision
      ) {
        this.recorder.fail(
          'push',
          `${this.clientId}: ${intent.name} #${intent.clientSeq} expected applied at revision ${intent.expectedRevision}, got ${JSON.stringify(result).slice(0, 300)}`,
        );
      } else {
        this.recorder.intentsApplied += 1;
      }
    });
  }

  private async call<T>(
    kind: RequestKind,
    send: (api: ServerApi) => Promise<T>,
  ): Promise<T> {
    const api = this.api;
    if (!api) throw new Error('useServer first');
    for (let attempt = 1; ; attempt += 1) {
      const started = performance.now();
      try {
        const answer = await send(api);
        this.recorder.record(kind, performance.now() - started);
        return answer;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.recorder.fail(kind, `${this.clientId} on ${this.serverUrl}: ${message}`);
        const isTransient =
          error instanceof ServerCallError && error.errorClass === 'transient';
        if (!isTransient || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
