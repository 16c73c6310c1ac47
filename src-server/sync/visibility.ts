import type { Knex } from 'knex';
import type { ServiceVersion } from '../../shared/domain/service';
import type { ServiceName } from '../../shared/domain/service-name';
import type { User } from '../../shared/domain/user';

/**
 * What each role may read. The feed filter is a coarse first cut done in
 * SQL; the projection then decides, per entity, what the user receives.
 *   agency staff: everything of their own agency, approved content of others;
 *   reviewer, auditor, admin: everything except drafts never submitted;
 *   evaluator: approved content only.
 * ASAN index data: methodologies, campaigns and published results reach
 * every role (their feed rows are public); evaluators' answers reach
 * evaluators, reviewers, auditors and administrators, never agency staff
 * (their feed rows are neither public nor tied to an agency).
 * Duplicate candidates reach reviewers, auditors and administrators; agency
 * staff get the feed rows of pairs with one of their agency's services,
 * rendered as the pair only while it is a merge proposal and as a removal
 * otherwise (see page-json.ts), so a proposal taken back disappears.
 */

/** Restricts a query on `changes` to the rows this user may receive. */
export function scopeFeed(query: Knex.QueryBuilder, user: User): Knex.QueryBuilder {
  switch (user.role) {
    case 'agencyStaff':
      return query.where((inner) => {
        void inner
          .where('agency_id', user.agencyId)
          .orWhere('is_public', true)
          .orWhere((pairs) => {
            void pairs
              .where('entity_type', 'duplicateCandidate')
              .whereIn(
                'entity_id',
                pairs.client
                  .queryBuilder()
                  .from('duplicate_candidates')
                  .where('b_agency_id', user.agencyId)
                  .select('id'),
              );
          });
      });
    case 'evaluator':
      return query.where((inner) => {
        void inner.where('is_public', true).orWhere('entity_type', 'answer');
      });
    default:
      return query;
  }
}

/**
 * The condition on a duplicate candidate row `d` under which this user
 * receives it; otherwise it is rendered as a removal.
 */
export function visibleCandidateSql(user: User): { sql: string; bindings: string[] } {
  switch (user.role) {
    case 'agencyStaff':
      return user.agencyId === null
        ? { sql: 'FALSE', bindings: [] }
        : {
            sql: `d.mark_kind = 'mergeProposal' AND (d.a_agency_id = ? OR d.b_agency_id = ?)`,
            bindings: [user.agencyId, user.agencyId],
          };
    case 'evaluator':
      return { sql: 'FALSE', bindings: [] };
    default:
      return { sql: 'TRUE', bindings: [] };
  }
}

/** Whether this user receives evaluators' answers. */
export function canSeeAnswers(user: User): boolean {
  return user.role !== 'agencyStaff';
}

function isOwnAgency(user: User, agencyId: string): boolean {
  return user.role === 'agencyStaff' && user.agencyId === agencyId;
}

/** Whether this user may read a version (in this status) of a service of `agencyId`. */
export function canSeeVersion(
  user: User,
  agencyId: string,
  version: Pick<ServiceVersion, 'status' | 'submissionNo'>,
): boolean {
  if (version.status === 'approved') return true;
  if (user.role === 'agencyStaff') return isOwnAgency(user, agencyId);
  if (user.role === 'evaluator') return false;
  return !(version.status === 'draft' && version.submissionNo === 0);
}

/** The service name as this user may see it, or null. */
export function projectServiceName(user: User, name: ServiceName): ServiceName | null {
  if (name.status === 'approved' || isOwnAgency(user, name.agencyId)) return name;
  if (user.role === 'agencyStaff' || user.role === 'evaluator') return null;
  return name.status === 'draft' && name.submissionNo === 0 ? null : name;
}

/**
 * The rule of `canSeeVersion` and `projectServiceName` as an SQL condition
 * on a row `alias` (status, submission_no) owned by `agencyColumn`; both
 * entities follow the same rule. Keep the three in step: the pull tests
 * check what each role receives.
 */
export function visibleSql(
  user: User,
  alias: string,
  agencyColumn: string,
): { sql: string; bindings: string[] } {
  const approved = `${alias}.status = 'approved'`;
  switch (user.role) {
    case 'agencyStaff':
      return user.agencyId === null
        ? { sql: approved, bindings: [] }
        : { sql: `(${approved} OR ${agencyColumn} = ?)`, bindings: [user.agencyId] };
    case 'evaluator':
      return { sql: approved, bindings: [] };
    default:
      return {
        sql: `NOT (${alias}.status = 'draft' AND ${alias}.submission_no = 0)`,
        bindings: [],
      };
  }
}
