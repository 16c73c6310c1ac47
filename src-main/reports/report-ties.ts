import type { ReportProvider } from '../../shared/reports/evaluation-report';
import { rankLabel } from './report-labels';

/** A shared rank and the providers sharing it, for a table's footnote. */
export interface TieNote {
  /** As the table prints it: "2=". */
  rank: string;
  names: string[];
}

/**
 * The shared ranks of a group, in rank order. The names come from the
 * providers holding the rank, then any named in `tiedWith` that the group
 * does not list, so a footnote never drops a name the data gives.
 */
export function tieNotes(providers: readonly ReportProvider[]): TieNote[] {
  const byRank = new Map<number, string[]>();
  for (const provider of providers) {
    if (provider.tiedWith.length === 0) continue;
    const names = byRank.get(provider.rank) ?? [];
    for (const name of [provider.name, ...provider.tiedWith]) {
      if (!names.includes(name)) names.push(name);
    }
    byRank.set(provider.rank, names);
  }
  return [...byRank.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rank, names]) => ({ rank: rankLabel({ rank, tiedWith: names }), names }));
}
