import type { Knex } from 'knex';
import { z } from 'zod';
import { DomainError, fieldErrorsFromZod } from '../../shared/errors';
import type { ErrorBody } from '../../shared/errors';
import { idSchema } from '../../shared/domain/ids';
import type { User } from '../../shared/domain/user';
import { mutationSchema } from '../../shared/sync/mutations';
import type { Mutation } from '../../shared/sync/mutations';
import { MAX_PUSH_BATCH, pushRequestSchema } from '../../shared/sync/protocol';
import type { PushResponse } from '../../shared/sync/protocol';
import type { MutationResult } from '../../shared/sync/results';
import { recordAudit } from '../audit/record';
import { firstRow, nowIso, toNumber } from '../db/rows';
import type { Logger } from '../logger';
import { applyMutation } from '../registry/appliers';
import type { ApplyContext } from '../registry/context';
import { writeFeedEntries } from './feed';

/**
 * The batch is checked as envelopes only (id, sequence, name). Each
 * mutation's arguments are checked when its turn comes, so a malformed one
 * becomes a stored rejection instead of a 400 that would wedge the queue
 * behind it forever.
 */
const envelopeSchema = z.object({
  mutationId: idSchema,
  clientSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  name: z.string().min(1).max(64),
  args: z.unknown(),
});
export const pushEnvelopeSchema = pushRequestSchema.extend({
  mutations: z.array(envelopeSchema).min(1).max(MAX_PUSH_BATCH),
});
type Envelope = z.infer<typeof envelopeSchema>;

export interface PushHooks {
  /** Runs after a mutation took its feed positions, before its commit (tests delay here). */
  beforeCommit?: (mutation: Mutation) => Promise<void>;
}

export interface PushDeps {
  db: Knex;
  logger: Logger;
  hooks?: PushHooks;
}

type Step = { kind: 'result'; json: string } | { kind: 'gap' };

/** Applies a push batch in order, each mutation in its own transaction. */
export async function pushMutations(
  deps: PushDeps,
  user: User,
  request: z.infer<typeof pushEnvelopeSchema>,
): Promise<PushResponse> {
  await claimClient(deps.db, request.clientId, user.id);
  const results: MutationResult[] = [];
  for (const envelope of request.mutations) {
    const step = await deps.db.transaction((trx) =>
      processOne(deps, trx, user, request.clientId, envelope),
    );
    if (step.kind === 'gap') break;
    results.push(JSON.parse(step.json) as MutationResult);
  }
  const client = await firstRow<{ last_seq: unknown }>(
    deps.db('clients').where('client_id', request.clientId).select('last_seq'),
  );
  return { results, lastProcessedSeq: toNumber(client?.last_seq ?? 0) };
}

/** A client id belongs to the first user who pushes with it. */
async function claimClient(db: Knex, clientId: string, userId: string): Promise<void> {
  await db('clients')
    .insert({ client_id: clientId, user_id: userId, last_seq: 0 })
    .onConflict('client_id')
    .ignore();
  const owner = await firstRow<{ user_id: string }>(
    db('clients').where('client_id', clientId).select('user_id'),
  );
  if (owner?.user_id !== userId) {
    throw new DomainError(
      'CLIENT_OWNED_BY_OTHER_USER',
      'This client id belongs to another user; sign in again to get a fresh one',
    );
  }
}

async function processOne(
  deps: PushDeps,
  trx: Knex.Transaction,
  user: User,
  clientId: string,
  envelope: Envelope,
): Promise<Step> {
  // Lock the client row first: concurrent pushes of one client serialise here.
  await trx('clients')
    .where('client_id', clientId)
    .update({ last_seq: trx.raw('last_seq') });
  const client = await firstRow<{ last_seq: unknown }>(
    trx('clients').where('client_id', clientId).select('last_seq'),
  );
  const lastSeq = toNumber(client?.last_seq ?? 0);
  const { mutationId, clientSeq } = envelope;

  const stored = await firstRow<{ client_id: string; result: string }>(
    trx('mutations').where('mutation_id', mutationId).select('client_id', 'result'),
  );
  if (stored && stored.client_id === clientId) {
    return { kind: 'result', json: stored.result };
  }
  if (clientSeq > lastSeq + 1) return { kind: 'gap' };
  if (clientSeq <= lastSeq) {
    return rejectedStep(envelope, {
      code: 'SEQUENCE_GAP',
      message: `Sequence number ${clientSeq} was already used by another mutation of this client`,
      fields: [{ path: 'clientSeq', message: `must be ${lastSeq + 1}` }],
    });
  }

  await trx('clients').where('client_id', clientId).update({ last_seq: clientSeq });
  if (stored) {
    return rejectedStep(envelope, {
      code: 'ALREADY_EXISTS',
      message: 'This mutation id was already used by another client',
      fields: [{ path: 'mutationId', message: 'already used' }],
    });
  }

  const log = deps.logger.child({ mutationId, clientId, name: envelope.name });
  const parsed = parseMutation(envelope);
  let result: MutationResult;
  let ctx: ApplyContext | undefined;
  if ('error' in parsed) {
    result = { status: 'rejected', mutationId, clientSeq, error: parsed.error };
  } else {
    try {
      // A savepoint: a refusal undoes the intent's writes but keeps the
      // sequence advance, so a rejection never blocks the queue.
      ({ result, ctx } = await trx.transaction(async (savepoint) => {
        const context = newContext(savepoint, user, mutationId);
        const outcome = await applyMutation(context, parsed.mutation);
        return { result: { ...outcome, mutationId, clientSeq }, ctx: context };
      }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result = { status: 'rejected', mutationId, clientSeq, error: error.toBody() };
    }
  }
  log.info({ status: result.status }, 'mutation processed');

  const json = JSON.stringify(result);
  await trx('mutations').insert({
    mutation_id: mutationId,
    client_id: clientId,
    client_seq: clientSeq,
    user_id: user.id,
    name: envelope.name,
    result: json,
    created_at: nowIso(),
  });
  if (ctx) {
    await recordAudit(trx, ctx.audit);
    await writeFeedEntries(trx, ctx.feed);
    if (!('error' in parsed)) await deps.hooks?.beforeCommit?.(parsed.mutation);
  }
  return { kind: 'result', json };
}

function newContext(trx: Knex.Transaction, user: User, mutationId: string): ApplyContext {
  return { trx, user, mutationId, now: nowIso(), feed: [], audit: [] };
}

function rejectedStep(envelope: Envelope, error: ErrorBody): Step {
  const result: MutationResult = {
    status: 'rejected',
    mutationId: envelope.mutationId,
    clientSeq: envelope.clientSeq,
    error,
  };
  return { kind: 'result', json: JSON.stringify(result) };
}

function parseMutation(
  envelope: Envelope,
): { mutation: Mutation } | { error: ErrorBody } {
  const parsed = mutationSchema.safeParse(envelope);
  if (parsed.success) return { mutation: parsed.data };
  const fields = fieldErrorsFromZod(parsed.error);
  const onlyRemarks =
    fields.length > 0 && fields.every((field) => field.path === 'args.remarks');
  if (envelope.name === 'service.decide' && onlyRemarks) {
    return {
      error: {
        code: 'REMARKS_REQUIRED',
        message: 'Returning a submission needs remarks',
        fields,
      },
    };
  }
  return {
    error: {
      code: 'VALIDATION_FAILED',
      message: `Invalid ${envelope.name} mutation`,
      fields,
    },
  };
}
