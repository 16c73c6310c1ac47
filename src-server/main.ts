import path from 'node:path';
import { databaseOptionsFromEnv } from './db/connection';
import { createLogger } from './logger';
import { bundledEvaluationDemo } from './seed/evaluation-demo';
import { generateRegistry } from './seed/generate-registry';
import { startServer } from './server';
import { updatesDirFromEnv } from './updates/updates-dir';

/**
 * `npm run server`. Environment: PORT (8787), HOST (127.0.0.1),
 * DATABASE_URL (PostgreSQL; absent → SQLite file .data/dxer-server.sqlite),
 * DXER_DEMO (demo users and registry; default on for SQLite, off for
 * PostgreSQL), LOG_LEVEL, SQLITE_FILE (another SQLite file), DATABASE_SCHEMA
 * (the PostgreSQL schema to work in instead of the default search path),
 * DXER_OPEN_DATA_BASE_IRI (where the open-data export's IRIs start),
 * UPDATES_DIR (the desktop update feed's folder; .data/updates),
 * SNAPSHOT_DIR (where first-sync snapshots are kept: .data/snapshots-PORT,
 * emptied at start and at close, so never a folder that holds anything else).
 * `--generate-registry N` fills a large demo registry of N services and exits.
 */
async function main(): Promise<void> {
  const env = process.env;
  const { databaseUrl, sqliteFile, searchPath } = databaseOptionsFromEnv(env);
  const demoDefault = databaseUrl === undefined;
  const seedDemo =
    env.DXER_DEMO === undefined
      ? demoDefault
      : !['0', 'false', 'off'].includes(env.DXER_DEMO);
  const logLevel = env.LOG_LEVEL ?? 'info';

  const flag = process.argv.indexOf('--generate-registry');
  if (flag >= 0) {
    const count = Number(process.argv[flag + 1] ?? '100000');
    await generateRegistry({
      databaseUrl,
      sqliteFile,
      searchPath,
      serviceCount: count,
      logger: createLogger(logLevel),
    });
    return;
  }

  const port = Number(env.PORT ?? 8787);
  const server = await startServer({
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    sqliteFile,
    searchPath,
    seedDemo,
    // The one place the bundled ASAN index demo comes in; it is undefined
    // until the 2023 methodology and published tables are in shared/index/.
    evaluationDemo: seedDemo ? bundledEvaluationDemo() : undefined,
    demoDuplicates: seedDemo,
    logLevel,
    openDataBaseIri: env.DXER_OPEN_DATA_BASE_IRI,
    updatesDir: updatesDirFromEnv(env),
    // One folder per port: instances on one host never empty each other's,
    // and a crashed instance's files go at its next start.
    snapshotDir:
      env.SNAPSHOT_DIR || path.join(process.cwd(), '.data', `snapshots-${port}`),
    prepareSnapshot: true,
  });
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  createLogger().fatal({ err: error }, 'the server could not start');
  process.exit(1);
});
