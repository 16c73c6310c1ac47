import type { Knex } from 'knex';
import { DomainError } from '../../shared/errors';
import { isUniqueViolation } from '../db/rows';

/**
 * Runs an INSERT (returning what it returns) and turns a unique-key clash into an ALREADY_EXISTS refusal
 * naming the field, instead of reading ahead to check. Appliers run inside a
 * savepoint, so on PostgreSQL the refusal also undoes the failed statement
 * that aborted it.
 */
export async function insertOrRefuse(
  insert: Knex.QueryBuilder | Knex.Raw,
  path: string,
  message: string,
): Promise<unknown> {
  try {
    return (await insert) as unknown;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError('ALREADY_EXISTS', message, [{ path, message: 'already used' }]);
  }
}
