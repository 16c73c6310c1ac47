import fs from 'node:fs';
import { updateChannels } from '../../shared/api/updates';
import type { Logger } from '../logger';
import { checkUpdatesFolder, describeReport } from './feed-check';
import { updatesDirFromEnv } from './updates-dir';

/** How `npm run updates:check` ends: every feed matches, one does not, or nothing was checked. */
export const EXIT_FEED_OK = 0;
export const EXIT_FEED_BAD = 1;
export const EXIT_FEED_NOT_CHECKED = 2;

const USAGE =
  'usage: npm run updates:check (takes no arguments; the folder comes from UPDATES_DIR, ' +
  'as for npm run server)';

export interface CheckCommandDeps {
  env: NodeJS.ProcessEnv;
  args: readonly string[];
  logger: Logger;
  /** Where each verdict line goes. */
  print: (line: string) => void;
}

/**
 * Hashes every file each latest*.yml of each channel lists and prints one
 * line per channel file; returns the exit code. An administrator runs it
 * after copying a release in, before any desktop asks.
 */
export async function runUpdatesCheck(deps: CheckCommandDeps): Promise<number> {
  const { print, logger } = deps;
  if (deps.args.length > 0) {
    print(USAGE);
    return EXIT_FEED_NOT_CHECKED;
  }
  const updatesDir = updatesDirFromEnv(deps.env);
  if (!fs.existsSync(updatesDir)) {
    print(`update feed not checked: no folder ${updatesDir}`);
    return EXIT_FEED_NOT_CHECKED;
  }
  const reports = await checkUpdatesFolder(updatesDir);
  if (reports.length === 0) {
    print(
      `update feed not checked: no latest*.yml in ${updateChannels.map((c) => `${c}/`).join(' or ')} of ${updatesDir}`,
    );
    return EXIT_FEED_NOT_CHECKED;
  }
  for (const report of reports) {
    if (report.problems.length > 0) {
      logger.error({ ...report }, 'update feed does not match its files');
    }
    print(describeReport(report));
  }
  return reports.some((report) => report.problems.length > 0)
    ? EXIT_FEED_BAD
    : EXIT_FEED_OK;
}
