import { serverUrlSchema } from '../../shared/contract/settings-views';

/** Where a fresh installation looks for the server until the user sets one. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/**
 * The server address given for this run, for tests and `npm start`:
 * `--server-url=…` on the command line, else DXER_SERVER_URL. Main applies
 * it as the server setting at start, by the same rules as a change made in
 * the settings screen. A malformed one stops the start with a clear message
 * rather than be ignored.
 */
export function serverUrlOverride(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const flag = argv.find((argument) => argument.startsWith('--server-url='));
  const raw = flag ? flag.slice('--server-url='.length) : env.DXER_SERVER_URL;
  if (raw === undefined || raw === '') return undefined;
  const parsed = serverUrlSchema.safeParse(raw);
  if (!parsed.success) {
    const source = flag ? '--server-url' : 'DXER_SERVER_URL';
    throw new Error(
      `${source} "${raw}" is not a server address: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
