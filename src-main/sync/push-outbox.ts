import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Mutation } from '../../shared/sync/mutations';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { MutationResult } from '../../shared/sync/results';
import { claimBatch, updateOutboxEntry } from '../local-store/outbox-table';
import type { OutboxRecord, OutboxState } from '../local-store/outbox-table';
import type { ServerApi } from './server-api';
import { ServerCallError } from './server-api';

/** Entries per push request. */
export const PUSH_BATCH_SIZE = 100;

const stateOfResult: Record<MutationResult['status'], OutboxState> = {
  applied: 'applied',
  rejected: 'rejected',
  conflict: 'conflict',
};

export interface PushContext {
  db: Knex;
  api: ServerApi;
  clientId: string;
  log: Logger;
  /** Moves what is left to send under a fresh client id when the server lacks part of our sequence. */
  renumber: () => Promise<string>;
  onProgress: () => Promise<void>;
}

/**
 * Pushes the outbox in sequence order, batch by batch, until nothing is left
 * to send. Each entry is marked sending (attempt counted) as its batch is
 * taken, before its request leaves; a lost answer leaves it sending, and it is simply sent again: the
 * server answers a repeated mutation id with the result it stored.
 */
export async function pushOutbox(context: PushContext): Promise<void> {
  let clientId = context.clientId;
  let batchSize = PUSH_BATCH_SIZE;
  for (;;) {
    const batch = await claimBatch(context.db, clientId, batchSize);
    if (batch.length === 0) return;

    const mutations = envelopes(batch);

    let response;
    try {
      response = await context.api.push({
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        clientId,
        mutations,
      });
    } catch (error) {
      if (!(error instanceof ServerCallError) || error.status !== 400) throw error;
      // A refused request names no entry: send one at a time to find the culprit.
      if (batch.length > 1) {
        batchSize = 1;
        continue;
      }
      const [entry] = batch;
      if (entry)
        await rejectLocally(context, entry, error.body?.message ?? error.message);
      continue;
    }
    batchSize = PUSH_BATCH_SIZE;

    await recordResults(context.db, batch, response.results);
    await context.onProgress();
    if (response.results.length < batch.length) {
      const unanswered = batch.filter(
        (entry) =>
          !response.results.some((result) => result.mutationId === entry.mutationId),
      );
      const first = unanswered[0];
      if (first && first.clientSeq > response.lastProcessedSeq + 1) {
        context.log.warn(
          { clientSeq: first.clientSeq, lastProcessedSeq: response.lastProcessedSeq },
          'the server lost part of our sequence; renumbering what is left to send',
        );
        clientId = await context.renumber();
      } else if (response.results.length === 0) {
        throw new ServerCallError(
          'transient',
          'The server processed none of the batch',
          null,
          null,
        );
      }
    }
  }
}

/**
 * The mutations of a batch, as stored. They are not checked again here: the
 * server checks each one's arguments on its turn and stores a rejection for
 * a malformed one, whereas refusing it locally would leave a hole in the
 * sequence that blocks every entry behind it.
 */
function envelopes(batch: readonly OutboxRecord[]): Mutation[] {
  return batch.map(
    (entry) =>
      ({
        mutationId: entry.mutationId,
        clientSeq: entry.clientSeq,
        name: entry.name,
        args: entry.args,
      }) as Mutation,
  );
}

async function rejectLocally(context: PushContext, entry: OutboxRecord, message: string) {
  context.log.warn(
    { mutationId: entry.mutationId, message },
    'the server refused an entry',
  );
  // Its sequence number stays unused on the server; the gap this leaves is
  // healed on the next push by renumbering what is left to send.
  await updateOutboxEntry(context.db, entry.id, {
    state: 'rejected',
    result: {
      status: 'rejected',
      mutationId: entry.mutationId,
      clientSeq: entry.clientSeq,
      error: { code: 'VALIDATION_FAILED', message, fields: [] },
    },
  });
}

/** Records each result on its entry; entries the server did not reach go back to pending. */
async function recordResults(
  db: Knex,
  batch: readonly OutboxRecord[],
  results: readonly MutationResult[],
): Promise<void> {
  const byMutation = new Map(results.map((result) => [result.mutationId, result]));
  await db.transaction(async (trx) => {
    for (const entry of batch) {
      const result = byMutation.get(entry.mutationId);
      if (!result) {
        await updateOutboxEntry(trx, entry.id, { state: 'pending' });
        continue;
      }
      await updateOutboxEntry(trx, entry.id, {
        state: stateOfResult[result.status],
        result,
      });
    }
  });
}
