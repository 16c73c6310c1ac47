import type { IncomingMessage } from 'node:http';

/**
 * Checks that a request is addressed to this host by name. A page on another
 * site can point its own domain at 127.0.0.1 (DNS rebinding); its requests
 * then carry that domain in Host, which is refused here.
 */
export function isOwnHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A cross-site page may post to 127.0.0.1; only our own origin may call the contract. */
export function isAllowedOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** True for "application/json", with or without parameters such as charset. */
export function isJsonContentType(request: IncomingMessage): boolean {
  const header = request.headers['content-type'];
  if (header === undefined) return false;
  const mediaType = header.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}
