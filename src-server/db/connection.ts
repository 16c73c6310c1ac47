import fs from 'node:fs';
import path from 'node:path';
import knex from 'knex';
import type { Knex } from 'knex';

export type { Knex };

export interface DatabaseOptions {
  /** `postgres://…` selects PostgreSQL; anything else means the SQLite file. */
  databaseUrl?: string;
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests give each file its own). */
  searchPath?: string;
}

/** Opens the database the options name; nothing is created until the first query. */
export function openDatabase(options: DatabaseOptions): Knex {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return knex({
      client: 'pg',
      connection: url,
      searchPath: options.searchPath ? [options.searchPath] : undefined,
      pool: {
        min: 0,
        max: 10,
        // PostgreSQL's JIT compiles a plan when its cost estimate is high,
        // which the correlated subqueries of a pull page always are: it
        // spent over half a second compiling a page read that runs in 25 ms.
        afterCreate(conn: PgConnection, done: (error: Error | null) => void) {
          conn.query('SET jit = off', (error) => done(error));
        },
      },
    });
  }
  const file =
    options.sqliteFile ?? path.join(process.cwd(), '.data', 'dxer-server.sqlite');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return knex({
    client: 'sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    // SQLite has one writer: a single connection serialises transactions in
    // the pool instead of failing them with SQLITE_BUSY.
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: SqliteConnection, done: (error: Error | null) => void) {
        conn.exec(
          'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; ' +
            'PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;',
          (error) => done(error),
        );
      },
    },
  });
}

interface PgConnection {
  query(sql: string, callback: (error: Error | null) => void): void;
}

interface SqliteConnection {
  exec(sql: string, callback: (error: Error | null) => void): void;
}
