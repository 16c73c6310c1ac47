import path from 'node:path';

/** Where the update feed lives unless UPDATES_DIR says otherwise: beside the embedded database. */
export function defaultUpdatesDir(): string {
  return path.join(process.cwd(), '.data', 'updates');
}

/** The update feed's folder from the environment, as `npm run server` and its check read it. */
export function updatesDirFromEnv(env: NodeJS.ProcessEnv): string {
  return env.UPDATES_DIR ? path.resolve(env.UPDATES_DIR) : defaultUpdatesDir();
}
