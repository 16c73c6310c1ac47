import { HttpError } from 'builder-util-runtime';
import type { UpdateFailure } from '../../shared/contract/update-status';

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** What kind of failure an electron-updater error is, by its code or HTTP status. */
export function updateFailureOf(error: unknown): UpdateFailure {
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? String(error.code)
      : '';
  if (code === 'ERR_CHECKSUM_MISMATCH') return 'checksum';
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND') return 'noFeed';
  if (error instanceof HttpError) {
    // The server answers 503 UPDATE_FEED_INVALID for a feed that does not match its files.
    return error.statusCode === 503 ? 'feedInvalid' : 'network';
  }
  if (networkCodes.has(code)) return 'network';
  return 'unknown';
}

/** The first line of an error's message, for the status bar's details. */
export function updateFailureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 300);
}
