import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors';
import {
  MIN_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
} from '../../shared/sync/protocol';

/** The oldest record schema this server still accepts from clients. */
const MIN_SCHEMA_VERSION = 1;

function outside(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && (value < min || value > max);
}

/**
 * Refuses clients outside the supported protocol or schema window with a
 * message the user can act on. Runs before validation, so an old client
 * whose request no longer parses is still told to update.
 */
export function checkProtocol(request: FastifyRequest): Promise<void> {
  const body = request.body as {
    protocolVersion?: unknown;
    schemaVersion?: unknown;
  } | null;
  const header = request.headers['x-dxer-protocol-version'];
  const fromHeader = typeof header === 'string' ? Number(header) : undefined;
  const protocol = body?.protocolVersion ?? fromHeader;
  if (
    outside(protocol, MIN_PROTOCOL_VERSION, PROTOCOL_VERSION) ||
    outside(body?.schemaVersion, MIN_SCHEMA_VERSION, SCHEMA_VERSION)
  ) {
    return Promise.reject(
      new DomainError(
        'PROTOCOL_UNSUPPORTED',
        `This version of DXER Desktop is no longer supported by the server (it speaks protocol ${MIN_PROTOCOL_VERSION}–${PROTOCOL_VERSION}, schema ${MIN_SCHEMA_VERSION}–${SCHEMA_VERSION}). Update the app to continue syncing.`,
        [{ path: 'protocolVersion', message: 'outside the supported window' }],
      ),
    );
  }
  return Promise.resolve();
}
