import fs from 'node:fs';
import path from 'node:path';

/** A figure with a fixed number of decimals and thousands separators, as the tables print them. */
export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

/** The p-th percentile of figures sorted ascending (nearest rank); NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
  );
}

/** Writes a bench's figures to test-results/bench/<name>.json and returns the path. */
export function writeBenchJson(name: string, figures: unknown): string {
  const out = path.join('test-results', 'bench');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(figures, null, 2));
  return file;
}
