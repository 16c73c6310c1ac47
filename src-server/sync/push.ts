/**
 * Push: one database transaction per batch, one savepoint per intent.
 *
 * Why a batch shares a transaction: a transaction per intent cost about
 * eighteen statements and, on PostgreSQL, one durable commit each, which
 * held push to a tenth of the rate of plain INSERTs of the same rows. Most
 * of that work is per batch, not per intent: the client row is claimed and
 * locked once, the already-stored mutation ids are looked up in one query,
 * and the stored results, audit events and feed rows are written with
 * multi-row statements at the end, followed by the one commit.
 *
 * Why each intent is still atomic on its own: it runs inside a savepoint. A
 * refusal (a DomainError) rolls back only that savepoint; its `rejected`
 * result is still stored and the client's sequence still advances, so a bad
 * intent never blocks the ones behind it. A unique-key clash is caught
 * inside the savepoint too, which on PostgreSQL is what keeps the rest of
 * the batch's transaction usable after the failed statement.
 *
 * Why exactly once still holds: the response is sent only after the commit.
 * If the batch transaction itself fails (the database goes away, a bug),
 * nothing of the batch is committed, not even the sequence advance, and the
 * client sends the same mutation ids again. Concurrent pushes of one client
 * serialise on the client row's lock, and a repeat is answered from the
 * stored result.
 */
import type { Knex } from 'knex';
import { DomainError } from '../../shared/errors';
import type { ErrorBody } from '../../shared/errors';
import type { User } from '../../shared/domain/user';
import type { Mutation } from '../../shared/sync/mutations';
import type { PushResponse } from '../../shared/sync/protocol';
import type { MutationResult } from '../../shared/sync/results';
import type { AuditInput } from '../audit/record';
import { recordAudit } from '../audit/record';
import { insertRows, nowIso, rawRows, toNumber } from '../db/rows';
import type { Logger } from '../logger';
import { applyMutation } from '../registry/appliers';
import { assignRegistryCodes } from '../registry/registry-codes';
import type { PendingRegistryCode } from '../registry/registry-codes';
import type { ApplyContext } from '../registry/context';
import { writeFeedEntries } from './feed';
import type { FeedEntry } from './feed';
import { parseMutation } from './push-envelope';
import type { Envelope, PushEnvelope } from './push-envelope';

export { pushEnvelopeSchema } from './push-envelope';

export interface PushHooks {
  /**
   * Runs after a batch took its feed positions, just before its commit,
   * with the intents it applied (tests delay here).
   */
  beforeCommit?: (applied: readonly Mutation[]) => Promise<void>;
}

export interface PushDeps {
  db: Knex;
  logger: Logger;
  hooks?: PushHooks;
  /** Told the intents a batch applied once it committed (the duplicate detector). */
  afterCommit?: (applied: readonly Mutation[]) => void;
}

/** What a batch writes once its intents have run. */
interface BatchWrites {
  mutationRows: object[];
  audit: AuditInput[];
  feed: FeedEntry[];
  registryCodes: PendingRegistryCode[];
  applied: Mutation[];
}

/** Results already stored, by mutation id, with the client that sent each. */
type StoredResults = Map<string, { clientId: string; userId: string; json: string }>;

/** Applies a push batch in order, each intent atomic on its own (see above). */
export async function pushMutations(
  deps: PushDeps,
  user: User,
  request: PushEnvelope,
): Promise<PushResponse> {
  const { clientId } = request;
  const applied: Mutation[] = [];
  const response = await deps.db.transaction(async (trx) => {
    const claimedSeq = await claimClient(trx, clientId, user.id);
    const stored = await storedResults(
      trx,
      request.mutations.map((m) => m.mutationId),
    );
    const writes: BatchWrites = {
      mutationRows: [],
      audit: [],
      feed: [],
      registryCodes: [],
      applied: [],
    };
    const results: MutationResult[] = [];
    let lastSeq = claimedSeq;
    // What an intent that names an earlier one of this client reads (answer.ts).
    const earlierResult = async (mutationId: string) => {
      const earlier =
        stored.get(mutationId) ??
        (await storedResults(trx, [mutationId])).get(mutationId);
      return earlier?.clientId === clientId
        ? (JSON.parse(earlier.json) as MutationResult)
        : null;
    };

    for (const envelope of request.mutations) {
      const known = stored.get(envelope.mutationId);
      if (known?.clientId === clientId) {
        results.push(JSON.parse(known.json) as MutationResult);
        continue;
      }
      if (known?.userId === user.id && envelope.clientSeq <= lastSeq + 1) {
        // The same user's intent, stored under another of their client ids:
        // a desktop restored from a backup of another computer sends what
        // that computer may have sent already under a fresh id. It is the
        // same intent, so it gets the stored result, never a second run.
        lastSeq = Math.max(lastSeq, envelope.clientSeq);
        const result = JSON.parse(known.json) as MutationResult;
        results.push({ ...result, clientSeq: envelope.clientSeq });
        continue;
      }
      if (envelope.clientSeq > lastSeq + 1) break;
      if (envelope.clientSeq <= lastSeq) {
        results.push(sequenceReused(envelope, lastSeq));
        continue;
      }

      lastSeq = envelope.clientSeq;
      if (known) {
        // The id is another client's: its result row cannot be stored here.
        results.push(idTaken(envelope));
        continue;
      }
      const result = await runIntent(
        deps,
        trx,
        user,
        clientId,
        envelope,
        writes,
        earlierResult,
      );
      const json = JSON.stringify(result);
      writes.mutationRows.push({
        mutation_id: envelope.mutationId,
        client_id: clientId,
        client_seq: envelope.clientSeq,
        user_id: user.id,
        name: envelope.name,
        result: json,
        created_at: nowIso(),
      });
      stored.set(envelope.mutationId, { clientId, userId: user.id, json });
      results.push(result);
    }

    if (lastSeq !== claimedSeq) {
      await trx('clients').where('client_id', clientId).update({ last_seq: lastSeq });
    }
    await insertRows(trx, 'mutations', writes.mutationRows);
    // The counters go last, each held from here to the commit: registry
    // codes, then the audit chain head, then the feed (registry-codes.ts).
    await assignRegistryCodes(trx, writes.registryCodes);
    // On PostgreSQL this holds the audit chain head until commit, as the
    // feed write below holds the feed counter.
    await recordAudit(trx, writes.audit);
    // Last: from here to the commit the batch holds the feed lock (feed.ts).
    await writeFeedEntries(trx, writes.feed);
    if (writes.applied.length > 0) await deps.hooks?.beforeCommit?.(writes.applied);
    applied.push(...writes.applied);
    return { results, lastProcessedSeq: lastSeq };
  });
  if (applied.length > 0) deps.afterCommit?.(applied);
  return response;
}

