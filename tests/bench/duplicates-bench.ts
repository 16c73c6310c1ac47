// Duplicate detection over a national-size registry: a full scan across
// agencies and single checks of new submissions and name proposals, beside
// two baselines measured in the same run (building the fingerprints only,
// and grouping by exact normalized name). A few hundred duplicates are
// planted across agencies, renamed by word order, case (with I typed for
// İ), a dropped genitive, plain-keyboard letters or a letter dropped from
// the longest word, so the run reports recall on them. serviceNameText
// makes a name unique by appending its index in brackets, and a copy keeps
// that number, which then blocks the pair as a rare word; so every third
// copy is of one of the first names, which have no number and share every
// word with hundreds of services, and is found only through LSH bands or
// neighbours in name order. The scan is also timed on the first quarter
// and half of the registry, to show it grows about linearly.
// Prints a table and writes test-results/bench/duplicates-bench.json; it
// asserts nothing.
//
// npm run bench:duplicates
// DXER_BENCH_SERVICES (100,000) and DXER_BENCH_PLANTED (300) set the sizes.
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ServiceRecord } from '../../shared/domain/service-record';
import {
  buildDuplicateIndex,
  duplicateIndexSteps,
  runInSlices,
} from '../../shared/duplicates/duplicate-scan';
import {
  fingerprintService,
  type DuplicateSubject,
} from '../../shared/duplicates/service-fingerprint';
import { plainLetters } from '../../shared/review/name-similarity';
import {
  completeRecord,
  seededRandom,
  serviceNameText,
} from '../../src-server/seed/record-builder';
import { fmt, percentile, writeBenchJson } from './support/bench-output';

const SCAN_TARGET_MS = 60_000;
const CHECK_TARGET_MS = 200;
const serviceCount = Number(process.env.DXER_BENCH_SERVICES ?? 100_000);
const plantedCount = Number(process.env.DXER_BENCH_PLANTED ?? 300);
const checkCount = 200;
const agencyCount = 1_000;
const random = seededRandom(2014);

function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown) {
  const times: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    run(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1) ?? 0,
  };
}

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

// serviceNameText appends the index to names past this many.
const unnumberedCount = 30 * 8;
const agencyOf = (index: number) => `agency-${index % agencyCount}`;

/** The ways one agency's name for a service differs from another's. */
const renamings: Array<[string, (name: string) => string]> = [
  [
    'word order',
    (name) => {
      const words = name.split(' ');
      return [...words.slice(-2), ...words.slice(0, -2)].join(' ');
    },
  ],
  ['capitals, I for İ', (name) => name.toLocaleUpperCase('az').replaceAll('İ', 'I')],
  ['genitive dropped', (name) => name.replace(/n[ıiuü]n(?=\s)/u, '')],
  ['plain keyboard', (name) => [...name].map((char) => plainLetters(char)).join('')],
  [
    'a letter dropped',
    (name) => {
      const words = name.split(' ');
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
      return words
        .map((word) => (word === longest ? word.slice(0, 2) + word.slice(3) : word))
        .join(' ');
    },
  ],
];

function plantedRecord(record: ServiceRecord): ServiceRecord {
  return {
    ...record,
    documents: record.documents.length > 1 ? record.documents.slice(1) : record.documents,
  };
}

console.log(
  `Generating ${serviceCount.toLocaleString('en-US')} services over ${agencyCount} ` +
    `agencies and planting ${plantedCount} duplicates…`,
);
const [generated, generateMs] = timed(() =>
  Array.from({ length: serviceCount }, (_, index): DuplicateSubject => {
    const name = serviceNameText(random, index);
    return {
      id: `service-${index}`,
      agencyId: agencyOf(index),
      name,
      record: completeRecord(random, name),
    };
  }),
);
const planted = Array.from({ length: plantedCount }, (_, index) => {
  // Every third copy is of a service whose name has no number (only the
  // first names serviceNameText makes), so no rare word blocks the pair.
  const isUnnumbered = index % 3 === 0;
  const pool = isUnnumbered ? Math.min(serviceCount, unnumberedCount) : serviceCount;
  const source = generated[Math.floor(random() * pool)];
  if (!source?.record) throw new Error('a generated service has no record');
  const [renaming = '', rename = (name: string) => name] =
    renamings[index % renamings.length] ?? [];
  const copy: DuplicateSubject = {
    id: `planted-${index}`,
    agencyId: agencyOf(Number(source.agencyId.split('-')[1]) + 1 + index),
    name: rename(source.name),
    record: plantedRecord(source.record),
  };
  return { sourceId: source.id, copy, renaming, isUnnumbered };
});
const services = [...generated, ...planted.map((plant) => plant.copy)];
console.log(`  generated in ${fmt(generateMs / 1000)} s`);

