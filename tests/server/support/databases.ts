import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';

/** The PostgreSQL database every test file gets its own schema in. */
export const POSTGRES_URL =
  process.env.DXER_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Where one test file's server keeps its data, and how to throw it away. */
export interface DatabaseTarget {
  options: { databaseUrl?: string; sqliteFile?: string; searchPath?: string };
  drop(): Promise<void>;
}

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  create(): Promise<DatabaseTarget>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  create() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-server-test-'));
    return Promise.resolve({
      options: { sqliteFile: path.join(dir, 'server.sqlite') },
      drop: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
    });
  },
};

const postgres: TestDatabase = {
  name: 'postgres',
  async create() {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = knex({
      client: 'pg',
      connection: POSTGRES_URL,
      pool: { min: 0, max: 1 },
    });
    await admin.raw('CREATE SCHEMA ??', [schema]);
    await admin.destroy();
    return {
      options: { databaseUrl: POSTGRES_URL, searchPath: schema },
      async drop() {
        const dropper = knex({
          client: 'pg',
          connection: POSTGRES_URL,
          pool: { min: 0, max: 1 },
        });
        await dropper.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
        await dropper.destroy();
      },
    };
  },
};

/** Every server test runs against both databases. */
export const databases: readonly TestDatabase[] = [sqlite, postgres];
export { postgres as postgresDatabase, sqlite as sqliteDatabase };
