import { DomainError } from '../../shared/errors';
import type { User } from '../../shared/domain/user';

/**
 * Who may do what, in one pure module: every role × action, with agency
 * scoping. Reads (what a user receives in a pull) are scoped in
 * sync/visibility.ts; this module decides writes and privileged reads.
 */

export const actions = [
  'serviceName.propose',
  'serviceName.decide',
  'service.create',
  'service.edit',
  'service.submit',
  'service.withdraw',
  'service.decide',
  'audit.read',
  'user.manage',
  'agency.manage',
  /** Record or withdraw one's own answers in an ASAN index campaign. */
  'evaluation.answer',
  /** Methodologies, campaigns and published results. */
  'evaluation.manage',
  /** Mark a duplicate candidate: duplicate, not one, or a merge proposal. */
  'duplicate.mark',
] as const;
export type Action = (typeof actions)[number];

/** The record an action touches; only its owning agency matters to the policy. */
export interface Resource {
  agencyId: string | null;
}

export type Decision =
  | { allowed: true }
  | { allowed: false; code: 'FORBIDDEN' | 'OWN_AGENCY_DECISION'; message: string };

type Actor = Pick<User, 'role' | 'agencyId' | 'isActive'>;

const agencyWrites: ReadonlySet<Action> = new Set([
  'serviceName.propose',
  'service.create',
  'service.edit',
  'service.submit',
  'service.withdraw',
]);
const decisions: ReadonlySet<Action> = new Set(['serviceName.decide', 'service.decide']);

const allowed: Decision = { allowed: true };
const forbidden = (message: string): Decision => ({
  allowed: false,
  code: 'FORBIDDEN',
  message,
});

/** Decides whether `user` may take `action` on `resource`, and why not. */
export function decide(
  user: Actor,
  action: Action,
  resource: Resource = { agencyId: null },
): Decision {
  if (!user.isActive) return forbidden('This account is disabled');

  if (agencyWrites.has(action)) {
    if (user.role !== 'agencyStaff') {
      return forbidden(`Only agency staff may ${action}; a ${user.role} may not`);
    }
    if (resource.agencyId === null || user.agencyId !== resource.agencyId) {
      return forbidden('Agency staff may only change their own agency’s records');
    }
    return allowed;
  }

  if (decisions.has(action)) {
    if (user.role !== 'reviewer')
      return forbidden('Only VXSİDA reviewers decide submissions');
    // Reviewers normally belong to no agency; one tied to an agency must not
    // judge that agency's own submissions.
    if (user.agencyId !== null && user.agencyId === resource.agencyId) {
      return {
        allowed: false,
        code: 'OWN_AGENCY_DECISION',
        message: 'Nobody may decide a submission of their own agency',
      };
    }
    return allowed;
  }

  switch (action) {
    case 'audit.read':
      return ['auditor', 'admin', 'reviewer'].includes(user.role)
        ? allowed
        : forbidden('Only auditors, reviewers and administrators read the audit log');
    case 'evaluation.answer':
      // Being assigned to the campaign is checked against its data by the applier.
      return user.role === 'evaluator'
        ? allowed
        : forbidden(`Only evaluators answer; a ${user.role} may not`);
    case 'duplicate.mark':
      return user.role === 'reviewer'
        ? allowed
        : forbidden('Only VXSİDA reviewers mark duplicate candidates');
    case 'user.manage':
    case 'agency.manage':
    case 'evaluation.manage':
      return user.role === 'admin'
        ? allowed
        : forbidden('Only administrators manage this');
    default:
      return forbidden(`Unknown action ${action}`);
  }
}

/** Whether `user` may take `action` on `resource`. */
export function can(user: Actor, action: Action, resource?: Resource): boolean {
  return decide(user, action, resource).allowed;
}

/** Throws the refusal as a DomainError when `user` may not take `action`. */
export function authorize(user: Actor, action: Action, resource?: Resource): void {
  const decision = decide(user, action, resource);
  if (!decision.allowed) throw new DomainError(decision.code, decision.message);
}
