// Per request kind: how many, how long each took, and what failed.
import { percentile } from '../bench/support/bench-output';

export const requestKinds = ['login', 'initialPull', 'push', 'pull', 'replay'] as const;
export type RequestKind = (typeof requestKinds)[number];

export interface KindFigures {
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export class LatencyRecorder {
  private readonly timings = new Map<RequestKind, number[]>();
  private readonly failures: Array<{ kind: RequestKind; message: string }> = [];
  intentsApplied = 0;

  record(kind: RequestKind, ms: number): void {
    const list = this.timings.get(kind) ?? [];
    list.push(ms);
    this.timings.set(kind, list);
  }

  fail(kind: RequestKind, message: string): void {
    this.failures.push({ kind, message });
  }

  get errors(): ReadonlyArray<{ kind: RequestKind; message: string }> {
    return this.failures;
  }

  get requests(): number {
    let total = 0;
    for (const list of this.timings.values()) total += list.length;
    return total + this.failures.length;
  }

  figures(): Record<RequestKind, KindFigures> {
    const out = {} as Record<RequestKind, KindFigures>;
    for (const kind of requestKinds) {
      const sorted = [...(this.timings.get(kind) ?? [])].sort((a, b) => a - b);
      out[kind] = {
        requests: sorted.length,
        errors: this.failures.filter((f) => f.kind === kind).length,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted.at(-1) ?? NaN,
      };
    }
    return out;
  }
}
