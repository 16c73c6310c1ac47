import { describe, expect, it } from 'vitest';
import { scanDuplicates } from './duplicate-scan';
import { labelledPairs, labelledSubject } from './labelled-set';

const services = labelledPairs.flatMap((pair) => [
  labelledSubject(`${pair.id}/a`, pair.a),
  labelledSubject(`${pair.id}/b`, pair.b),
]);
const found = scanDuplicates(services);
const flaggedPairs = new Set(
  found.map((candidate) => [candidate.aId, candidate.bId].sort().join('|')),
);
const isFlagged = (pairId: string) => flaggedPairs.has(`${pairId}/a|${pairId}/b`);

const duplicates = labelledPairs.filter((pair) => pair.isDuplicate);
const negatives = labelledPairs.filter((pair) => !pair.isDuplicate);
const truePositives = duplicates.filter((pair) => isFlagged(pair.id));
const falsePositives = negatives.filter((pair) => isFlagged(pair.id));
const flaggedLabelled = truePositives.length + falsePositives.length;
const precision = flaggedLabelled === 0 ? 0 : truePositives.length / flaggedLabelled;
const recall = truePositives.length / duplicates.length;
// Pairs across two labelled pairs are not labelled: some are true duplicates
// (the same service appears in a duplicate pair and in a hard negative).
const unlabelledFlags = found.filter(
  (candidate) => candidate.aId.split('/')[0] !== candidate.bId.split('/')[0],
).length;

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const missed = duplicates.filter((pair) => !isFlagged(pair.id)).map((pair) => pair.id);
const wrong = falsePositives.map((pair) => pair.id);

describe(`duplicate detection on the labelled set (${duplicates.length} duplicates, ${negatives.length} hard negatives)`, () => {
  it(`precision ${pct(precision)}, recall ${pct(recall)}; missed: ${missed.join(', ') || 'none'}; wrongly flagged: ${wrong.join(', ') || 'none'}; ${unlabelledFlags} flags across pairs`, () => {
    expect(
      precision,
      `precision ${pct(precision)}: wrongly flagged ${wrong.join(', ')}`,
    ).toBeGreaterThanOrEqual(0.9);
    expect(
      recall,
      `recall ${pct(recall)}: missed ${missed.join(', ')}`,
    ).toBeGreaterThanOrEqual(0.85);
  });
});
