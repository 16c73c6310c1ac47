// ASAN index figures: recomputing a national-size campaign's report (every
// service, provider, star and rank) from its answers, beside a plain loop
// over the same answers in the same run. Measures; index-bench.ts and
// all-bench.ts print.
import type { AgencyGroup } from '../../../shared/domain/agency';
import type {
  AnswerValue,
  Campaign,
  EvaluationAnswer,
} from '../../../shared/index/campaign';
import { campaignReport, progress } from '../../../shared/index/computation';
import { defaultMethodology } from '../../../shared/index/default-methodology';
import type { SubCriterion } from '../../../shared/index/methodology';
import { seededRandom } from '../../../src-server/seed/record-builder';
import { percentile } from './bench-output';

export const INDEX_TARGET_MS = 100;
const TARGET_MS = INDEX_TARGET_MS;

export interface IndexOptions {
  providers: number;
  answers: number;
  runs: number;
  progress: (line: string) => void;
}

export interface IndexFigures {
  rankedProviders: number;
  groups: number;
  services: number;
  subCriteria: number;
  answers: number;
  checksum: number;
  rows: Array<{ label: string; p50: number; p95: number; result: string }>;
}

/** Builds the campaign and its answers, then times the recompute and its baseline. */
export function measureIndex(options: IndexOptions): IndexFigures {
  const { providers: providerCount, answers: answerCount, runs } = options;
  const evaluatorCount = 12;
  const random = seededRandom(2023);
  const methodology = defaultMethodology;
  const subCriteria: SubCriterion[] = methodology.parameters.flatMap((parameter) =>
    parameter.criteria.flatMap((criterion) => criterion.subCriteria),
  );

  let idCounter = 0;
  /** Ids as UUIDs from a counter, so every run builds the same campaign. */
  const nextId = () =>
    `00000000-0000-4000-8000-${(idCounter++).toString(16).padStart(12, '0')}`;

  function timeRuns(run: () => unknown) {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1) ?? 0,
    };
  }

  // Groups in about the 2023 proportions (23 : 15 : 9).
  const groupOf = (index: number): AgencyGroup =>
    index % 47 < 23
      ? 'centralExecutive'
      : index % 47 < 38
        ? 'localExecutive'
        : 'legalEntity';

  // Services per provider chosen so that a first answer to most items and a
  // second one to some come to the answer count: at the default
  // methodology's 38 sub-criteria, 200,000 answers cover about 4,000
  // services, 4 a provider.
  const itemsPerService = subCriteria.length;
  const averageServices = Math.max(
    1,
    Math.round(answerCount / 1.3 / itemsPerService / providerCount),
  );

  const evaluatorIds = Array.from({ length: evaluatorCount }, nextId);
  const providers: Campaign['providers'] = [];
  const services: Campaign['services'] = [];
  const names = new Map<string, string>();
  for (let index = 0; index < providerCount; index += 1) {
    const agencyId = nextId();
    providers.push({ agencyId, group: groupOf(index) });
    names.set(agencyId, `Qurum ${index + 1}`);
    const count = 1 + Math.floor(random() * (2 * averageServices - 1));
    for (let s = 0; s < count; s += 1) services.push({ serviceId: nextId(), agencyId });
  }
  const campaign: Campaign = {
    id: nextId(),
    year: 2023,
    name: { az: 'Sınaq kampaniyası', en: 'Bench campaign', ru: 'Тестовая кампания' },
    methodologyId: methodology.id,
    status: 'open',
    providers,
    services,
    evaluatorIds,
    createdAt: '2024-01-10T09:00:00.000Z',
    revision: 1,
  };

  function randomValue(subCriterion: SubCriterion): AnswerValue {
    if (random() < 0.05) return { kind: 'notApplicable' };
    const scale = subCriterion.scale;
    switch (scale.kind) {
      case 'yesNo':
        return { kind: 'yesNo', value: random() < 0.6 };
      case 'percent':
        return { kind: 'percent', value: Math.round(random() * 1000) / 10 };
      case 'levels':
        return {
          kind: 'level',
          value: scale.levels[Math.floor(random() * scale.levels.length)]?.value ?? '',
        };
    }
  }

  const answers: EvaluationAnswer[] = [];
  const baseTime = Date.parse('2024-02-01T08:00:00.000Z');
  function addAnswer(
    serviceIndex: number,
    s: number,
    evaluator: number,
    value: AnswerValue,
  ) {
    const service = services[serviceIndex];
    const subCriterion = subCriteria[s];
    if (!service || !subCriterion) return;
    answers.push({
      id: nextId(),
      campaignId: campaign.id,
      serviceId: service.serviceId,
      subCriterionCode: subCriterion.code,
      evaluatorId: evaluatorIds[evaluator % evaluatorCount] ?? '',
      evaluatorName: `Qiymətləndirici ${(evaluator % evaluatorCount) + 1}`,
      value,
      note: '',
      evidenceRef: '',
      revision: 1,
      updatedAt: new Date(baseTime + answers.length * 1_000).toISOString(),
    });
  }

  // A first answer to most items, then second answers (one in ten
  // disagreeing) on random items until the count is reached.
  const firstValues: Array<AnswerValue | undefined> = [];
  for (let v = 0; v < services.length && answers.length < answerCount; v += 1) {
    for (let s = 0; s < itemsPerService && answers.length < answerCount; s += 1) {
      const subCriterion = subCriteria[s];
      if (!subCriterion || random() < 0.1) {
        firstValues.push(undefined);
        continue;
      }
      const value = randomValue(subCriterion);
      firstValues.push(value);
      addAnswer(v, s, v, value);
    }
  }
  while (answers.length < answerCount) {
    const item = Math.floor(random() * firstValues.length);
    const first = firstValues[item];
    const s = item % itemsPerService;
    const subCriterion = subCriteria[s];
    if (!first || !subCriterion) continue;
    const v = Math.floor(item / itemsPerService);
    addAnswer(
      v,
      s,
      v + 1 + Math.floor(random() * 3),
      random() < 0.9 ? first : randomValue(subCriterion),
    );
  }

  options.progress(
    `Campaign: ${providerCount.toLocaleString('en-US')} providers, ` +
      `${services.length.toLocaleString('en-US')} services × ${itemsPerService} sub-criteria, ` +
      `${answers.length.toLocaleString('en-US')} answers by ${evaluatorCount} evaluators`,
  );

  let started = performance.now();
  const first = campaignReport(methodology, campaign, answers, names);
  const coldMs = performance.now() - started;
  const report = timeRuns(() => campaignReport(methodology, campaign, answers, names));
  started = performance.now();
  progress(campaign, methodology, answers);
  const progressColdMs = performance.now() - started;
  const progressRuns = timeRuns(() => progress(campaign, methodology, answers));

  // Baseline: the same answers read once into per-provider totals, with no
  // methodology, weights, evaluators or ranking: the floor of any recompute.
  const providerOfService = new Map<string, number>();
  const providerIndex = new Map(
    providers.map((provider, index) => [provider.agencyId, index]),
  );
  for (const service of services) {
    providerOfService.set(service.serviceId, providerIndex.get(service.agencyId) ?? 0);
  }
  const levelScore = new Map<string, number>();
  for (const subCriterion of subCriteria) {
    if (subCriterion.scale.kind !== 'levels') continue;
    for (const level of subCriterion.scale.levels)
      levelScore.set(level.value, level.score);
  }
  let checksum = 0;
  const baseline = timeRuns(() => {
    const totals = new Float64Array(providerCount);
    for (const answer of answers) {
      const value = answer.value;
      const score =
        value.kind === 'yesNo'
          ? Number(value.value)
          : value.kind === 'percent'
            ? value.value / 100
            : value.kind === 'level'
              ? (levelScore.get(value.value) ?? 0)
              : 0;
      const provider = providerOfService.get(answer.serviceId) ?? 0;
      totals[provider] = (totals[provider] ?? 0) + score;
    }
    checksum = totals[0] ?? 0;
  });

  const verdict = (ms: number) => (ms < TARGET_MS ? 'PASS' : 'MISS');
  const rows: Array<[string, number, number, string]> = [
    ['campaign report, first time (builds caches)', coldMs, coldMs, verdict(coldMs)],
    ['campaign report, recompute', report.p50, report.p95, verdict(report.p95)],
    ['  baseline: sum scores per provider', baseline.p50, baseline.p95, ''],
    ['progress, first time', progressColdMs, progressColdMs, ''],
    ['progress', progressRuns.p50, progressRuns.p95, ''],
  ];

  const rankedProviders = first.groups.reduce(
    (sum, group) => sum + group.providers.length,
    0,
  );

  return {
    rankedProviders,
    groups: first.groups.length,
    services: services.length,
    subCriteria: itemsPerService,
    answers: answers.length,
    checksum,
    rows: rows.map(([label, p50, p95, result]) => ({ label, p50, p95, result })),
  };
}
