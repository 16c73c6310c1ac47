import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../shared/sync/mutations';
import { postgresDatabase } from './support/databases';
import { pullAll, startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

const SLOW_NAME = 'Gec təsdiqlənən ad';

/**
 * Two pushes whose transactions overlap: the first takes its feed position
 * and then stays open; the second starts later. A pull running in between
 * must not move its cursor past a position that is still uncommitted, or the
 * first change would be skipped forever. With positions from a plain
 * sequence the second push commits first and this test fails.
 */
describe('feed positions under concurrent commits on postgres', () => {
  let server: TestServer;
  let reached: () => void = () => undefined;
  let release: () => void = () => undefined;
  const reachedGate = new Promise<void>((resolve) => (reached = resolve));
  const releaseGate = new Promise<void>((resolve) => (release = resolve));

  beforeAll(async () => {
    server = await startTestServer(postgresDatabase, {
      hooks: {
        async beforeCommit(applied: readonly Mutation[]) {
          const isSlow = applied.some(
            (mutation) =>
              mutation.name === 'serviceName.propose' && mutation.args.name === SLOW_NAME,
          );
          if (isSlow) {
            reached();
            await releaseGate;
          }
        },
      },
    });
  });
  afterAll(() => server.close());

  it('never lets a pull skip a change whose transaction commits after a later one', async () => {
    const mlspp: Session = await server.login('agency.mlspp');
    const justice: Session = await server.login('agency.justice');
    const reviewer: Session = await server.login('reviewer');
    const start = await pullAll(reviewer);

    const slowId = randomUUID();
    const fastId = randomUUID();
    const slow = mlspp.push([
      {
        name: 'serviceName.propose',
        args: { serviceNameId: slowId, agencyId: mlspp.user.agencyId, name: SLOW_NAME },
      },
    ]);
    await reachedGate;
    const fast = justice.push([
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: fastId,
          agencyId: justice.user.agencyId,
          name: 'Tez gələn ad',
        },
      },
    ]);
    // Give the second push every chance to commit before the first.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const between = await pullAll(reviewer, start.cursor);

    release();
    expect((await slow).body.results[0]?.status).toBe('applied');
    expect((await fast).body.results[0]?.status).toBe('applied');
    const after = await pullAll(reviewer, between.cursor);

    const seen = [...between.changes, ...after.changes].map((c) =>
      c.op === 'remove' ? c.id : c.entity === 'category' ? c.data.code : c.data.id,
    );
    expect(seen).toContain(slowId);
    expect(seen).toContain(fastId);
  });
});
