import type { Socket } from 'node:net';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { DomainError } from '../../shared/errors';
import type { ErrorBody, ReasonCode } from '../../shared/errors';

const statusByCode: Partial<Record<ReasonCode, number>> = {
  VALIDATION_FAILED: 400,
  REMARKS_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  OWN_AGENCY_DECISION: 403,
  DECISION_PENDING: 409,
  CLIENT_OWNED_BY_OTHER_USER: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  ILLEGAL_TRANSITION: 409,
  STALE_DECISION: 409,
  FIELD_CONFLICT: 409,
  ANSWER_CONFLICT: 409,
  METHODOLOGY_FROZEN: 409,
  NAME_NOT_APPROVED: 409,
  SEQUENCE_GAP: 409,
  RESYNC_REQUIRED: 409,
  BODY_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  PROTOCOL_UNSUPPORTED: 426,
  UPDATE_FEED_INVALID: 503,
  SNAPSHOT_NOT_READY: 404,
  INTERNAL: 500,
};

/** The HTTP status that carries a reason code. */
export function httpStatusFor(code: ReasonCode): number {
  return statusByCode[code] ?? 400;
}

/**
 * Every error leaves as `{ error: ErrorBody }`. Fastify's own refusals
 * (unparsable JSON, empty body, wrong media type, oversized body) are
 * client errors, never a 500; only a genuine fault is INTERNAL, logged with
 * the request id so an operator can find it.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    let body: ErrorBody;
    let status: number;
    if (error instanceof DomainError) {
      body = error.toBody();
      status = httpStatusFor(error.code);
    } else if (
      'statusCode' in error &&
      typeof error.statusCode === 'number' &&
      error.statusCode < 500
    ) {
      ({ body, status } = fromFrameworkError(error));
    } else {
      request.log.error({ err: error, requestId: request.id }, 'unexpected error');
      body = {
        code: 'INTERNAL',
        message: `Something went wrong on the server (request ${request.id})`,
        fields: [],
      };
      status = 500;
    }
    void reply.status(status).send({ error: body });
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `No route ${request.method} ${request.url}`,
        fields: [],
      },
    });
  });
}

function fromFrameworkError(error: FastifyError): { body: ErrorBody; status: number } {
  if (error.statusCode === 413) {
    return {
      status: 413,
      body: {
        code: 'BODY_TOO_LARGE',
        message: 'The request body is too large',
        fields: [],
      },
    };
  }
  if (error.statusCode === 429) {
    return {
      status: 429,
      body: {
        code: 'RATE_LIMITED',
        message: 'Too many requests; try again later',
        fields: [],
      },
    };
  }
  return {
    status: 400,
    body: {
      code: 'VALIDATION_FAILED',
      message: 'The request body could not be read',
      fields: [{ path: 'body', message: error.message }],
    },
  };
}

/**
 * The router's own refusals (a path that does not decode, a parameter
 * longer than the router takes) come before any route and would leave in
 * Fastify's shape; they leave in ours, with their status.
 */
export function frameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  void reply.status(status).send({
    error: {
      code: 'VALIDATION_FAILED',
      message: 'The request address could not be read',
      fields: [{ path: 'url', message: error.message }],
    } satisfies ErrorBody,
  });
}

/**
 * Requests Node's HTTP parser refuses never reach Fastify; the default
 * answer is again in Fastify's shape. Ours names the fault and closes the
 * connection, which after a malformed request cannot be trusted to frame
 * the next one.
 */
export function clientErrorHandler(
  error: Error & { code?: string },
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'The request took too long to arrive']
        : [400, 'Bad Request', 'The request could not be read'];
  const body = JSON.stringify({
    error: { code: 'VALIDATION_FAILED', message, fields: [] } satisfies ErrorBody,
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