/**
 * Claims the client id for this user, or finds it already theirs, and locks
 * its row until the batch commits: concurrent pushes of one client
 * serialise here. Returns the last sequence number processed.
 */
async function claimClient(
  trx: Knex.Transaction,
  clientId: string,
  userId: string,
): Promise<number> {
  const result: unknown = await trx.raw(
    'INSERT INTO clients (client_id, user_id, last_seq) VALUES (?, ?, 0) ' +
      'ON CONFLICT (client_id) DO UPDATE SET last_seq = clients.last_seq ' +
      'RETURNING user_id, last_seq',
    [clientId, userId],
  );
  const row = rawRows<{ user_id: string; last_seq: unknown }>(result)[0];
  if (row?.user_id !== userId) {
    throw new DomainError(
      'CLIENT_OWNED_BY_OTHER_USER',
      'This client id belongs to another user; sign in again to get a fresh one',
    );
  }
  return toNumber(row.last_seq);
}

async function storedResults(
  trx: Knex.Transaction,
  mutationIds: readonly string[],
): Promise<StoredResults> {
  const rows: Array<{
    mutation_id: string;
    client_id: string;
    user_id: string;
    result: string;
  }> = await trx('mutations')
    .whereIn('mutation_id', [...new Set(mutationIds)])
    .select('mutation_id', 'client_id', 'user_id', 'result');
  return new Map(
    rows.map((row) => [
      row.mutation_id,
      { clientId: row.client_id, userId: row.user_id, json: row.result },
    ]),
  );
}

/** Runs one intent in its own savepoint; a refusal becomes its rejected result. */
async function runIntent(
  deps: PushDeps,
  trx: Knex.Transaction,
  user: User,
  clientId: string,
  envelope: Envelope,
  writes: BatchWrites,
  earlierResult: ApplyContext['earlierResult'],
): Promise<MutationResult> {
  const { mutationId, clientSeq } = envelope;
  const parsed = parseMutation(envelope);
  let result: MutationResult;
  if ('error' in parsed) {
    result = { status: 'rejected', mutationId, clientSeq, error: parsed.error };
  } else {
    try {
      const { outcome, ctx } = await trx.transaction(async (savepoint) => {
        const context: ApplyContext = {
          trx: savepoint,
          user,
          mutationId,
          now: nowIso(),
          feed: [],
          audit: [],
          registryCodes: [],
          earlierResult,
        };
        return { outcome: await applyMutation(context, parsed.mutation), ctx: context };
      });
      result = { ...outcome, mutationId, clientSeq };
      writes.feed.push(...ctx.feed);
      writes.audit.push(...ctx.audit);
      writes.registryCodes.push(...ctx.registryCodes);
      writes.applied.push(parsed.mutation);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result = { status: 'rejected', mutationId, clientSeq, error: error.toBody() };
    }
  }
  deps.logger.info(
    { mutationId, clientId, name: envelope.name, status: result.status },
    'mutation processed',
  );
  return result;
}

function rejected(envelope: Envelope, error: ErrorBody): MutationResult {
  return {
    status: 'rejected',
    mutationId: envelope.mutationId,
    clientSeq: envelope.clientSeq,
    error,
  };
}

function sequenceReused(envelope: Envelope, lastSeq: number): MutationResult {
  return rejected(envelope, {
    code: 'SEQUENCE_GAP',
    message: `Sequence number ${envelope.clientSeq} was already used by another mutation of this client`,
    fields: [{ path: 'clientSeq', message: `must be ${lastSeq + 1}` }],
  });
}

function idTaken(envelope: Envelope): MutationResult {
  return rejected(envelope, {
    code: 'ALREADY_EXISTS',
    message: 'This mutation id was already used by another client',
    fields: [{ path: 'mutationId', message: 'already used' }],
  });
}
