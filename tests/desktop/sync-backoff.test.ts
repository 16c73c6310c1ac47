import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../src-main/sync/backoff';

const attempts = Array.from({ length: 20 }, (_, index) => index + 1);

/** The most the engine may wait before retry number `failures`. */
function ceiling(failures: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** (failures - 1));
}

describe('backoff between sync retries', () => {
  it('stays between zero and the exponential ceiling for attempts 1 to 20', () => {
    for (const failures of attempts) {
      for (let sample = 0; sample < 200; sample += 1) {
        const delay = backoffDelay(failures, DEFAULT_BACKOFF);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(
          ceiling(failures, DEFAULT_BACKOFF.baseMs, DEFAULT_BACKOFF.capMs),
        );
      }
    }
  });

  it('never waits longer than the cap, however many failures', () => {
    const settings = { baseMs: 250, capMs: 5_000 };
    for (const failures of [...attempts, 50, 1_000, 1_000_000]) {
      expect(backoffDelay(failures, settings, () => 0.999_999)).toBeLessThanOrEqual(
        5_000,
      );
      expect(Number.isFinite(backoffDelay(failures, settings))).toBe(true);
    }
    expect(backoffDelay(1_000, settings, () => 0.999_999)).toBe(5_000);
  });

  it('doubles its ceiling with each failure until the cap', () => {
    const highest = attempts.map((failures) =>
      backoffDelay(failures, DEFAULT_BACKOFF, () => 1),
    );
    expect(highest.slice(0, 7)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000,
    ]);
    expect(new Set(highest.slice(6))).toEqual(new Set([60_000]));
  });

  it('spreads retries over the whole range instead of repeating one delay', () => {
    for (const failures of [1, 5, 20]) {
      const top = ceiling(failures, DEFAULT_BACKOFF.baseMs, DEFAULT_BACKOFF.capMs);
      const delays = Array.from({ length: 200 }, () =>
        backoffDelay(failures, DEFAULT_BACKOFF),
      );
      expect(new Set(delays).size).toBeGreaterThan(20);
      expect(Math.min(...delays)).toBeLessThan(top * 0.25);
      expect(Math.max(...delays)).toBeGreaterThan(top * 0.75);
    }
  });

  it('many desktops failing together do not all retry at the same moment', () => {
    const delays = Array.from({ length: 100 }, () => backoffDelay(3, DEFAULT_BACKOFF));
    const sameSecond = new Map<number, number>();
    for (const delay of delays) {
      const second = Math.floor(delay / 1_000);
      sameSecond.set(second, (sameSecond.get(second) ?? 0) + 1);
    }
    expect(Math.max(...sameSecond.values())).toBeLessThan(60);
  });
});
