import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { contract } from '../../shared/contract/contract';
import type { ContractMethod } from '../../shared/contract/contract';
import { DomainError } from '../../shared/errors';
import type { ErrorBody, FieldError, ReasonCode } from '../../shared/errors';
import type { z } from 'zod';
import type { ContractHandlers } from './handlers';
import { assertPayloadShape } from './payload-guard';

/** The outcome of one contract call as it crosses back to the renderer. */
export type DispatchResult =
  { ok: true; result: unknown } | { ok: false; status: number; error: ErrorBody };

/** Runs one contract call: method lookup, payload validation, handler, error mapping. */
export type Dispatch = (method: string, payload: unknown) => Promise<DispatchResult>;

/** HTTP-style status for each reason code, so the host and the IPC bridge agree. */
export const statusByReason = {
  VALIDATION_FAILED: 400,
  BODY_TOO_LARGE: 413,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  PROTOCOL_UNSUPPORTED: 426,
  ILLEGAL_TRANSITION: 409,
  REMARKS_REQUIRED: 422,
  ALREADY_EXISTS: 409,
  STALE_DECISION: 409,
  FIELD_CONFLICT: 409,
  ANSWER_CONFLICT: 409,
  OWN_AGENCY_DECISION: 403,
  DECISION_PENDING: 409,
  NAME_NOT_APPROVED: 422,
  METHODOLOGY_FROZEN: 409,
  SEQUENCE_GAP: 409,
  CLIENT_OWNED_BY_OTHER_USER: 403,
  RESYNC_REQUIRED: 409,
  SERVER_UNREACHABLE: 503,
  UPDATE_FEED_INVALID: 503,
  SNAPSHOT_NOT_READY: 404,
  OUTBOX_NOT_EMPTY: 409,
  BACKUP_INVALID: 422,
  BACKUP_TOO_NEW: 422,
  CONFIRMATION_REQUIRED: 409,
  INTERNAL: 500,
} as const satisfies Record<ReasonCode, number>;

/** Whether a string names a contract method; own keys only, so "toString" is not one. */
export function isContractMethod(method: string): method is ContractMethod {
  return Object.hasOwn(contract, method);
}

/**
 * Builds the single entry point for contract calls. Handlers only ever see
 * payloads their method's input schema accepted; anything unexpected they
 * throw becomes INTERNAL with a correlation id, and its message stays in the log.
 */
export function createDispatcher(handlers: ContractHandlers, logger: Logger): Dispatch {
  const log = logger.child({ module: 'contract' });

  return async (method, payload) => {
    if (!isContractMethod(method)) {
      log.warn({ method: method.slice(0, 100) }, 'unknown contract method');
      return failure('NOT_FOUND', `Unknown contract method "${method.slice(0, 100)}"`);
    }

    try {
      assertPayloadShape(payload);
      const parsed = contract[method].input.safeParse(payload);
      if (!parsed.success) {
        const fields = fieldErrorsOf(parsed.error);
        log.info(
          { method, fields: fields.map((f) => f.path) },
          'contract payload refused',
        );
        return failure('VALIDATION_FAILED', `Invalid input for ${method}`, fields);
      }

      const result = await callHandler(handlers, method, parsed.data);
      return { ok: true, result };
    } catch (error) {
      if (error instanceof DomainError) {
        log.info({ method, code: error.code }, 'contract call refused');
        return failure(error.code, error.message, error.fields);
      }

      const correlationId = randomUUID();
      log.error({ correlationId, method, err: error }, 'contract handler failed');
      return failure(
        'INTERNAL',
        `Something went wrong inside the app (reference ${correlationId})`,
      );
    }
  };
}

/**
 * Calls the method's handler. The map from method to input type is
 * correlated, which TypeScript cannot follow through a union of methods,
 * so the handler is looked up as a function of the parsed payload here,
 * in one place, after the schema has vouched for it.
 */
function callHandler(
  handlers: ContractHandlers,
  method: ContractMethod,
  input: unknown,
): Promise<unknown> {
  const handler = handlers[method] as (input: unknown) => Promise<unknown>;
  return handler(input);
}

function failure(
  code: ReasonCode,
  message: string,
  fields: ErrorBody['fields'] = [],
): DispatchResult {
  return { ok: false, status: statusByReason[code], error: { code, message, fields } };
}

/**
 * Field errors naming every field at fault. Zod reports all unexpected keys
 * of an object as one issue on the object; each key is named on its own
 * here so the renderer can point at it.
 */
function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...base, key].join('.'),
        message: 'Not an accepted field',
      }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
}
