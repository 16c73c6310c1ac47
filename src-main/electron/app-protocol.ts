import fs from 'node:fs/promises';
import type { Protocol } from 'electron';
import { securityHeaders } from '../security/content-security-policy';
import { contentTypeOf, resolveStaticTarget } from '../host/static-files';
import { appHost, appScheme } from './window-options';

/**
 * Serves the built renderer on app://dxer/. Only files inside rendererDir
 * can be reached (the same resolver as the host), every answer carries the
 * security headers, and nothing is ever fetched from the network.
 */
export function serveRendererOverAppProtocol(
  protocol: Protocol,
  rendererDir: string,
): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed');
    }

    const target = await resolveStaticTarget(rendererDir, url.pathname);
    if (target.kind === 'refused') return plain(404, 'Not found');

    const body = await fs.readFile(target.file);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { 'Content-Type': contentTypeOf(target.file), ...securityHeaders },
    });
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders },
  });
}
