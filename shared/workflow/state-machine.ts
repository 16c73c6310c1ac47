import { z } from 'zod';
import { DomainError } from '../errors';

/**
 * The approval workflow shared by service names and service versions:
 * draft → submitted → approved, or → returned (with remarks) → submitted
 * again…; a submission can be withdrawn back to draft. Names can also be
 * rejected outright. Pure: the server and the desktop run the same table.
 */
export const workflowStatuses = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'rejected',
] as const;
export const workflowStatusSchema = z.enum(workflowStatuses);
export type WorkflowStatus = z.infer<typeof workflowStatusSchema>;

export const workflowEvents = [
  'edit',
  'submit',
  'withdraw',
  'approve',
  'return',
  'reject',
] as const;
export const workflowEventSchema = z.enum(workflowEvents);
export type WorkflowEvent = z.infer<typeof workflowEventSchema>;

/** What moves through the workflow. */
export type WorkflowSubject = 'serviceName' | 'serviceVersion';

type Table = Partial<
  Record<WorkflowStatus, Partial<Record<WorkflowEvent, WorkflowStatus>>>
>;

const serviceVersionTable: Table = {
  draft: { edit: 'draft', submit: 'submitted' },
  returned: { edit: 'returned', submit: 'submitted' },
  submitted: { withdraw: 'draft', approve: 'approved', return: 'returned' },
};

const serviceNameTable: Table = {
  draft: { edit: 'draft', submit: 'submitted' },
  returned: { edit: 'returned', submit: 'submitted' },
  submitted: {
    withdraw: 'draft',
    approve: 'approved',
    return: 'returned',
    reject: 'rejected',
  },
};

const tables: Record<WorkflowSubject, Table> = {
  serviceName: serviceNameTable,
  serviceVersion: serviceVersionTable,
};

/** The status an event leads to, or undefined when the event is not allowed. */
export function nextStatus(
  subject: WorkflowSubject,
  from: WorkflowStatus,
  event: WorkflowEvent,
): WorkflowStatus | undefined {
  return tables[subject][from]?.[event];
}

/** Whether a status still accepts edits by its agency. */
export function isEditable(status: WorkflowStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** The status an event leads to; an illegal event is an ILLEGAL_TRANSITION error. */
export function transition(
  subject: WorkflowSubject,
  from: WorkflowStatus,
  event: WorkflowEvent,
): WorkflowStatus {
  const to = nextStatus(subject, from, event);
  if (to === undefined) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `A ${subject} that is ${from} cannot take "${event}"`,
      [{ path: 'status', message: `${from} does not allow ${event}` }],
    );
  }
  return to;
}
