import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { errorResponseSchema } from '../../../shared/errors';
import type { PushResponse } from '../../../shared/sync/protocol';
import type { HttpReply } from '../../server/support/server';
import {
  changedKeys,
  FEED_NEIGHBOUR_MARKER,
  FOREIGN_DRAFT_MARKER,
  FOREIGN_NAME_MARKER,
} from './fuzz-world';
import type { ActorName, FuzzWorld, Snapshot } from './fuzz-world';
import { routeId } from './inject-server';
import { requestsFor, routeFuzzers } from './server-generators';
import type { FuzzRequest } from './server-generators';

export interface FuzzFailure {
  rule: string;
  request: string;
  status: number;
  response: string;
}

export interface FuzzReport {
  inputs: number;
  overHttp: number;
  byStatus: Record<string, number>;
  failures: FuzzFailure[];
}

/** Routes the server registered that have no generator. */
export function unfuzzedRoutes(world: FuzzWorld): string[] {
  return world.server.routes.map(routeId).filter((id) => !(id in routeFuzzers));
}

/** What a refused request may still write, by design. */
function allowedOnRefusal(request: FuzzRequest, status: number): ReadonlySet<string> {
  // A failed sign-in is counted for throttling and audited.
  if (request.route === 'POST /api/v1/auth/login' && status === 401) {
    return new Set([
      'n_login_attempts',
      'max_audit_events_id',
      'max_audit_chain_head_last_seq',
    ]);
  }
  return new Set();
}

/** A push whose intents were all refused stores their results and moves the client on; nothing else. */
const refusedPushWrites = new Set(['n_clients', 'n_mutations', 'max_clients_last_seq']);

const readRoutes = new Set([
  'POST /api/v1/sync/pull',
  'GET /api/v1/sync/snapshot',
  'GET /api/v1/health',
  'GET /api/v1/auth/me',
  'GET /api/v1/admin/users',
  'GET /api/v1/audit',
  'GET /api/v1/open-data/services.jsonld',
  'GET /api/v1/open-data/services.csv',
  'GET /updates/:channel/:file',
]);

/** Texts this actor must never receive. */
function secretsFor(actor: ActorName): string[] {
  if (actor === 'otherStaff') return [FEED_NEIGHBOUR_MARKER];
  // A pending name is a submission, which reviewers, auditors and administrators read.
  const seesSubmissions = ['reviewer', 'auditor', 'admin'].includes(actor);
  return seesSubmissions
    ? [FOREIGN_DRAFT_MARKER, FEED_NEIGHBOUR_MARKER]
    : [FOREIGN_DRAFT_MARKER, FOREIGN_NAME_MARKER, FEED_NEIGHBOUR_MARKER];
}

function describeRequest(request: FuzzRequest): string {
  const payload = request.payload ?? '';
  return JSON.stringify({
    ...request,
    url: request.url.length > 300 ? `${request.url.slice(0, 300)}…` : request.url,
    payload:
      payload.length > 400
        ? `${payload.slice(0, 400)}… (${payload.length} chars)`
        : payload,
  });
}

function injectOptions(world: FuzzWorld, request: FuzzRequest): InjectOptions {
  const headers: Record<string, string> = {};
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  const token = world.tokenOf(request.actor);
  if (request.authorization !== undefined) headers.authorization = request.authorization;
  else if (token) headers.authorization = `Bearer ${token}`;
  return {
    method: request.method,
    url: request.url,
    headers,
    payload: request.payload,
    ...(request.remoteAddress ? { remoteAddress: request.remoteAddress } : {}),
  };
}

/** Checks one answer against the promises; returns the broken rules. */
function check(
  world: FuzzWorld,
  request: FuzzRequest,
  reply: HttpReply,
  before: Snapshot,
  after: Snapshot,
): string[] {
  const broken: string[] = [];
  if (reply.status >= 500) broken.push('a 5xx answer');
  if (reply.status >= 400 && !errorResponseSchema.safeParse(reply.body).success) {
    broken.push('a 4xx answer outside the error shape');
  }
  for (const secret of secretsFor(request.actor)) {
    if (reply.text.includes(secret))
      broken.push('another agency’s unpublished text in the answer');
  }
  const changed = changedKeys(before, after);
  if (reply.status >= 400) {
    const allowed = allowedOnRefusal(request, reply.status);
    const extra = changed.filter((key) => !allowed.has(key));
    if (extra.length > 0) broken.push(`a refused request wrote (${extra.join(', ')})`);
  } else if (readRoutes.has(request.route) && request.route !== 'GET /api/v1/auth/me') {
    if (changed.length > 0) broken.push(`a read wrote (${changed.join(', ')})`);
  } else if (request.route === 'POST /api/v1/sync/push') {
    broken.push(...checkPush(world, request, reply, changed));
  }
  return broken;
}

