// `npm run test:long`: the long variants CI runs after `npm test`, one
// after another, with the time each took, stopping at the first failure:
// 1,000 fault-injection runs, 105,000 hostile inputs, the model-based
// tests at 500 runs each, and the 200-client load test on PostgreSQL.
import { spawnSync } from 'node:child_process';

const suites = [
  ['faults', ['run', 'test:faults:long']],
  ['fuzz', ['run', 'test:fuzz:long']],
  ['models', ['run', 'test:models:long']],
  ['load', ['run', 'test:load']],
];
const say = (line) => process.stdout.write(`${line}\n`);
const took = [];
for (const [name, args] of suites) {
  const started = Date.now();
  say(`== ${name}: npm ${args.join(' ')}`);
  const result = spawnSync('npm', args, { stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  took.push(`${name} ${seconds} s`);
  if (result.status !== 0) {
    say(`== ${name} failed (exit ${result.status ?? result.signal}); ${took.join(', ')}`);
    process.exit(1);
  }
}
say(`== long variants passed: ${took.join(', ')}`);
