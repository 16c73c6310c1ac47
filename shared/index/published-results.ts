import type { Agency, AgencyGroup } from '../domain/agency';
import type { FieldError } from '../errors';
import type { EvaluationReport } from '../reports/evaluation-report';
import { compareAz, foldAz } from '../text/az';
import { publishedResultSchema, type PublishedResult } from './campaign';
import type { StarBand } from './methodology';
import { rankGroups, roundPercent, starsFor } from './ranking';

/**
 * Past years' published results: imported from a table so that a provider's
 * results compare across years and a past year can be reported like a
 * computed one.
 */

/** The groups the index ranks in; 'other' is not one of them. */
const indexGroups: readonly AgencyGroup[] = [
  'centralExecutive',
  'localExecutive',
  'legalEntity',
];

/** A name as compared: Azerbaijani case folded, quotes and spaces made uniform. */
function comparableName(name: string): string {
  return foldAz(name)
    .replace(/[“”„«»″]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A matcher from a provider's name as printed to the agency of that name, or null. */
export function agencyMatcher(
  agencies: ReadonlyArray<Pick<Agency, 'id' | 'nameAz'>>,
): (name: string) => string | null {
  const byName = new Map<string, string>();
  for (const agency of agencies) {
    const key = comparableName(agency.nameAz);
    if (!byName.has(key)) byName.set(key, agency.id);
  }
  return (name) => byName.get(comparableName(name)) ?? null;
}

/** One row of a published table, as read from a CSV file: cells as text or numbers. */
export interface PublishedRow {
  year?: unknown;
  group?: unknown;
  provider?: unknown;
  percent?: unknown;
  /** 1–5 or the printed asterisks; empty to take it from the bands. */
  stars?: unknown;
  /** The printed rank; empty to rank by percent. */
  rank?: unknown;
}

/** What an import needs besides the rows. */
export interface ImportOptions {
  /** The bands that give stars to rows without them. */
  bands: readonly StarBand[];
  /** The agencies a provider's name is matched against. */
  agencies: ReadonlyArray<Pick<Agency, 'id' | 'nameAz'>>;
  newId: () => string;
  /** Where the table was published. */
  source: string;
}

/** The imported results, or every problem found, each naming its row. */
export type ImportOutcome =
  { ok: true; results: PublishedResult[] } | { ok: false; errors: FieldError[] };

/**
 * Checks and imports a published table. Rows without stars get them from
 * the bands, rows without a rank are ranked by percent within their year
 * and group; a provider's name is kept as printed and matched to an agency
 * where one has that name. Nothing is imported when any row is at fault.
 */
export function importPublishedResults(
  rows: readonly PublishedRow[],
  options: ImportOptions,
): ImportOutcome {
  const errors: FieldError[] = [];
  const matchAgency = agencyMatcher(options.agencies);
  const seen = new Map<string, number>();
  const parsed: PublishedResult[] = [];

  rows.forEach((row, index) => {
    const fault = (field: string, message: string) =>
      errors.push({
        path: `rows.${index}.${field}`,
        message: `Row ${index + 1}${nameOf(row)}: ${message}`,
      });
    const year = integerCell(row.year);
    if (year === null || year < 2016 || year > 2100)
      fault('year', 'give a year from 2016 to 2100');
    const group = indexGroups.find((candidate) => candidate === row.group);
    if (!group) fault('group', `give one of ${indexGroups.join(', ')}`);
    const provider = typeof row.provider === 'string' ? row.provider.trim() : '';
    if (provider === '' || provider.length > 500) fault('provider', 'name the provider');
    const percent = percentCell(row.percent);
    if (percent === null) fault('percent', 'give a percentage from 0 to 100');
    const stars = isEmpty(row.stars) ? undefined : starsCell(row.stars);
    if (stars === null) fault('stars', 'give 1 to 5 stars, or leave it empty');
    const rank = isEmpty(row.rank) ? null : integerCell(row.rank);
    if (rank !== null && rank < 1) fault('rank', 'give a rank from 1, or leave it empty');
    if (!isEmpty(row.rank) && rank === null) fault('rank', 'give a whole number');

    if (year !== null && provider !== '') {
      const duplicateKey = `${year}|${comparableName(provider)}`;
      const first = seen.get(duplicateKey);
      if (first === undefined) seen.set(duplicateKey, index);
      else fault('provider', `already given for ${year} in row ${first + 1}`);
    }

    if (
      year === null ||
      !group ||
      provider === '' ||
      percent === null ||
      stars === null
    ) {
      return;
    }
    parsed.push({
      id: options.newId(),
      year,
      group,
      agencyId: matchAgency(provider),
      providerName: provider,
      rank,
      percent,
      // Stars follow the percentage as published, to two decimals.
      stars: stars ?? starsFor(roundPercent(percent), options.bands),
      source: options.source,
    });
  });
  if (errors.length > 0) return { ok: false, errors };

  const computedRank = new Map<string, number>();
  for (const year of new Set(parsed.map((result) => result.year))) {
    const ofYear = parsed
      .filter((result) => result.year === year)
      .map((result) => ({ ...result, name: result.providerName }));
    for (const { providers } of rankGroups(ofYear)) {
      for (const provider of providers) computedRank.set(provider.id, provider.rank);
    }
  }
  const results: PublishedResult[] = [];
  parsed.forEach((result, index) => {
    const checked = publishedResultSchema.safeParse({
      ...result,
      rank: result.rank ?? computedRank.get(result.id) ?? null,
    });
    if (checked.success) results.push(checked.data);
    else {
      for (const issue of checked.error.issues) {
        errors.push({
          path: `rows.${index}.${issue.path.map(String).join('.')}`,
          message: `Row ${index + 1} (${result.providerName}): ${issue.message}`,
        });
      }
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, results };
}

/** A provider's published results, oldest year first. */
export function providerTrend(
  results: readonly PublishedResult[],
  agencyId: string,
): PublishedResult[] {
  return results
    .filter((result) => result.agencyId === agencyId)
    .sort((a, b) => a.year - b.year);
}

/**
 * The evaluation report of a published year, ranked as published. A row
 * without a printed rank takes the rank its percentage gives in its group.
 * `dataAsOf` is when the figures were published, which the rows do not
 * record. Stars are the published ones: re-deriving them from bands could
 * make the report disagree with the publication it reproduces.
 */
export function publishedReport(
  results: readonly PublishedResult[],
  year: number,
  dataAsOf: string,
): EvaluationReport {
  const ofYear = results
    .filter((result) => result.year === year)
    .map((result) => ({
      ...result,
      name: result.providerName,
      publishedRank: result.rank,
    }));
  return {
    year,
    campaignId: null,
    methodology: { id: null, version: 0, name: sourcesOf(ofYear) },
    dataAsOf,
    groups: rankGroups(ofYear).map(({ group, providers }) => {
      const ranked = providers
        .map((provider) => ({
          ...provider,
          rank: provider.publishedRank ?? provider.rank,
        }))
        .sort((a, b) => a.rank - b.rank || compareAz(a.name, b.name));
      return {
        group,
        providers: ranked.map((provider) => ({
          rank: provider.rank,
          tiedWith: ranked
            .filter((other) => other !== provider && other.rank === provider.rank)
            .map((other) => other.name),
          agencyId: provider.agencyId,
          name: provider.name,
          percent: provider.percent,
          stars: provider.stars,
          // A published table gives no service counts per provider.
          serviceCount: 0,
        })),
      };
    }),
  };
}

function sourcesOf(results: ReadonlyArray<{ source: string }>): string {
  return [
    ...new Set(results.map((result) => result.source).filter((s) => s !== '')),
  ].join('; ');
}

function nameOf(row: PublishedRow): string {
  return typeof row.provider === 'string' && row.provider.trim() !== ''
    ? ` (${row.provider.trim()})`
    : '';
}

function isEmpty(cell: unknown): boolean {
  return (
    cell === undefined ||
    cell === null ||
    (typeof cell === 'string' && cell.trim() === '')
  );
}

function integerCell(cell: unknown): number | null {
  const value =
    typeof cell === 'string' && /^\s*\d+\s*$/.test(cell) ? Number(cell) : cell;
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

/** "92.38", "92,38", "92.38 %" or a number from 0 to 100; else null. */
function percentCell(cell: unknown): number | null {
  let value = cell;
  if (typeof cell === 'string') {
    const text = cell.trim().replace(/\s*%$/u, '').replace(',', '.');
    value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
  }
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100
    ? value
    : null;
}

/** 1–5 as a number or digit, or the printed asterisks ("***"). */
function starsCell(cell: unknown): number | null {
  if (typeof cell === 'string' && /^\s*\*{1,5}\s*$/.test(cell)) return cell.trim().length;
  const stars = integerCell(cell);
  return stars !== null && stars >= 1 && stars <= 5 ? stars : null;
}
