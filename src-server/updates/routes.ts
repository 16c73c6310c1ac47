import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  isChannelFile,
  updateChannelSchema,
  updateFileNameSchema,
} from '../../shared/api/updates';
import type { UpdateChannel } from '../../shared/api/updates';
import { DomainError } from '../../shared/errors';
import type { Logger } from '../logger';
import { parseByteRange } from './byte-range';
import { feedFileVerdicts } from './feed-verdicts';
import { feedContentType } from './content-types';

export interface UpdateFeedDeps {
  /** The folder an administrator fills, one subfolder per channel. */
  updatesDir: string;
  logger: Logger;
}

/**
 * `GET /updates/:channel/:file`: electron-builder's output for a channel,
 * read-only and without signing in (a desktop checks before anyone signs
 * in, and installers hold nothing secret). Only plain names inside the
 * channel's folder are served; a channel file (latest*.yml) whose installers
 * do not match it is refused, so no desktop downloads what it would reject.
 */
export function registerUpdateFeedRoutes(
  app: FastifyInstance,
  deps: UpdateFeedDeps,
): void {
  const log = deps.logger;
  const verdicts = feedFileVerdicts();

  app.get<{ Params: { channel: string; file: string } }>(
    '/updates/:channel/:file',
    async (request, reply) => {
      const { channel, file } = parseParams(request.params);
      const channelDir = path.join(deps.updatesDir, channel);
      const found = await resolveInside(channelDir, file);
      if (!found) {
        throw new DomainError('NOT_FOUND', `No ${file} in the ${channel} update channel`);
      }

      if (isChannelFile(file)) {
        const report = await verdicts.check(channel, channelDir, file);
        if (report.problems.length > 0) {
          log.error({ channel, file, problems: report.problems }, 'update feed refused');
          throw new DomainError(
            'UPDATE_FEED_INVALID',
            `The ${channel} update feed does not match its files; an administrator must publish it again`,
            report.problems.map((p) => ({ path: p.file, message: p.problem })),
          );
        }
      }
      return sendFile(reply, found, file, request.headers.range);
    },
  );
}

function parseParams(params: { channel: string; file: string }): {
  channel: UpdateChannel;
  file: string;
} {
  const file = updateFileNameSchema.safeParse(params.file);
  const isPlainChannel = updateFileNameSchema.safeParse(params.channel).success;
  if (!isPlainChannel || !file.success) {
    throw new DomainError('VALIDATION_FAILED', 'Update files are named by plain names', [
      ...(isPlainChannel ? [] : [{ path: 'channel', message: 'a plain name' }]),
      ...(file.success ? [] : [{ path: 'file', message: 'a plain file name' }]),
    ]);
  }
  const channel = updateChannelSchema.safeParse(params.channel);
  if (!channel.success) {
    throw new DomainError('NOT_FOUND', `No update channel ${params.channel}`);
  }
  return { channel: channel.data, file: file.data };
}

/** The file's real path when it is a regular file inside the folder (symlinks resolved), else null. */
async function resolveInside(dir: string, name: string): Promise<string | null> {
  try {
    const [realDir, realFile] = await Promise.all([
      fs.promises.realpath(dir),
      fs.promises.realpath(path.join(dir, name)),
    ]);
    const relative = path.relative(realDir, realFile);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      return null;
    }
    if (relative.includes(path.sep)) return null;
    return (await fs.promises.stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

async function sendFile(
  reply: FastifyReply,
  fullPath: string,
  name: string,
  rangeHeader: string | undefined,
) {
  const stat = await fs.promises.stat(fullPath);
  const range = parseByteRange(rangeHeader, stat.size);
  void reply
    .header('content-type', feedContentType(name))
    .header('accept-ranges', 'bytes')
    .header('last-modified', stat.mtime.toUTCString())
    // An administrator may republish under the same name; clients always ask again.
    .header('cache-control', 'no-cache');
  if (range === 'unsatisfiable') {
    return reply.status(416).header('content-range', `bytes */${stat.size}`).send();
  }
  if (range === 'whole') {
    return reply.header('content-length', stat.size).send(fs.createReadStream(fullPath));
  }
  return reply
    .status(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${stat.size}`)
    .header('content-length', range.end - range.start + 1)
    .send(fs.createReadStream(fullPath, { start: range.start, end: range.end }));
}
