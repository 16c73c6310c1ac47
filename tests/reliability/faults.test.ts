import { describe, expect, it } from 'vitest';
import { printFaultReport } from './support/fault-report';
import { runFaultSuite } from './support/fault-suite';

// The short variant of `npm run test:faults:long`: a few runs over each
// database with kills and restarts far more often than the long run draws
// them, so every kind of fault shows up in seconds. The seed is fixed, so
// `npm test` draws the same schedule every time (the long run draws new
// ones); DXER_FAULTS_SEED tries another or replays one a failure printed.
const seed = Number(process.env.DXER_FAULTS_SEED ?? 20261204);

describe.each(['sqlite', 'postgres'] as const)(
  'sync under faults over %s',
  (database) => {
    it('loses no intent, applies each once, and the desktop agrees with the server', async () => {
      const lines: string[] = [];
      const report = await runFaultSuite({
        runs: 8,
        seed,
        database,
        clientKillRate: 0.4,
        serverKillRate: 0.3,
        databaseRestartRate: 0.3,
        fullCheckEvery: 4,
        log: (line) => lines.push(line),
      });
      printFaultReport(report, (line) => lines.push(line));
      process.stdout.write(`${lines.join('\n')}\n`);

      expect(report.runs).toBe(8);
      expect(report.intentsSent).toBeGreaterThan(0);
      expect(report.problems).toEqual([]);
      expect(report.lost).toBe(0);
      expect(report.duplicated).toBe(0);
    }, 180_000);
  },
);
