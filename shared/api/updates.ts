import { z } from 'zod';

/**
 * The update feed the central server publishes for DXER Desktop: one folder
 * per channel holding electron-builder's output. Shared so the server, its
 * check command and the desktop agree on channels and on what a feed says.
 */

/** Stable is what every desktop gets; beta is for the few who try a release first. */
export const updateChannels = ['stable', 'beta'] as const;
export const updateChannelSchema = z.enum(updateChannels);
export type UpdateChannel = z.infer<typeof updateChannelSchema>;
export const DEFAULT_UPDATE_CHANNEL: UpdateChannel = 'stable';

/**
 * A file the feed may serve: a plain name in the channel's folder, never a
 * path. Letters, digits, dot, dash and underscore, not starting with a dot,
 * so neither "..", a hidden file nor a separator can name anything else.
 */
export const updateFileNameSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/u, 'a plain file name')
  .refine((name) => !name.includes('..'), 'a plain file name');

/** One installer or archive listed in a latest*.yml, as electron-builder writes it. */
export const updateFeedFileSchema = z.object({
  url: z.string().min(1),
  /** Base64 SHA-512 of the file; the desktop refuses a download that differs. */
  sha512: z.string().min(1),
  size: z.number().int().min(0).optional(),
});

/** The parts of a latest.yml, latest-linux.yml or latest-mac.yml the check reads. */
export const updateFeedInfoSchema = z.object({
  version: z.string().min(1),
  files: z.array(updateFeedFileSchema).min(1),
  /** The legacy single-file fields electron-builder still writes beside `files`. */
  path: z.string().optional(),
  sha512: z.string().optional(),
  releaseDate: z.string().optional(),
});
export type UpdateFeedInfo = z.infer<typeof updateFeedInfoSchema>;

/** Whether a feed file name is one of electron-builder's channel files (latest.yml and kin). */
export function isChannelFile(name: string): boolean {
  return /^[A-Za-z0-9_-]+\.yml$/u.test(name);
}
