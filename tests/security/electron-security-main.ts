/**
 * `npm run security:electron`: electronegativity over main's code and the
 * renderer's HTML and CSP; exits 1 on any finding above LOW, 2 when a file
 * could not be parsed (a scan that skipped a file proves nothing).
 */
import pino from 'pino';
import { checkElectronSettings, describeFinding } from './support/electronegativity';

const log = pino({ base: { process: 'security-electron' } });
const result = await checkElectronSettings();
for (const finding of result.findings)
  log.info({ finding: describeFinding(finding) }, 'finding');
log.info(
  {
    checks: result.checks,
    findings: result.findings.length,
    failing: result.failing.length,
  },
  result.failing.length === 0 && result.unparsed.length === 0
    ? 'electronegativity: nothing above LOW'
    : 'electronegativity: findings above LOW or unparsed files',
);
if (result.unparsed.length > 0) {
  log.error({ unparsed: result.unparsed }, 'files electronegativity could not parse');
  process.exit(2);
}
process.exit(result.failing.length === 0 ? 0 : 1);
