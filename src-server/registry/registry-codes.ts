import type { Knex } from 'knex';
import { rawRows, toNumber } from '../db/rows';
import type { AuditInput } from '../audit/record';

/** A service created in this batch that still carries its provisional code. */
export interface PendingRegistryCode {
  serviceId: string;
  /** The creation's audit entry, whose details name the code. */
  audit: AuditInput;
}

/** "XID-000123" for 123. */
export function formatRegistryCode(value: number): string {
  return `XID-${String(value).padStart(6, '0')}`;
}

/**
 * Takes `count` consecutive registry code numbers and returns the first.
 * The counter row stays locked until the caller's transaction commits.
 */
export async function takeRegistryCodes(
  trx: Knex.Transaction,
  count: number,
): Promise<number> {
  if (count === 0) return 0;
  const result: unknown = await trx.raw(
    'UPDATE registry_code_counter SET value = value + ? WHERE id = 1 RETURNING value',
    [count],
  );
  return toNumber(rawRows<{ value: unknown }>(result)[0]?.value) - count + 1;
}

/**
 * The code a new service carries until its batch assigns the real one: the
 * service id's 32 hex digits, unique as the id is and never of the
 * "XID-000123" form, and never committed (the batch replaces it first).
 */
export function provisionalRegistryCode(serviceId: string): string {
  return serviceId.replaceAll('-', '');
}

/**
 * Gives the services a push batch created their "XID-000123" codes, in the
 * order they were created, and names each in its audit entry.
 *
 * Why at the end of the batch: the codes come from one counter row, and
 * whoever updates it holds its row lock until commit. Taken inside each
 * service.create, the lock was held for the rest of the batch, so every
 * batch that created a service waited for the whole of the one before it,
 * on every instance; under 200 desktops most connections sat waiting on that
 * row. Taken here, one statement for the batch, the lock is held only for
 * the last writes, as the audit head and the feed counter are (in that
 * order: counter, audit head, feed, in every writer, so they cannot
 * deadlock). Codes stay gapless: a refused create rolls back its savepoint
 * before it asks for one.
 */
export async function assignRegistryCodes(
  trx: Knex.Transaction,
  pending: readonly PendingRegistryCode[],
): Promise<void> {
  if (pending.length === 0) return;
  const first = await takeRegistryCodes(trx, pending.length);
  for (const [index, { serviceId, audit }] of pending.entries()) {
    const registryCode = formatRegistryCode(first + index);
    await trx('services').where('id', serviceId).update({ registry_code: registryCode });
    audit.details = { ...audit.details, registryCode };
  }
}
