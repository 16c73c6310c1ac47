import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** What a GET for a URL path maps to inside the renderer folder. */
export type StaticTarget =
  | { kind: 'file'; file: string }
  | { kind: 'fallback'; file: string }
  | { kind: 'refused' };

/**
 * Maps a URL path to a file inside rendererDir. The path is decoded,
 * resolved and then compared with the folder by path.relative, and the
 * file's real path (symlinks followed) must lie inside the folder's real
 * path too, so no spelling of "..", encoded or not, can leave it. A path
 * that stays inside but names no file gets index.html, for client routing.
 */
export async function resolveStaticTarget(
  rendererDir: string,
  urlPath: string,
): Promise<StaticTarget> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0')) return { kind: 'refused' };

  const root = await fs.realpath(rendererDir);
  const candidate = path.resolve(root, ...decoded.split(/[/\\]+/).filter(Boolean));
  if (!isInside(root, candidate)) return { kind: 'refused' };

  const fallback = { kind: 'fallback', file: path.join(root, 'index.html') } as const;
  let real: string;
  try {
    real = await fs.realpath(candidate);
  } catch {
    return fallback;
  }
  if (!isInside(root, real)) return { kind: 'refused' };

  const stat = await fs.stat(real);
  if (stat.isDirectory()) {
    return real === root ? fallback : { kind: 'refused' };
  }
  return { kind: 'file', file: real };
}

/** Streams one file with its content type; the caller has set the security headers. */
export async function sendFile(
  response: ServerResponse,
  file: string,
  isHead: boolean,
): Promise<void> {
  const stat = await fs.stat(file);
  response.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': stat.size,
    // The host serves a build that changes under it during development.
    'Cache-Control': 'no-cache',
  });
  if (isHead) {
    response.end();
    return;
  }
  await pipeline(createReadStream(file), response);
}

/** The Content-Type header for a file of the renderer build, by its extension. */
export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}
