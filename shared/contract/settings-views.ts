import { z } from 'zod';
import { updateChannelSchema } from '../api/updates';

/** The parts of a WHATWG URL the server address check reads. */
interface ParsedUrl {
  protocol: string;
  hostname: string;
  port: string;
  username: string;
  password: string;
  pathname: string;
  search: string;
  hash: string;
  origin: string;
}

/**
 * The WHATWG URL parser that Node and Chromium both provide. shared/ is
 * compiled without DOM or Node types (it must run in every process), so the
 * global is declared here rather than checked with string tests.
 */
const WhatwgUrl = (globalThis as unknown as { URL: new (input: string) => ParsedUrl })
  .URL;

/**
 * The server address as main keeps it: an http or https origin. The API's
 * paths are absolute ("/api/v1/…"), so a path, query or fragment would be
 * dropped without a word; they are refused instead of silently ignored.
 * Accepted addresses are normalised to their origin ("https://dxer.az").
 */
export const serverUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the server address')
  .max(500, 'The server address is too long')
  .transform((value, context) => {
    let url: ParsedUrl;
    try {
      url = new WhatwgUrl(value);
    } catch {
      context.addIssue({
        code: 'custom',
        message:
          'Not a web address: write it as https://host or http://host:port (port 1–65535)',
      });
      return z.NEVER;
    }
    const problem = serverUrlProblem(url);
    if (problem) {
      context.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return url.origin;
  });

function serverUrlProblem(url: ParsedUrl): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'The server address must start with http:// or https://';
  if (url.hostname === '') return 'The server address needs a host name';
  if (url.username !== '' || url.password !== '')
    return 'The server address must not carry a user name or password';
  if (url.port === '0') return 'The port must be between 1 and 65535';
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '')
    return 'The server address is the host and port only, without a path';
  return null;
}

// Which releases the updater offers, as the server's update feed names them.
export { updateChannelSchema } from '../api/updates';
export type { UpdateChannel } from '../api/updates';

/** Everything the settings screen shows. */
export const settingsViewSchema = z.object({
  language: z.enum(['az', 'en', 'ru']),
  serverUrl: z.string(),
  updateChannel: updateChannelSchema,
  /** The folder the local store lives in. */
  dataFolder: z.string(),
  /** The database file with its write-ahead log, in bytes. */
  databaseBytes: z.number().int().nonnegative(),
  /** Local changes not yet accepted by the server (pending, sending, rejected, in conflict). */
  unsyncedChanges: z.number().int().nonnegative(),
  /** Whether main can open the data folder in the platform's file manager. */
  canOpenDataFolder: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** A backup written where the user chose. */
export const backupResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), filePath: z.string(), bytes: z.number().int() }),
  z.object({ kind: z.literal('cancelled') }),
  /** The chosen file exists and overwrite was not asked for: nothing was written. */
  z.object({ kind: z.literal('exists'), filePath: z.string() }),
]);
export type BackupResult = z.infer<typeof backupResultSchema>;

/** What a backup file holds, read before anything is replaced. */
export const backupSummarySchema = z.object({
  filePath: z.string(),
  bytes: z.number().int(),
  serverUrl: z.string().nullable(),
  userName: z.string().nullable(),
  services: z.number().int(),
  unsyncedChanges: z.number().int(),
  /** Migrations this app has that the backup lacks: applied when it is restored. */
  migrationsToApply: z.number().int(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

/** What restoring the backup would cost; each needs the user's confirmation. */
export const restoreWarningsSchema = z.object({
  /** Unsynced changes on this computer that the restore replaces (kept in the safety copy). */
  unsyncedChangesReplaced: z.number().int(),
  isOtherServer: z.boolean(),
  isOtherUser: z.boolean(),
});
export type RestoreWarnings = z.infer<typeof restoreWarningsSchema>;

export const backupInspectionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ready'),
    backup: backupSummarySchema,
    warnings: restoreWarningsSchema,
  }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type BackupInspection = z.infer<typeof backupInspectionSchema>;

export const restoreResultSchema = z.object({
  kind: z.literal('restored'),
  filePath: z.string(),
  /** The database as it was just before the restore, kept so nothing is lost. */
  safetyCopyPath: z.string(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/** A path the user chose (to confirm an overwrite or a restore); absent asks where. */
export const chosenPathSchema = z.string().min(1).max(4000);