const [fingerprints, fingerprintMs] = timed(() => services.map(fingerprintService));
const [exactGroups, exactMs] = timed(() => {
  const groups = new Map<string, number>();
  for (const fingerprint of fingerprints) {
    groups.set(fingerprint.nameKey, (groups.get(fingerprint.nameKey) ?? 0) + 1);
  }
  return groups;
});
const exactPairs = [...exactGroups.values()].reduce(
  (sum, n) => sum + (n * (n - 1)) / 2,
  0,
);

const [index, buildMs] = timed(() => buildDuplicateIndex(services));
const [found, scanMs] = timed(() => index.scan());
const foundPairs = new Set(found.map((pair) => [pair.aId, pair.bId].sort().join('|')));
const isFound = (plant: (typeof planted)[number]) =>
  foundPairs.has([plant.sourceId, plant.copy.id].sort().join('|'));
const recallByRenaming = renamings.map(([renaming]) => {
  const plants = planted.filter((plant) => plant.renaming === renaming);
  return { renaming, planted: plants.length, found: plants.filter(isFound).length };
});
const scanRecall = planted.filter(isFound).length / Math.max(1, planted.length);
const recallByNumbering = [true, false].map((isUnnumbered) => {
  const plants = planted.filter((plant) => plant.isUnnumbered === isUnnumbered);
  return {
    names: isUnnumbered ? 'without a number' : 'with a number',
    planted: plants.length,
    found: plants.filter(isFound).length,
  };
});

const scaling = [4, 2].map((part) => {
  const size = Math.floor(services.length / part);
  const [partial, ms] = timed(() => {
    const partIndex = buildDuplicateIndex(services.slice(0, size));
    return partIndex.scan().length;
  });
  return { services: size, pairs: partial, ms };
});

// The server's background scan and the desktop's index build run these
// same steps in slices, yielding to the event loop between them
// (src-server/duplicates/detector.ts, src-main/duplicates/similar-services.ts):
// the figure is how late a timer firing every millisecond ran meanwhile,
// which is how long a request could wait behind the scan.
const SLICE_MS = 15;
const DELAY_TARGET_MS = 50;
const delay = monitorEventLoopDelay({ resolution: 1 });
const slicedStarted = performance.now();
delay.enable();
const slicedIndex = await runInSlices(
  duplicateIndexSteps(services),
  () => new Promise<void>((resolve) => setImmediate(resolve)),
  SLICE_MS,
);
const slicedBuildMs = performance.now() - slicedStarted;
const slicedPairs = await runInSlices(
  slicedIndex.scanSteps(),
  () => new Promise<void>((resolve) => setImmediate(resolve)),
  SLICE_MS,
);
delay.disable();
const slicedMs = performance.now() - slicedStarted;
const sliced = {
  sliceMs: SLICE_MS,
  buildMs: slicedBuildMs,
  totalMs: slicedMs,
  pairs: slicedPairs.length,
  maxDelayMs: delay.max / 1e6,
  p99DelayMs: delay.percentile(99) / 1e6,
};

const checked = planted.slice(0, checkCount);
const checkHits: boolean[] = [];
const check = timeEach(checked, (plant) => {
  const candidates = index.check(plant.copy);
  checkHits.push(candidates.some((candidate) => candidate.bId === plant.sourceId));
});
const proposalHits: boolean[] = [];
const proposal = timeEach(checked, (plant) => {
  const { id, agencyId, name } = plant.copy;
  const candidates = index.check({ id, agencyId, name });
  proposalHits.push(candidates.some((candidate) => candidate.bId === plant.sourceId));
});
const share = (hits: boolean[]) => hits.filter(Boolean).length / Math.max(1, hits.length);

