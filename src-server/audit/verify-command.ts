import fs from 'node:fs';
import {
  databaseOptionsFromEnv,
  openDatabase,
  selectsPostgres,
  sqliteFilePath,
} from '../db/connection';
import type { Logger } from '../logger';
import { describeVerdict, verifyAuditChain } from './verify-chain';

/** How `npm run audit:verify` ends: the chain is intact, broken, or was not read. */
export const EXIT_INTACT = 0;
export const EXIT_BROKEN = 1;
export const EXIT_NOT_VERIFIED = 2;

const USAGE =
  'usage: npm run audit:verify (takes no arguments; the database comes from ' +
  'DATABASE_URL, DATABASE_SCHEMA or SQLITE_FILE, as for npm run server)';

export interface VerifyCommandDeps {
  env: NodeJS.ProcessEnv;
  args: readonly string[];
  logger: Logger;
  /** Where the one-line verdict goes. */
  print: (line: string) => void;
}

/**
 * Verifies the audit chain of the database the server would use and
 * prints the verdict; returns the exit code. Never migrates: a database
 * without the chain is reported, not changed.
 */
export async function runVerifyCommand(deps: VerifyCommandDeps): Promise<number> {
  const { logger, print } = deps;
  if (deps.args.length > 0) {
    print(USAGE);
    return EXIT_NOT_VERIFIED;
  }
  const options = databaseOptionsFromEnv(deps.env);
  const database = selectsPostgres(options) ? 'postgres' : 'sqlite';
  // Opening a SQLite file creates it: a mistyped path must not leave an empty one.
  if (database === 'sqlite' && !fs.existsSync(sqliteFilePath(options))) {
    print(`audit chain not verified: no SQLite file at ${sqliteFilePath(options)}`);
    return EXIT_NOT_VERIFIED;
  }

  const db = openDatabase(options, logger.child({ module: 'db' }));
  try {
    const verdict = await verifyAuditChain(db);
    if (verdict.ok) logger.info({ database, ...verdict }, 'audit chain intact');
    else logger.error({ database, ...verdict }, 'audit chain broken');
    print(describeVerdict(verdict));
    return verdict.ok ? EXIT_INTACT : EXIT_BROKEN;
  } catch (error) {
    logger.error({ err: error, database }, 'could not verify the audit chain');
    const reason = error instanceof Error ? error.message : String(error);
    print(`audit chain not verified: ${reason}`);
    return EXIT_NOT_VERIFIED;
  } finally {
    await db.destroy();
  }
}
