import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/ids';
import { updateChannelSchema } from '../api/updates';

/** Why an update could not be checked, downloaded or installed; the UI words each. */
export const updateFailureSchema = z.enum([
  /** The downloaded file's SHA-512 differs from the feed's: refused, deleted, never installed. */
  'checksum',
  /** The server has no feed for this channel and platform. */
  'noFeed',
  /** The server refused its own feed because the files do not match it. */
  'feedInvalid',
  /** The server could not be reached or the transfer broke off. */
  'network',
  /** The installer could not be started. */
  'install',
  'unknown',
]);
export type UpdateFailure = z.infer<typeof updateFailureSchema>;

/** Where the desktop's update stands; a tagged union the status bar switches over. */
export const updateStateSchema = z.discriminatedUnion('kind', [
  /** Updates are not possible here (the browser host, an unpacked development build). */
  z.object({ kind: z.literal('disabled') }),
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('checking') }),
  z.object({ kind: z.literal('upToDate') }),
  z.object({
    kind: z.literal('downloading'),
    version: z.string(),
    /** 0–100, whole numbers. */
    percent: z.number().int().min(0).max(100),
  }),
  z.object({
    kind: z.literal('ready'),
    version: z.string(),
    /** The user agreed to install it when the app closes. */
    installOnQuit: z.boolean(),
  }),
  /** Closing waits for the outbox to empty before the installer runs. */
  z.object({
    kind: z.literal('waitingForSync'),
    version: z.string(),
    unsynced: z.number().int().min(0),
  }),
  z.object({ kind: z.literal('installing'), version: z.string() }),
  z.object({
    kind: z.literal('failed'),
    reason: updateFailureSchema,
    /** The version it was about, when known. */
    version: z.string().nullable(),
    message: z.string(),
  }),
]);
export type UpdateState = z.infer<typeof updateStateSchema>;

export const updateStatusSchema = z.object({
  currentVersion: z.string(),
  channel: updateChannelSchema,
  lastCheckedAt: isoDateTimeSchema.nullable(),
  state: updateStateSchema,
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;