const pct = (value: number) => `${fmt(value * 100)} %`;
const verdict = (ms: number, target: number) => (ms < target ? 'PASS' : 'MISS');
const rows: Array<[string, string, string, string]> = [
  ['baseline: fingerprints only', `${fmt(fingerprintMs)} ms`, '', ''],
  [
    'baseline: group by exact normalized name',
    `${fmt(exactMs)} ms`,
    `${exactPairs.toLocaleString('en-US')} pairs`,
    '',
  ],
  ['index build (fingerprints, blocks)', `${fmt(buildMs)} ms`, '', ''],
  ['full scan after build', `${fmt(scanMs)} ms`, '', ''],
  ...scaling.map(({ services: size, pairs, ms }): [string, string, string, string] => [
    `full scan, build included, first ${size.toLocaleString('en-US')}`,
    `${fmt(ms)} ms`,
    `${pairs.toLocaleString('en-US')} pairs`,
    '',
  ]),
  [
    'full scan, build included',
    `${fmt(buildMs + scanMs)} ms`,
    `${found.length.toLocaleString('en-US')} pairs, recall ${pct(scanRecall)}`,
    `< ${SCAN_TARGET_MS / 1000} s ${verdict(buildMs + scanMs, SCAN_TARGET_MS)}`,
  ],
  [
    `full scan in ${SLICE_MS} ms slices, build included`,
    `${fmt(sliced.totalMs)} ms`,
    `event loop waits max ${fmt(sliced.maxDelayMs)} / p99 ${fmt(sliced.p99DelayMs)} ms`,
    `< ${DELAY_TARGET_MS} ms ${verdict(sliced.maxDelayMs, DELAY_TARGET_MS)}`,
  ],
  [
    `  of which index build in slices`,
    `${fmt(sliced.buildMs)} ms`,
    `${sliced.pairs.toLocaleString('en-US')} pairs`,
    '',
  ],
  [
    `check a submission (p50 / p95 of ${checked.length})`,
    `${fmt(check.p50)} / ${fmt(check.p95)} ms`,
    `recall ${pct(share(checkHits))}`,
    `< ${CHECK_TARGET_MS} ms ${verdict(check.p95, CHECK_TARGET_MS)}`,
  ],
  [
    `check a name proposal (p50 / p95 of ${checked.length})`,
    `${fmt(proposal.p50)} / ${fmt(proposal.p95)} ms`,
    `recall ${pct(share(proposalHits))}`,
    `< ${CHECK_TARGET_MS} ms ${verdict(proposal.p95, CHECK_TARGET_MS)}`,
  ],
];

console.log(
  `\nDXER duplicate detection bench: ${services.length.toLocaleString('en-US')} services, ` +
    `${planted.length} planted; Node ${process.version}, ${os.cpus().length} CPUs, ` +
    `load ${fmt(os.loadavg()[0] ?? 0)}`,
);
console.log(`${'figure'.padEnd(46)}${'time'.padStart(22)}  ${'found'.padEnd(34)}target`);
for (const [label, time, result, target] of rows) {
  console.log(`${label.padEnd(46)}${time.padStart(22)}  ${result.padEnd(34)}${target}`);
}
for (const { renaming, planted: n, found: hit } of recallByRenaming) {
  console.log(`  planted, ${renaming}: ${hit} of ${n} found by the scan`);
}
for (const { names, planted: n, found: hit } of recallByNumbering) {
  console.log(`  planted on names ${names}: ${hit} of ${n} found by the scan`);
}

const written = writeBenchJson('duplicates-bench', {
  services: services.length,
  agencies: agencyCount,
  planted: planted.length,
  targets: {
    scanMs: SCAN_TARGET_MS,
    checkMs: CHECK_TARGET_MS,
    slicedEventLoopDelayMs: DELAY_TARGET_MS,
  },
  baseline: {
    fingerprintMs,
    exactNameGroupingMs: exactMs,
    exactNamePairs: exactPairs,
  },
  scan: {
    buildMs,
    scanMs,
    totalMs: buildMs + scanMs,
    pairs: found.length,
    recall: scanRecall,
  },
  sliced,
  scaling,
  recallByRenaming,
  recallByNumbering,
  check: { ...check, recall: share(checkHits) },
  nameProposal: { ...proposal, recall: share(proposalHits) },
});
console.log(`written to ${written}`);
