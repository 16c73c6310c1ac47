import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { DomainError, invariant } from '../../shared/errors';
import type { ErrorBody } from '../../shared/errors';
import { createDesktopApp } from '../app/desktop-app';
import type { DesktopApp } from '../app/desktop-app';
import { createDispatcher, statusByReason } from '../contract/dispatcher';
import type { Dispatch } from '../contract/dispatcher';
import { securityHeaders } from '../security/content-security-policy';
import { createFileTokenVault } from '../session/file-token-vault';
import { createEventStreams } from './event-stream';
import type { EventStreams } from './event-stream';
import { readJsonBody } from './json-body';
import { isAllowedOrigin, isJsonContentType, isOwnHost } from './request-guards';
import { resolveStaticTarget, sendFile } from './static-files';

/** A running host: the address to open and a way to stop it. */
export type RunningHost = { url: string; close(): Promise<void> };

type HostServerOptions = {
  app: Pick<DesktopApp, 'handlers' | 'subscribe'>;
  rendererDir: string;
  logger: Logger;
  port: number;
  heartbeatMs?: number;
};

/**
 * Runs the desktop core as a plain Node process: creates the app on dataDir,
 * starts it, and serves the renderer and the contract on 127.0.0.1.
 */
export async function startHost(options: {
  port: number;
  dataDir: string;
  /** The server address given for this run; absent, the stored setting. */
  serverUrl?: string | undefined;
  rendererDir: string;
  logger: Logger;
  /** How often an idle event stream gets a heartbeat; 15 s unless a test needs it sooner. */
  heartbeatMs?: number;
}): Promise<RunningHost> {
  const app = await createDesktopApp({
    dataDir: options.dataDir,
    serverUrl: options.serverUrl,
    tokenVault: createFileTokenVault(options.dataDir),
    logger: options.logger,
  });
  await app.start();

  let host: RunningHost;
  try {
    host = await createHostServer({ ...options, app });
  } catch (error) {
    await app.stop();
    throw error;
  }

  return {
    url: host.url,
    async close() {
      await host.close();
      await app.stop();
    },
  };
}

/** Serves an already running app's renderer, contract and events over HTTP on 127.0.0.1. */
export async function createHostServer(options: HostServerOptions): Promise<RunningHost> {
  const log = options.logger.child({ module: 'host' });
  const dispatch = createDispatcher(options.app.handlers, options.logger);
  const streams = createEventStreams(
    (listener) => options.app.subscribe(listener),
    options.logger,
    options.heartbeatMs ?? 15_000,
  );
  let port = options.port;
  let isClosing = false;

  const server = http.createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) {
      response.setHeader(name, value);
    }
    if (isClosing) {
      // A browser's EventSource reconnects over a kept-alive socket; refusing
      // here is what lets the server finish closing.
      response.setHeader('Connection', 'close');
      sendError(response, 503, errorBody('INTERNAL', 'The host is shutting down'));
      return;
    }
    route({
      request,
      response,
      port,
      dispatch,
      streams,
      rendererDir: options.rendererDir,
    }).catch((error: unknown) => {
      log.error({ err: error, path: request.url }, 'request failed');
      if (!response.headersSent) {
        sendError(response, 500, {
          code: 'INTERNAL',
          message: 'The host could not answer this request',
          fields: [],
        });
      } else {
        response.destroy();
      }
    });
  });
  // Without these, a client that opens a connection and sends nothing holds it forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  invariant(
    typeof address === 'object' && address !== null,
    'a TCP server has an address',
  );
  port = address.port;
  const url = `http://127.0.0.1:${port}`;
  log.info({ url }, 'host listening');

  return {
    url,
    async close() {
      isClosing = true;
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      streams.closeAll();
      server.closeIdleConnections();
      // A call still running gets a moment to answer; then its socket is cut.
      const cutOff = setTimeout(() => server.closeAllConnections(), 2_000);
      try {
        await closed;
      } finally {
        clearTimeout(cutOff);
      }
      log.info('host closed');
    },
  };
}

type RouteContext = {
  request: IncomingMessage;
  response: ServerResponse;
  port: number;
  dispatch: Dispatch;
  streams: EventStreams;
  rendererDir: string;
};

async function route(context: RouteContext): Promise<void> {
  const { request, response, port } = context;
  if (!isOwnHost(request, port)) {
    sendError(
      response,
      403,
      errorBody('FORBIDDEN', 'This host only answers to 127.0.0.1'),
    );
    return;
  }

  // Only the path matters; the base is a placeholder that is never contacted.
  const pathname = new URL(request.url ?? '/', 'http://host.invalid').pathname;
  const method = request.method ?? 'GET';

  if (pathname.startsWith('/contract/')) {
    if (method !== 'POST') {
      sendError(
        response,
        405,
        errorBody('NOT_FOUND', 'Contract calls are POST requests'),
      );
      return;
    }
    await handleContractCall(context, pathname.slice('/contract/'.length));
    return;
  }

  if (method !== 'GET' && method !== 'HEAD') {
    sendError(response, 405, errorBody('NOT_FOUND', `${method} is not served here`));
    return;
  }

  if (pathname === '/events') {
    context.streams.open(response);
    return;
  }

  const target = await resolveStaticTarget(context.rendererDir, pathname);
  if (target.kind === 'refused') {
    sendError(response, 404, errorBody('NOT_FOUND', 'No such file'));
    return;
  }
  await sendFile(response, target.file, method === 'HEAD');
}

async function handleContractCall(context: RouteContext, method: string): Promise<void> {
  const { request, response, port } = context;
  if (!isAllowedOrigin(request, port)) {
    sendError(
      response,
      403,
      errorBody('FORBIDDEN', 'Cross-origin contract calls are refused'),
    );
    return;
  }
  if (!isJsonContentType(request)) {
    sendError(
      response,
      415,
      errorBody('VALIDATION_FAILED', 'Contract calls must be sent as application/json'),
    );
    return;
  }

  let payload: unknown;
  try {
    payload = await readJsonBody(request);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // The rest of an oversized body is not read; the connection cannot be reused.
    response.setHeader('Connection', 'close');
    sendError(response, statusByReason[error.code], error.toBody());
    return;
  }

  const outcome = await context.dispatch(method, payload);
  if (outcome.ok) {
    sendJson(response, 200, outcome.result);
  } else {
    sendError(response, outcome.status, outcome.error);
  }
}

function errorBody(code: ErrorBody['code'], message: string): ErrorBody {
  return { code, message, fields: [] };
}

function sendError(response: ServerResponse, status: number, error: ErrorBody): void {
  sendJson(response, status, { error });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
