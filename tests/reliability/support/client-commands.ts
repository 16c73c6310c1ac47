import type { OutboxEntry, SyncStatus } from '../../../shared/contract/sync-status';
import type { ServiceDetail } from '../../../shared/contract/views';

/** What the fault driver asks the desktop child to do, one line each. */
export type ChildCommand =
  | { op: 'login'; username: string }
  | { op: 'save'; serviceId: string; description: string }
  | { op: 'submit'; serviceId: string }
  | { op: 'withdraw'; serviceId: string }
  | { op: 'sync' }
  | { op: 'outbox' }
  | { op: 'dismiss'; entryId: number }
  | { op: 'view'; serviceIds: string[] }
  | { op: 'list' };

/** The child's answer; a refused command answers ok: false with the error's code. */
export type ChildReply =
  | {
      ok: true;
      ready?: true;
      /** After an intent: the outbox entry that now holds it (null when it folded away). */
      mutationId?: string | null;
      /** After a save: unsent entries it emptied and dropped. */
      dropped?: string[];
      /** After an intent: the status the editor now shows. */
      draftStatus?: string;
      status?: SyncStatus;
      outbox?: OutboxEntry[];
      details?: ServiceDetail[];
      ids?: string[];
    }
  | { ok: false; error: string; code: string | null };
