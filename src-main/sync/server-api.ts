import { z } from 'zod';
import { loginResponseSchema, meResponseSchema } from '../../shared/api/auth';
import type { LoginResponse } from '../../shared/api/auth';
import type { User } from '../../shared/domain/user';
import { errorResponseSchema } from '../../shared/errors';
import type { ErrorBody } from '../../shared/errors';
import { pullResponseSchema, pushResponseSchema } from '../../shared/sync/protocol';
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
      const reason = error instanceof Error ? error.message : String(error);
      throw new ServerCallError(
        'transient',
        `Cannot reach the server: ${reason}`,
        null,
        null,
      );
    }

    const text = await readBody(response);
    if (!response.ok) {
      const parsed = errorResponseSchema.safeParse(safeJson(text));
      const errorBody = parsed.success ? parsed.data.error : null;
      throw new ServerCallError(
        classOfStatus(response.status),
        errorBody?.message ?? `The server answered ${response.status}`,
        response.status,
        errorBody,
      );
    }
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
  };
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
