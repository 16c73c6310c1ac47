// `npm run test:faults:long`: the fault-injection suite at length. Environment:
// DXER_FAULTS_RUNS (1000: three quarters over PostgreSQL, a quarter over SQLite),
// DXER_FAULTS_SEED (replays a schedule), DXER_FAULTS_DB (postgres, sqlite or both).
import pino from 'pino';
import { printFaultReport } from './support/fault-report';
import { runFaultSuite } from './support/fault-suite';

const log = pino({ level: 'info', base: null, timestamp: false });
const env = process.env;
const runs = Number(env.DXER_FAULTS_RUNS ?? 1000);
const seed = Number(env.DXER_FAULTS_SEED ?? Date.now() % 1_000_000);
const which = env.DXER_FAULTS_DB ?? 'both';
const line = (text: string) => process.stdout.write(`${text}\n`);

const started = Date.now();
line(`fault suite: seed ${seed} (replay with DXER_FAULTS_SEED=${seed})`);
let isClean = true;
const targets: Array<['postgres' | 'sqlite', number]> = [];
const postgresRuns = which === 'both' ? Math.ceil((runs * 3) / 4) : runs;
if (which !== 'sqlite') targets.push(['postgres', postgresRuns]);
if (which !== 'postgres')
  targets.push(['sqlite', which === 'both' ? runs - postgresRuns : runs]);
for (const [database, count] of targets) {
  line(`${database}: ${count} runs`);
  const report = await runFaultSuite({
    runs: count,
    seed,
    database,
    clientKillRate: 0.04,
    serverKillRate: 0.025,
    databaseRestartRate: 0.025,
    fullCheckEvery: 100,
    log: line,
  });
  printFaultReport(report, line);
  isClean &&=
    report.lost === 0 && report.duplicated === 0 && report.problems.length === 0;
}
line(`total: ${runs} runs in ${Math.round((Date.now() - started) / 1000)} s`);
if (!isClean) log.error('the fault suite found lost or duplicated intents');
process.exit(isClean ? 0 : 1);
