/** Retry delays after failures: exponential, capped, with full jitter. */
export interface BackoffSettings {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 1_000, capMs: 60_000 };

/**
 * The wait before retry number `failures` (1 = after the first failure).
 * Full jitter spreads many desktops that lost the server at the same moment
 * so they do not all come back at the same instant.
 */
export function backoffDelay(
  failures: number,
  settings: BackoffSettings = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    settings.capMs,
    settings.baseMs * 2 ** Math.max(0, failures - 1),
  );
  return Math.round(random() * ceiling);
}
