import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  isChannelFile,
  updateChannels,
  updateFeedInfoSchema,
  updateFileNameSchema,
} from '../../shared/api/updates';
import type { UpdateChannel } from '../../shared/api/updates';

// electron-builder writes latest*.yml with js-yaml, which electron-updater
// (a dependency) brings along; it ships no ESM entry or types, hence require.
const require = createRequire(import.meta.url);
const { load: loadYaml } = require('js-yaml') as { load: (text: string) => unknown };

/** What is wrong with one file a channel file lists. */
export interface FeedProblem {
  file: string;
  problem:
    | 'unreadable-feed'
    | 'not-a-plain-name'
    | 'missing'
    | 'size-mismatch'
    | 'sha512-mismatch';
  detail: string;
}

/** The verdict on one latest*.yml: the version it announces and what does not match. */
export interface FeedFileReport {
  channel: UpdateChannel;
  feedFile: string;
  version: string | null;
  files: string[];
  problems: FeedProblem[];
}

/** Base64 SHA-512 of a file, as electron-builder records it; streamed, installers are large. */
export async function fileSha512(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/**
 * Checks one channel file against the folder it sits in: every file it
 * lists must be there under a plain name, with the size and SHA-512 it
 * states. The desktop verifies the SHA-512 itself and refuses a mismatch;
 * this check lets an administrator see it before any desktop downloads.
 */
export async function checkFeedFile(
  channel: UpdateChannel,
  channelDir: string,
  feedFile: string,
): Promise<FeedFileReport> {
  const report: FeedFileReport = {
    channel,
    feedFile,
    version: null,
    files: [],
    problems: [],
  };
  let parsed;
  try {
    parsed = updateFeedInfoSchema.safeParse(
      loadYaml(await fs.promises.readFile(path.join(channelDir, feedFile), 'utf8')),
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    report.problems.push({ file: feedFile, problem: 'unreadable-feed', detail });
    return report;
  }
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`)
      .join('; ');
    report.problems.push({ file: feedFile, problem: 'unreadable-feed', detail });
    return report;
  }

  const info = parsed.data;
  report.version = info.version;
  const listed = [...info.files];
  // The legacy `path`/`sha512` pair names the main file again; check it too if it differs.
  if (info.path && info.sha512 && !listed.some((file) => file.url === info.path)) {
    listed.push({ url: info.path, sha512: info.sha512 });
  }
  for (const entry of listed) {
    report.files.push(entry.url);
    report.problems.push(...(await checkListedFile(channelDir, entry)));
  }
  return report;
}

async function checkListedFile(
  channelDir: string,
  entry: { url: string; sha512: string; size?: number | undefined },
): Promise<FeedProblem[]> {
  const file = entry.url;
  if (!updateFileNameSchema.safeParse(file).success) {
    return [
      {
        file,
        problem: 'not-a-plain-name',
        detail: 'the server serves only plain file names from the channel folder',
      },
    ];
  }
  const fullPath = path.join(channelDir, file);
  const stat = await fs.promises.stat(fullPath).catch(() => null);
  if (!stat?.isFile()) {
    return [{ file, problem: 'missing', detail: 'not in the channel folder' }];
  }
  if (entry.size !== undefined && entry.size !== stat.size) {
    return [
      {
        file,
        problem: 'size-mismatch',
        detail: `listed as ${entry.size} bytes, the file has ${stat.size}`,
      },
    ];
  }
  const actual = await fileSha512(fullPath);
  if (actual !== entry.sha512) {
    return [
      {
        file,
        problem: 'sha512-mismatch',
        detail: `listed sha512 ${entry.sha512.slice(0, 16)}…, the file has ${actual.slice(0, 16)}…`,
      },
    ];
  }
  return [];
}

/** Checks every channel file of every channel folder under the updates folder. */
export async function checkUpdatesFolder(updatesDir: string): Promise<FeedFileReport[]> {
  const reports: FeedFileReport[] = [];
  for (const channel of updateChannels) {
    const channelDir = path.join(updatesDir, channel);
    const names = await fs.promises.readdir(channelDir).catch(() => [] as string[]);
    for (const name of names.filter(isChannelFile).sort()) {
      reports.push(await checkFeedFile(channel, channelDir, name));
    }
  }
  return reports;
}

/** One line per channel file: OK with its version, or each problem named. */
export function describeReport(report: FeedFileReport): string {
  const where = `${report.channel}/${report.feedFile}`;
  if (report.problems.length === 0) {
    return `OK ${where}: version ${report.version ?? '?'} (${report.files.join(', ')})`;
  }
  const problems = report.problems
    .map((p) => `${p.file} ${p.problem} (${p.detail})`)
    .join('; ');
  return `BAD ${where}: ${problems}`;
}
