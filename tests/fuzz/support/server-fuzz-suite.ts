import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-server/logger';
import type { TestDatabase } from '../../server/support/databases';
import { fuzzSeed, fuzzTimeoutMs } from './fuzz-budget';
import { changedKeys, openFuzzWorld } from './fuzz-world';
import type { FuzzWorld } from './fuzz-world';
import { fuzzServer, unfuzzedRoutes } from './server-fuzz-runner';

const log = createLogger('info').child({ module: 'fuzz' });

/**
 * The server fuzz suite on one database. One file per database, so the
 * long run fuzzes both at once, one core each.
 */
export function describeServerFuzz(database: TestDatabase, inputs: number): void {
  describe(`every server endpoint under hostile input on ${database.name}`, () => {
    let world: FuzzWorld;

    beforeAll(async () => {
      world = await openFuzzWorld(database);
    });
    afterAll(() => world.close());

    it('has a fuzz generator for every route the server registers', () => {
      expect(world.server.routes.length).toBeGreaterThan(10);
      expect(unfuzzedRoutes(world)).toEqual([]);
    });

    it('notices a committed write, as it would a partial one', async () => {
      const mark = await world.writeMark();
      const before = await world.snapshot();
      await world.server
        .db('login_attempts')
        .insert({ username: 'probe', ip: '192.0.2.1', at: new Date().toISOString() });
      expect(await world.writeMark()).not.toBe(mark);
      expect(changedKeys(before, await world.snapshot())).toEqual(['n_login_attempts']);
    });

    it(
      `answers ${inputs} fuzzed requests without a 5xx, in the error shape, without a partial write or a leak`,
      async () => {
        const started = performance.now();
        const report = await fuzzServer(world, { inputs, seed: fuzzSeed, httpEvery: 50 });
        log.info(
          {
            database: database.name,
            inputs: report.inputs,
            overHttp: report.overHttp,
            byStatus: report.byStatus,
            seconds: Math.round((performance.now() - started) / 100) / 10,
            seed: fuzzSeed,
          },
          'server fuzz inputs tried',
        );
        expect(report.failures).toEqual([]);
        expect(report.inputs).toBe(inputs);
      },
      fuzzTimeoutMs(inputs, 10),
    );
  });
}
