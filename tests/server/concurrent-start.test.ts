// Several server instances share one PostgreSQL database behind a load
// balancer, and a deployment starts them together: each one migrates and
// seeds at start, so two starting at once on a fresh schema must both come
// up, with the reference data and demo users once.
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src-server/server';
import type { RunningServer } from '../../src-server/server';
import { migrationSource } from '../../src-server/db/migrations';
import { countRows } from '../../src-server/db/rows';
import { registryCategories } from '../../shared/reference/categories';
import { demoUsers } from '../../src-server/seed/demo-users';
import { postgresDatabase } from './support/databases';
import type { DatabaseTarget } from './support/databases';

describe('server instances starting at once on one PostgreSQL schema', () => {
  const started: RunningServer[] = [];
  let target: DatabaseTarget | undefined;
  afterAll(async () => {
    for (const server of started) await server.close();
    await target?.drop();
  });

  it('all come up, migrate once and seed the reference data and demo users once', async () => {
    target = await postgresDatabase.create();
    const options = { ...target.options, seedDemo: true, logLevel: 'silent' };
    const results = await Promise.allSettled([1, 2, 3].map(() => startServer(options)));
    for (const result of results) {
      if (result.status === 'fulfilled') started.push(result.value);
    }
    expect(
      results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'up')),
    ).toEqual(['up', 'up', 'up']);
    const db = started[0]?.db;
    if (!db) throw new Error('no server came up');
    expect(await countRows(db('categories'))).toBe(registryCategories.length);
    expect(await countRows(db('users'))).toBe(demoUsers.length);
    const migrations = await migrationSource.getMigrations([]);
    expect(await countRows(db('knex_migrations'))).toBe(migrations.length);
    for (const server of started) {
      const health = await fetch(`${server.url}/api/v1/health`);
      expect(health.status).toBe(200);
    }
  });
});
