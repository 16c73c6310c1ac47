import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { loginResponseSchema, meResponseSchema } from '../../shared/api/auth';
import type { LoginResponse } from '../../shared/api/auth';
import type { User } from '../../shared/domain/user';
import { errorResponseSchema } from '../../shared/errors';
import type { ErrorBody } from '../../shared/errors';
import {
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushResponseSchema,
} from '../../shared/sync/protocol';
import { SNAPSHOT_LAYOUT_VERSION } from '../../shared/sync/snapshot-layout';
import { startSnapshotFileWriter } from './snapshot-file-writer';
import type {
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../shared/sync/protocol';

/** How a failed request should be treated: retried, shown, or sent back to login or update. */
export type ErrorClass = 'transient' | 'permanent' | 'authentication' | 'updateRequired';

/** A failed call to the server, classed so the engine knows what to do next. */
export class ServerCallError extends Error {
  readonly errorClass: ErrorClass;
  readonly status: number | null;
  readonly body: ErrorBody | null;

  constructor(
    errorClass: ErrorClass,
    message: string,
    status: number | null,
    body: ErrorBody | null,
  ) {
    super(message);
    this.name = 'ServerCallError';
    this.errorClass = errorClass;
    this.status = status;
    this.body = body;
  }
}

/** Requests that take longer than this are abandoned as transient failures. */
export const REQUEST_TIMEOUT_MS = 30_000;

function classOfStatus(status: number): ErrorClass {
  if (status === 401) return 'authentication';
  if (status === 426) return 'updateRequired';
  if (status >= 500 || status === 429 || status === 408) return 'transient';
  return 'permanent';
}

/** The central server as the desktop calls it. */
export interface ServerApi {
  login(username: string, password: string): Promise<LoginResponse>;
  me(): Promise<User>;
  logout(): Promise<void>;
  health(): Promise<void>;
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  /**
   * Downloads the first-sync snapshot of this user's scope into `file` and
   * checks it against the length and checksum the server sent; null when
   * the server has none ready (the feed is pulled instead).
   */
  snapshot(file: string): Promise<SnapshotDownload | null>;
}

/** A downloaded snapshot: intact when its length and checksum match what the server sent. */
export interface SnapshotDownload {
  bytes: number;
  isIntact: boolean;
}

/** Calls the server at serverUrl with the token the caller holds at the time of each call. */
export function createServerApi(
  serverUrl: string,
  token: () => string | null,
  timeoutMs = REQUEST_TIMEOUT_MS,
): ServerApi {
  async function call<T extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: T,
    body?: unknown,
  ): Promise<z.infer<T>> {
    const url = new URL(path, serverUrl);
    const headers: Record<string, string> = {};
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw unreachable(error);
    }

    const text = await readBody(response);
    if (!response.ok) throw refusal(response.status, text);
    const parsed = schema.safeParse(safeJson(text));
    if (!parsed.success) {
      // A server that answers 200 with the wrong shape is not one this build understands.
      throw new ServerCallError(
        'permanent',
        `The server's answer to ${path} has an unexpected shape`,
        response.status,
        null,
      );
    }
    return parsed.data;
  }

  return {
    login: (username, password) =>
      call('POST', '/api/v1/auth/login', loginResponseSchema, { username, password }),
    me: async () => (await call('GET', '/api/v1/auth/me', meResponseSchema)).user,
    logout: async () => {
      await call('POST', '/api/v1/auth/logout', okSchema, {});
    },
    health: async () => {
      await call('GET', '/api/v1/health', okSchema);
    },
    push: (request) => call('POST', '/api/v1/sync/push', pushResponseSchema, request),
    pull: (request) => call('POST', '/api/v1/sync/pull', pullResponseSchema, request),
    snapshot: (file) => downloadSnapshot(serverUrl, token(), file, timeoutMs),
  };
}

/**
 * Streams the snapshot to disk with node's own HTTP client (fetch's web
 * streams took half again as long for a national registry's file), the
 * hashing and writing done on a worker thread (snapshot-file-writer.ts).
 * The timeout is for silence on the socket, not for the whole download.
 */
async function downloadSnapshot(
  serverUrl: string,
  bearer: string | null,
  file: string,
  timeoutMs: number,
): Promise<SnapshotDownload | null> {
  const url = new URL(
    `/api/v1/sync/snapshot?layout=${SNAPSHOT_LAYOUT_VERSION}`,
    serverUrl,
  );
  const headers: Record<string, string> = {
    'x-dxer-protocol-version': String(PROTOCOL_VERSION),
  };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const transport = url.protocol === 'https:' ? https : http;
  let response: http.IncomingMessage;
  try {
    response = await new Promise((resolve, reject) => {
      const request = transport.get(url, { headers, timeout: timeoutMs }, resolve);
      request.once('timeout', () => request.destroy(new Error('timed out')));
      request.once('error', reject);
    });
  } catch (error) {
    throw unreachable(error);
  }
  if (response.statusCode !== 200) {
    const text = await new Response(Readable.toWeb(response) as ReadableStream).text();
    const error = refusal(response.statusCode ?? 0, text);
    if (error.body?.code === 'SNAPSHOT_NOT_READY') return null;
    throw error;
  }
  const expectedBytes = Number(response.headers['content-length']);
  const expectedSha = response.headers['x-dxer-snapshot-sha256'];
  const writer = startSnapshotFileWriter(file);
  let bytes = 0;
  let sha256: string;
  try {
    for await (const chunk of response) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      await writer.write(buffer);
    }
    sha256 = await writer.finish();
  } catch (error) {
    await writer.abort();
    throw unreachable(error);
  }
  return { bytes, isIntact: bytes === expectedBytes && sha256 === expectedSha };
}

/** The server's refusal, classed by its status, with its error body when it sent one. */
function refusal(status: number, text: string): ServerCallError {
  const parsed = errorResponseSchema.safeParse(safeJson(text));
  const errorBody = parsed.success ? parsed.data.error : null;
  return new ServerCallError(
    classOfStatus(status),
    errorBody?.message ?? `The server answered ${status}`,
    status,
    errorBody,
  );
}

function unreachable(error: unknown): ServerCallError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ServerCallError(
    'transient',
    `Cannot reach the server: ${reason}`,
    null,
    null,
  );
}

/** Answers whose content the desktop does not use. */
const okSchema = z.unknown();

async function readBody(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServerCallError(
      'transient',
      `The server's answer broke off: ${reason}`,
      null,
      null,
    );
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
