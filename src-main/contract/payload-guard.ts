import { DomainError } from '../../shared/errors';

/** The largest payload a contract call may carry, the same limit the host puts on a body. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

/** Deeper than any contract input nests; stops cyclic or hostile structures early. */
const MAX_DEPTH = 32;

/** Keys that could reach an object's prototype if a handler ever merged the payload. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses payloads that no contract input could be, before the schema sees
 * them: too large, too deep, cyclic, or carrying prototype-polluting keys.
 * The size is an estimate of the JSON encoding, so an IPC payload (which
 * skips JSON) meets the same limit as an HTTP body.
 */
export function assertPayloadShape(payload: unknown): void {
  let bytes = 0;
  const seen = new Set<object>();

  const visit = (value: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) {
      throw new DomainError('VALIDATION_FAILED', 'Payload nests too deeply', [
        { path, message: `Nested deeper than ${MAX_DEPTH} levels` },
      ]);
    }

    bytes += typeof value === 'string' ? value.length + 2 : 8;
    if (bytes > MAX_PAYLOAD_BYTES) {
      throw new DomainError('BODY_TOO_LARGE', 'Payload is larger than 2 MB');
    }

    if (value === null || typeof value !== 'object') return;

    if (seen.has(value)) {
      throw new DomainError('VALIDATION_FAILED', 'Payload refers to itself', [
        { path, message: 'Cyclic reference' },
      ]);
    }
    seen.add(value);

    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, join(path, String(index)), depth + 1));
    } else {
      for (const key of Reflect.ownKeys(value)) {
        const keyName = String(key);
        if (typeof key === 'symbol' || FORBIDDEN_KEYS.has(key)) {
          throw new DomainError('VALIDATION_FAILED', 'Payload carries a forbidden key', [
            { path: join(path, keyName), message: `Key "${keyName}" is not allowed` },
          ]);
        }

        bytes += key.length + 3;
        const child: unknown = Reflect.get(value, key);
        visit(child, join(path, keyName), depth + 1);
      }
    }

    seen.delete(value);
  };

  visit(payload, '', 0);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
