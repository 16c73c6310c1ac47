import type { Knex } from 'knex';
import { DomainError } from '../../shared/errors';
import type { Methodology } from '../../shared/index/methodology';
import { exists, firstRow, toNumber } from '../db/rows';
import { insertOrRefuse } from '../registry/insert-or-refuse';
import type { FeedEntry } from '../sync/feed';
import { methodologyFromRow, methodologyToRow } from './rows';
import type { MethodologyRow } from './rows';

/** Methodology versions: stored, edited until frozen, frozen by the first answer. */

type Db = Knex | Knex.Transaction;

/** Every signed-in role reads methodologies. */
export function methodologyFeed(id: string): FeedEntry {
  return { entityType: 'methodology', entityId: id, agencyId: null, isPublic: true };
}

export async function findMethodology(
  db: Db,
  id: string,
): Promise<Methodology | undefined> {
  const row = await firstRow<MethodologyRow>(db('methodologies').where('id', id));
  return row ? methodologyFromRow(row) : undefined;
}

/** Refuses a (year, version) another methodology already has. */
async function refuseTakenVersion(
  db: Db,
  methodology: Pick<Methodology, 'id' | 'year' | 'version'>,
): Promise<void> {
  const taken = await exists(
    db('methodologies')
      .where({ year: methodology.year, version: methodology.version })
      .whereNot('id', methodology.id),
  );
  if (taken) {
    throw new DomainError(
      'ALREADY_EXISTS',
      `${methodology.year} already has a methodology version ${methodology.version}`,
      [{ path: 'version', message: 'already used for this year' }],
    );
  }
}

/** Inserts a new version; a used id or (year, version) is an ALREADY_EXISTS refusal. */
export async function insertMethodology(
  trx: Knex.Transaction,
  methodology: Methodology,
): Promise<void> {
  if (await exists(trx('methodologies').where('id', methodology.id))) {
    throw new DomainError('ALREADY_EXISTS', 'A methodology with this id exists', [
      { path: 'id', message: 'already used' },
    ]);
  }
  await refuseTakenVersion(trx, methodology);
  // A concurrent insert of the same version still fails on the unique key.
  await insertOrRefuse(
    trx('methodologies').insert(methodologyToRow(methodology)),
    'version',
    `${methodology.year} already has a methodology version ${methodology.version}`,
  );
}

/**
 * Rewrites a methodology that has no answers yet. The statement itself
 * checks that it is not frozen, so an answer freezing it concurrently
 * (on PostgreSQL, holding the row) makes this a METHODOLOGY_FROZEN refusal
 * rather than a change under recorded answers.
 */
export async function updateMethodology(
  trx: Knex.Transaction,
  methodology: Omit<Methodology, 'createdAt' | 'frozenAt'>,
): Promise<Methodology> {
  const stored = await findMethodology(trx, methodology.id);
  if (!stored) {
    throw new DomainError('NOT_FOUND', 'No such methodology', [
      { path: 'id', message: 'not found' },
    ]);
  }
  if (stored.frozenAt === null) {
    const isRenumbered =
      stored.year !== methodology.year || stored.version !== methodology.version;
    if (isRenumbered) await refuseRenumberInUse(trx, stored);
    await refuseTakenVersion(trx, methodology);
    const row = methodologyToRow({
      ...methodology,
      createdAt: stored.createdAt,
      frozenAt: null,
    });
    const count = await trx('methodologies')
      .where('id', methodology.id)
      .whereNull('frozen_at')
      .update({ year: row.year, version: row.version, body: row.body });
    if (toNumber(count) === 1) return methodologyFromRow(row);
  }
  const frozen = await findMethodology(trx, methodology.id);
  throw frozenError(frozen ?? stored, await nextVersion(trx, stored.year));
}

async function refuseRenumberInUse(trx: Knex.Transaction, stored: Methodology) {
  if (await exists(trx('campaigns').where('methodology_id', stored.id))) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      'A campaign uses this methodology, so its year and version stay as they are',
      [
        { path: 'year', message: `must stay ${stored.year}` },
        { path: 'version', message: `must stay ${stored.version}` },
      ],
    );
  }
}

/** The version number a new version of `year` would take. */
export async function nextVersion(db: Db, year: number): Promise<number> {
  const row = await firstRow<{ top: unknown }>(
    db('methodologies').where('year', year).max({ top: 'version' }),
  );
  return toNumber(row?.top ?? 0) + 1;
}

function frozenError(methodology: Methodology, next: number): DomainError {
  return new DomainError(
    'METHODOLOGY_FROZEN',
    `Methodology ${methodology.year} version ${methodology.version} has had answers ` +
      `since ${methodology.frozenAt ?? 'now'} and cannot change; ` +
      `create version ${next} of ${methodology.year} instead`,
    [{ path: 'version', message: `frozen; create version ${next}` }],
  );
}

/**
 * Freezes a methodology if it is not yet, taking its row (on PostgreSQL)
 * until the transaction ends so that no edit can slip in beside the
 * answer that froze it. Returns whether this call froze it.
 */
export async function freezeMethodology(
  trx: Knex.Transaction,
  id: string,
  at: string,
): Promise<boolean> {
  const count = await trx('methodologies')
    .where('id', id)
    .whereNull('frozen_at')
    .update({ frozen_at: at });
  return toNumber(count) > 0;
}
