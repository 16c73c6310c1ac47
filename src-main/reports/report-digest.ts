import { createHash } from 'node:crypto';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';

/**
 * The digest every exported report carries: SHA-256 over a canonical JSON
 * text of the report data, so an auditor holding the same data (saved
 * beside the export, or recomputed from the campaign) gets the same 64 hex
 * digits and any changed figure, name or date gives others.
 *
 * Canonical form: object keys sorted by code unit at every level, no
 * whitespace, arrays in their order (a ranking's order is data), numbers and
 * strings as JSON.stringify writes them, undefined members left out. Strings
 * are not Unicode-normalized: a name typed with a combining dot is a
 * different name, and the digest should say so.
 */

/** The canonical JSON text of a value: sorted keys, no whitespace. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** SHA-256 hex of the report's canonical JSON. */
export function reportDigest(report: EvaluationReport): string {
  return createHash('sha256').update(canonicalJson(report), 'utf8').digest('hex');
}

/** How PDF and XLSX metadata (Keywords) carry the digest: "sha256:<64 hex>". */
export const DIGEST_KEYWORD_PREFIX = 'sha256:';

/** How a digest looks wherever a report carries it. */
export const DIGEST_PATTERN = /^[0-9a-f]{64}$/;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => [key, sortKeys(member)]),
  );
}
