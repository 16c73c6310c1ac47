import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** One finding as electronegativity reports it (its `issues`; `errors` are files it could not parse). */
export interface ElectronFinding {
  id: string;
  file: string;
  location?: { line: number; column: number };
  sample?: string;
  description?: string;
  severity: { value: number; name: string };
  confidence: { value: number; name: string };
}

interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message?: string }>;
  issues: ElectronFinding[];
}

type Run = (options: { input: string; isRelative: boolean }) => Promise<RunResult>;

/** electronegativity's LOW; findings above it fail the check. */
export const LOW = 1;

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * What is scanned: main's code (the Electron glue and everything it
 * loads), the renderer's HTML with its CSP meta tag, and package.json,
 * from which the tool reads the Electron version whose defaults apply.
 * Copied to a folder of their own so tests, the server and the React
 * sources (which hold no Electron settings) stay out of the scan.
 */
function stageInput(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-electronegativity-'));
  fs.cpSync(path.join(repoRoot, 'src-main'), path.join(dir, 'src-main'), {
    recursive: true,
  });
  fs.copyFileSync(
    path.join(repoRoot, 'src-renderer', 'index.html'),
    path.join(dir, 'index.html'),
  );
  fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

export interface ElectronCheck {
  checks: number;
  findings: ElectronFinding[];
  /** Findings above LOW: each fails the check. */
  failing: ElectronFinding[];
  unparsed: string[];
}

/** Runs electronegativity over the staged input. */
export async function checkElectronSettings(): Promise<ElectronCheck> {
  const input = stageInput();
  try {
    const require = createRequire(import.meta.url);
    const loaded = require('@doyensec/electronegativity') as Run | { default: Run };
    const run = typeof loaded === 'function' ? loaded : loaded.default;
    const result = await run({ input, isRelative: true });
    return {
      checks: result.globalChecks + result.atomicChecks,
      findings: result.issues,
      failing: result.issues.filter((issue) => issue.severity.value > LOW),
      unparsed: result.errors.map((error) => error.file),
    };
  } finally {
    fs.rmSync(input, { recursive: true, force: true });
  }
}

/** One line per finding, for the report and the test's failure message. */
export function describeFinding(finding: ElectronFinding): string {
  const where = finding.location
    ? `${finding.file}:${finding.location.line}`
    : finding.file;
  return `${finding.severity.name} ${finding.confidence.name} ${finding.id} ${where} ${(finding.sample ?? '').slice(0, 120)}`;
}
