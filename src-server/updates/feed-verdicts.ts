import fs from 'node:fs';
import path from 'node:path';
import type { UpdateChannel } from '../../shared/api/updates';
import { checkFeedFile } from './feed-check';
import type { FeedFileReport } from './feed-check';

/**
 * Verdicts on channel files, kept until anything in the channel's folder
 * changes (a name, a size or a modification time), so a desktop's daily
 * check does not hash every installer again.
 *
 * Known shortcoming: a file altered in place with its size and modification
 * time kept is not noticed until the server restarts or the folder changes.
 * It costs at most a wasted download: the desktop checks the SHA-512 itself
 * and refuses the file. `npm run updates:check` always hashes everything.
 */
export function feedFileVerdicts() {
  const cache = new Map<string, { signature: string; report: FeedFileReport }>();

  async function folderSignature(channelDir: string): Promise<string> {
    const names = (await fs.promises.readdir(channelDir)).sort();
    const parts = await Promise.all(
      names.map(async (name) => {
        const stat = await fs.promises
          .stat(path.join(channelDir, name))
          .catch(() => null);
        return `${name}:${stat?.size ?? '-'}:${stat?.mtimeMs ?? '-'}`;
      }),
    );
    return parts.join('|');
  }

  return {
    async check(
      channel: UpdateChannel,
      channelDir: string,
      feedFile: string,
    ): Promise<FeedFileReport> {
      const key = `${channel}/${feedFile}`;
      const signature = await folderSignature(channelDir);
      const cached = cache.get(key);
      if (cached?.signature === signature) return cached.report;
      const report = await checkFeedFile(channel, channelDir, feedFile);
      cache.set(key, { signature, report });
      return report;
    },
  };
}
