import { agencyGroups, type AgencyGroup } from '../domain/agency';
import { compareAz } from '../text/az';
import type { StarBand } from './methodology';

/**
 * Percentages, stars and ranks as the index publishes them: two decimals,
 * stars from the year's bands, and a rank per group in which providers with
 * the same published percentage share a place.
 */

/**
 * A percentage rounded half up to two decimals, as published. The product
 * is first cut to 12 significant digits so binary noise (1.005 * 100 =
 * 100.49999…) does not round the wrong way.
 */
export function roundPercent(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}

/**
 * The stars a percentage earns: the band with the highest minimum it
 * reaches. Checked methodologies always have a band at 0 %; without one a
 * result below every band gets one star, the fewest the index gives.
 */
export function starsFor(percent: number, bands: readonly StarBand[]): number {
  let best: StarBand | undefined;
  for (const band of bands) {
    if (percent >= band.minPercent && (!best || band.minPercent > best.minPercent)) {
      best = band;
    }
  }
  return best?.stars ?? 1;
}

/** What rankGroups needs of a provider. */
export interface Rankable {
  readonly group: AgencyGroup;
  readonly percent: number;
  readonly name: string;
}

/** A provider with its place in its group. */
export type Ranked<T extends Rankable> = T & {
  /** 1 for the best; providers with the same rounded percentage share the rank. */
  rank: number;
  /** The others sharing the rank, by name in Azerbaijani order; empty when none. */
  tiedWith: string[];
};

/** One group's providers, best first. */
export interface RankedGroup<T extends Rankable> {
  group: AgencyGroup;
  providers: Array<Ranked<T>>;
}

/**
 * Providers ranked within each group, groups in the index's order and only
 * those with providers. Standard competition ranking on the percentage
 * rounded to two decimals (1, 2, 2, 4), since the published figure is what
 * readers compare; providers sharing a rank are listed by name in
 * Azerbaijani order so the order never depends on input order.
 */
export function rankGroups<T extends Rankable>(
  items: readonly T[],
): Array<RankedGroup<T>> {
  const byGroup = new Map<AgencyGroup, T[]>();
  for (const item of items) {
    const members = byGroup.get(item.group);
    if (members) members.push(item);
    else byGroup.set(item.group, [item]);
  }
  return agencyGroups.flatMap((group) => {
    const members = byGroup.get(group);
    return members ? [{ group, providers: rankWithin(members) }] : [];
  });
}

function rankWithin<T extends Rankable>(members: T[]): Array<Ranked<T>> {
  const entries = members.map((item) => ({ item, percent: roundPercent(item.percent) }));
  entries.sort(
    (a, b) =>
      b.percent - a.percent ||
      compareAz(a.item.name, b.item.name) ||
      // compareAz ignores case and accents; code points settle what it calls equal.
      (a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : 0),
  );

  const ranked: Array<Ranked<T>> = [];
  let start = 0;
  while (start < entries.length) {
    let end = start + 1;
    while (end < entries.length && entries[end]?.percent === entries[start]?.percent) {
      end += 1;
    }
    const tied = entries.slice(start, end);
    for (const { item } of tied) {
      ranked.push({
        ...item,
        rank: start + 1,
        tiedWith: tied
          .filter((other) => other.item !== item)
          .map((other) => other.item.name),
      });
    }
    start = end;
  }
  return ranked;
}