function checkPush(
  world: FuzzWorld,
  request: FuzzRequest,
  reply: HttpReply,
  changed: string[],
): string[] {
  const broken: string[] = [];
  const { results } = reply.body as PushResponse;
  const sent = JSON.parse(request.payload ?? '{}') as {
    mutations?: Array<{ mutationId?: unknown; name?: unknown; args?: unknown }>;
  };
  const t = world.targets;
  const foreign = [t.otherServiceId, t.otherNameId, t.otherAgencyId];
  for (const result of results) {
    if (result.status !== 'applied') continue;
    const intent = sent.mutations?.find((m) => m.mutationId === result.mutationId);
    const args = JSON.stringify(intent?.args ?? null);
    // Evaluating another agency's service is an evaluator's job, not a write to it.
    if (intent?.name !== 'evaluation.answer' && foreign.some((id) => args.includes(id))) {
      broken.push(
        `an intent on another agency’s record was applied (${String(intent?.name)})`,
      );
    }
  }
  if (!results.some((result) => result.status === 'applied')) {
    const extra = changed.filter((key) => !refusedPushWrites.has(key));
    if (extra.length > 0)
      broken.push(`a push of refused intents wrote (${extra.join(', ')})`);
  }
  return broken;
}

/** Sends over a real socket; a request node itself refuses to send (a NUL in a header) is skipped. */
function overHttp(
  url: string,
  world: FuzzWorld,
  request: FuzzRequest,
): Promise<HttpReply | null> {
  const options = injectOptions(world, request);
  return new Promise((resolve) => {
    let outgoing: http.ClientRequest;
    try {
      outgoing = http.request(
        `${url}${request.url}`,
        { method: request.method, headers: options.headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = text ? JSON.parse(text) : null;
            } catch {
              // Not JSON: the shape check reports it.
            }
            resolve({ status: response.statusCode ?? 0, body, text });
          });
        },
      );
    } catch {
      resolve(null);
      return;
    }
    outgoing.on('error', () => resolve(null));
    outgoing.end(request.payload);
  });
}

/**
 * Sends `inputs` fuzzed requests spread evenly over every route, each
 * checked against the promises with a database summary taken after it
 * (the one taken after the previous request is its "before"). Every
 * `httpEvery`-th request goes over a real socket instead of inject.
 */
export async function fuzzServer(
  world: FuzzWorld,
  options: { inputs: number; seed: number; httpEvery: number },
): Promise<FuzzReport> {
  const routes = Object.keys(routeFuzzers).filter((id) =>
    world.server.routes.some((route) => routeId(route) === id),
  );
  const arbitraries = routes.map((route) => requestsFor(route, world.targets));
  const report: FuzzReport = { inputs: 0, overHttp: 0, byStatus: {}, failures: [] };
  await world.server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = world.server.app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  let before = await world.snapshot();
  let mark = await world.writeMark();
  const chunk = Math.max(1, Math.min(50, Math.ceil(options.inputs / routes.length)));
  let round = 0;
  while (report.inputs < options.inputs) {
    for (const [index, arbitrary] of arbitraries.entries()) {
      const samples = fc.sample(arbitrary, {
        numRuns: chunk,
        seed: options.seed + round * 1009 + index,
      });
      for (const request of samples) {
        if (report.inputs >= options.inputs) break;
        report.inputs += 1;
        let reply: HttpReply | null = null;
        if (
          report.inputs % options.httpEvery === 0 &&
          request.remoteAddress === undefined
        ) {
          reply = await overHttp(base, world, request);
          if (reply) report.overHttp += 1;
        }
        reply ??= await world.server.inject(injectOptions(world, request));
        const nextMark = await world.writeMark();
        const after = nextMark === mark ? before : await world.snapshot();
        mark = nextMark;
        const key = String(reply.status);
        report.byStatus[key] = (report.byStatus[key] ?? 0) + 1;
        for (const rule of check(world, request, reply, before, after)) {
          if (report.failures.length < 25) {
            report.failures.push({
              rule,
              request: describeRequest(request),
              status: reply.status,
              response: reply.text.slice(0, 300),
            });
          }
        }
        before = after;
      }
    }
    round += 1;
  }
  return report;
}
