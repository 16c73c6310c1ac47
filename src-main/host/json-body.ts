import type { IncomingMessage } from 'node:http';
import { DomainError } from '../../shared/errors';
import { MAX_PAYLOAD_BYTES } from '../contract/payload-guard';

/**
 * Reads a JSON request body of at most MAX_PAYLOAD_BYTES. A declared or
 * streamed size over the limit stops reading at once, so a huge body costs
 * the host no memory.
 */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_PAYLOAD_BYTES) throw tooLarge();

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_PAYLOAD_BYTES) throw tooLarge();
    chunks.push(buffer);
  }

  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The request body is not valid JSON', [
      { path: '', message: 'Not valid JSON' },
    ]);
  }
}

function tooLarge(): DomainError {
  return new DomainError('BODY_TOO_LARGE', 'The request body is larger than 2 MB');
}
