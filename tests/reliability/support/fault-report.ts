import type { FaultSuiteReport } from './fault-suite';

/** The suite's figures as lines: runs, faults by kind, intents sent, lost and duplicated. */
export function printFaultReport(report: FaultSuiteReport, line: (text: string) => void) {
  line(`  database       ${report.database}`);
  line(`  seed           ${report.seed}`);
  line(`  runs           ${report.runs} in ${report.seconds} s`);
  const total = Object.values(report.faults).reduce((sum, n) => sum + n, 0);
  line(`  faults         ${total}`);
  for (const [kind, n] of Object.entries(report.faults).sort()) {
    line(`    ${kind.padEnd(30)} ${n}`);
  }
  line(`  intents sent   ${report.intentsSent}`);
  line(`    applied      ${report.applied}`);
  line(`    rejected     ${report.rejected}`);
  line(`  lost           ${report.lost}`);
  line(`  duplicated     ${report.duplicated}`);
  line(`  self-conflicts ${report.selfConflicts}`);
  const phases = Object.entries(report.phaseSeconds)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(0)} s`)
    .join(', ');
  line(`  time spent     ${phases}`);
  for (const problem of report.problems.slice(0, 20)) line(`  PROBLEM ${problem}`);
}
