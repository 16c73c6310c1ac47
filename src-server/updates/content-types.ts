import path from 'node:path';

/** Media types of what electron-builder puts in an update folder. */
const byExtension: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.deb': 'application/vnd.debian.binary-package',
  '.dmg': 'application/x-apple-diskimage',
  '.zip': 'application/zip',
  '.7z': 'application/x-7z-compressed',
  // A blockmap is gzipped JSON the updater reads as bytes; an AppImage is an executable.
  '.blockmap': 'application/octet-stream',
  '.appimage': 'application/octet-stream',
};

/** The Content-Type of a feed file; anything unlisted is plain bytes. */
export function feedContentType(name: string): string {
  return byExtension[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}
