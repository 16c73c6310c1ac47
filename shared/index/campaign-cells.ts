import { DomainError } from '../errors';
import type { Campaign, EvaluationAnswer } from './campaign';
import {
  encodeAnswer,
  NOT_APPLICABLE_KEY,
  UNFIT_KEY,
  type FlatMethodology,
} from './flat-methodology';

/**
 * A campaign's answers resolved per item (service × sub-criterion) into one
 * flat array of keys, the layout the computation and the progress counts
 * read. Only services with at least one answer get a row, so memory follows
 * the answers, not the size of the campaign.
 */

/** An item nobody has answered. */
export const NO_ANSWER = -1;
/** An item evaluators answered differently; counted as unanswered in results. */
export const DISPUTED = -4;
// NOT_APPLICABLE_KEY (-2) marks an item all its evaluators found not applicable.

/** A campaign's providers and services, deduplicated and indexed. */
export interface CampaignIndex {
  readonly providers: Campaign['providers'];
  readonly serviceIds: readonly string[];
  readonly serviceIndex: ReadonlyMap<string, number>;
  /** Each service's provider by position in `providers`; -1 when not listed. */
  readonly serviceProvider: Int32Array;
}

const indexCache = new WeakMap<Campaign, CampaignIndex>();

/** The campaign's index, built once per campaign object (campaigns are never mutated). */
export function indexCampaign(campaign: Campaign): CampaignIndex {
  const cached = indexCache.get(campaign);
  if (cached) return cached;

  const providerIndex = new Map<string, number>();
  const providers: Array<Campaign['providers'][number]> = [];
  for (const provider of campaign.providers) {
    if (providerIndex.has(provider.agencyId)) continue;
    providerIndex.set(provider.agencyId, providers.length);
    providers.push(provider);
  }
  const serviceIndex = new Map<string, number>();
  const serviceIds: string[] = [];
  const owners: number[] = [];
  for (const service of campaign.services) {
    if (serviceIndex.has(service.serviceId)) continue;
    serviceIndex.set(service.serviceId, serviceIds.length);
    serviceIds.push(service.serviceId);
    owners.push(providerIndex.get(service.agencyId) ?? -1);
  }
  const index = {
    providers,
    serviceIds,
    serviceIndex,
    serviceProvider: Int32Array.from(owners),
  };
  indexCache.set(campaign, index);
  return index;
}

/** The resolved answers: keys per item of each answered service. */
export interface CampaignCells {
  /** Sub-criteria per row. */
  readonly width: number;
  /** Each service's row, or -1 when it has no answer. */
  readonly rowOf: Int32Array;
  /**
   * Row r, sub-criterion s at r * width + s: an answer's key, NO_ANSWER,
   * NOT_APPLICABLE_KEY or DISPUTED.
   */
  readonly keys: Float64Array;
  /** Per row: items with at least one answer, disputed or not. */
  readonly itemsAnswered: readonly number[];
  /** Per row: items evaluators disagree on. */
  readonly disputed: readonly number[];
  /** Per row: the methodology share of the items answered with a value. */
  readonly answeredShare: readonly number[];
  /** The latest updatedAt among the answers read, in ms; -Infinity when none. */
  readonly latestMs: number;
}

/** Shares below this are float noise left by subtracting a disputed item. */
const SHARE_EPSILON = 1e-12;

/**
 * Reads every answer of the campaign once. Answers of another campaign, to
 * a service not in it or to a code not in the methodology are skipped; the
 * others are marked 1 in `counted` when given. One answer per evaluator
 * and item is assumed (the store keeps one); two answers with different
 * values make the item disputed.
 */
export function resolveCells(
  flat: FlatMethodology,
  index: CampaignIndex,
  campaignId: string,
  answers: readonly EvaluationAnswer[],
  counted?: Uint8Array,
): CampaignCells {
  const width = flat.subCriterionCount;
  const { serviceIndex } = index;
  const { subCriterionIndex, subCriterionShare } = flat;
  const rowOf = new Int32Array(index.serviceIds.length).fill(-1);
  const itemsAnswered: number[] = [];
  const disputed: number[] = [];
  const answeredShare: number[] = [];
  // Room for as many rows as the answers could fill if dense, grown if
  // they are spread thinner: a large campaign with few answers stays small.
  let capacity = Math.max(
    1,
    Math.min(index.serviceIds.length, Math.ceil(answers.length / Math.max(1, width))),
  );
  let keys = new Float64Array(capacity * width).fill(NO_ANSWER);
  const latest = new LatestTime();

  for (let i = 0; i < answers.length; i += 1) {
    const answer = answers[i];
    if (answer === undefined || answer.campaignId !== campaignId) continue;
    const service = serviceIndex.get(answer.serviceId);
    const s = subCriterionIndex.get(answer.subCriterionCode);
    if (service === undefined || s === undefined) continue;
    if (counted) counted[i] = 1;

    const key = encodeAnswer(flat, s, answer.value);
    if (key === UNFIT_KEY) throw unfitAnswer(answer, i);
    latest.add(answer.updatedAt);
    let row = rowOf[service] ?? -1;
    if (row < 0) {
      row = itemsAnswered.length;
      rowOf[service] = row;
      itemsAnswered.push(0);
      disputed.push(0);
      answeredShare.push(0);
      if (row >= capacity) {
        capacity *= 2;
        const grown = new Float64Array(capacity * width).fill(NO_ANSWER);
        grown.set(keys);
        keys = grown;
      }
    }
    const cell = row * width + s;
    const current = keys[cell] ?? NO_ANSWER;
    if (current === NO_ANSWER) {
      keys[cell] = key;
      itemsAnswered[row] = (itemsAnswered[row] ?? 0) + 1;
      if (key !== NOT_APPLICABLE_KEY) {
        answeredShare[row] = (answeredShare[row] ?? 0) + (subCriterionShare[s] ?? 0);
      }
    } else if (current !== DISPUTED && current !== key) {
      keys[cell] = DISPUTED;
      disputed[row] = (disputed[row] ?? 0) + 1;
      if (current !== NOT_APPLICABLE_KEY) {
        const left = (answeredShare[row] ?? 0) - (subCriterionShare[s] ?? 0);
        answeredShare[row] = left < SHARE_EPSILON ? 0 : left;
      }
    }
  }
  return {
    width,
    rowOf,
    keys,
    itemsAnswered,
    disputed,
    answeredShare,
    latestMs: latest.ms(),
  };
}

function unfitAnswer(answer: EvaluationAnswer, position: number): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    `Answer ${answer.id} to "${answer.subCriterionCode}" does not fit the sub-criterion's scale`,
    [{ path: `answers.${position}.value`, message: 'Does not fit the scale' }],
  );
}

/**
 * The latest of many ISO timestamps without parsing each: UTC strings of
 * one shape (what toISOString writes) compare as text; any other form is
 * parsed.
 */
class LatestTime {
  private utc = '';
  private parsed = -Infinity;

  add(timestamp: string): void {
    if (timestamp.length === 24 && timestamp.charCodeAt(23) === 90 /* Z */) {
      if (timestamp > this.utc) this.utc = timestamp;
      return;
    }
    const ms = Date.parse(timestamp);
    if (ms > this.parsed) this.parsed = ms;
  }

  ms(): number {
    return Math.max(this.utc === '' ? -Infinity : Date.parse(this.utc), this.parsed);
  }
}
