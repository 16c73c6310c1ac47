import fs from 'node:fs';
import path from 'node:path';
import knex from 'knex';
import type { Knex } from 'knex';
import type { Logger } from '../logger';

export type { Knex };

export interface DatabaseOptions {
  /** `postgres://…` selects PostgreSQL; anything else means the SQLite file. */
  databaseUrl?: string;
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests give each file its own). */
  searchPath?: string;
}

/**
 * The database options of the environment every server command shares:
 * DATABASE_URL (PostgreSQL; absent → SQLite), SQLITE_FILE (another SQLite
 * file), DATABASE_SCHEMA (the PostgreSQL schema instead of the search path).
 */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv): DatabaseOptions {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    sqliteFile: env.SQLITE_FILE || undefined,
    searchPath: env.DATABASE_SCHEMA || undefined,
  };
}

/** Whether the options select PostgreSQL rather than the SQLite file. */
export function selectsPostgres(options: DatabaseOptions): boolean {
  return (
    options.databaseUrl !== undefined && /^postgres(ql)?:\/\//.test(options.databaseUrl)
  );
}

/** The SQLite file the options name when they do not select PostgreSQL. */
export function sqliteFilePath(options: DatabaseOptions): string {
  return options.sqliteFile ?? path.join(process.cwd(), '.data', 'dxer-server.sqlite');
}

/** knex's own warnings (a refused connection, say) as log lines, not console output. */
function knexLog(logger: Logger | undefined): Knex.Config['log'] {
  if (!logger) return undefined;
  return {
    debug: (detail: unknown) => logger.debug({ detail }, 'knex'),
    warn: (detail: unknown) => logger.warn({ detail }, 'knex warning'),
    error: (detail: unknown) => logger.error({ detail }, 'knex error'),
    deprecate: (method: string, alternative: string) =>
      logger.warn({ method, alternative }, 'knex deprecation'),
  };
}

/**
 * Opens the database the options name; nothing is created until the first
 * query. With a logger, knex's own messages go through it.
 */
export function openDatabase(options: DatabaseOptions, logger?: Logger): Knex {
  const log = knexLog(logger);
  if (selectsPostgres(options)) {
    return knex({
      client: 'pg',
      log,
      connection: options.databaseUrl,
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
  const file = sqliteFilePath(options);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return knex({
    client: 'sqlite3',
    log,
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
