import type { ErrorBody } from '../../shared/errors';

/** A contract call that main refused or that never reached it; carries the ErrorBody. */
export class ContractError extends Error {
  readonly body: ErrorBody;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ContractError';
    this.body = body;
  }
}

/** The ErrorBody of any failure, so stores can show every error the same way. */
export function errorBodyOf(error: unknown): ErrorBody {
  if (error instanceof ContractError) return error.body;
  if (isErrorBodyLike(error)) {
    return { code: error.code, message: error.message, fields: error.fields ?? [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message, fields: [] };
}

/**
 * Electron's ipcRenderer.invoke re-throws a main-process error as a plain
 * Error whose own properties may carry the body; accept that shape too.
 */
function isErrorBodyLike(
  value: unknown,
): value is Pick<ErrorBody, 'code' | 'message'> & { fields?: ErrorBody['fields'] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    'message' in value &&
    typeof value.message === 'string'
  );
}
