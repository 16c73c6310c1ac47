import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  isEditable,
  nextStatus,
  transition,
  workflowEvents,
  workflowStatuses,
  type WorkflowEvent,
  type WorkflowStatus,
  type WorkflowSubject,
} from './state-machine';

type Row = [WorkflowStatus, WorkflowEvent, WorkflowStatus | 'ILLEGAL'];

/**
 * The whole workflow written out by hand, one row per (status, event), so a
 * change to the machine's table has to be a deliberate change here too.
 */
const serviceVersionTable: Row[] = [
  ['draft', 'edit', 'draft'],
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'ILLEGAL'],
  ['draft', 'approve', 'ILLEGAL'],
  ['draft', 'return', 'ILLEGAL'],
  ['draft', 'reject', 'ILLEGAL'],
  ['submitted', 'edit', 'ILLEGAL'],
  ['submitted', 'submit', 'ILLEGAL'],
  ['submitted', 'withdraw', 'draft'],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'return', 'returned'],
  ['submitted', 'reject', 'ILLEGAL'],
  ['returned', 'edit', 'returned'],
  ['returned', 'submit', 'submitted'],
  ['returned', 'withdraw', 'ILLEGAL'],
  ['returned', 'approve', 'ILLEGAL'],
  ['returned', 'return', 'ILLEGAL'],
  ['returned', 'reject', 'ILLEGAL'],
  ['approved', 'edit', 'ILLEGAL'],
  ['approved', 'submit', 'ILLEGAL'],
  ['approved', 'withdraw', 'ILLEGAL'],
  ['approved', 'approve', 'ILLEGAL'],
  ['approved', 'return', 'ILLEGAL'],
  ['approved', 'reject', 'ILLEGAL'],
  ['rejected', 'edit', 'ILLEGAL'],
  ['rejected', 'submit', 'ILLEGAL'],
  ['rejected', 'withdraw', 'ILLEGAL'],
  ['rejected', 'approve', 'ILLEGAL'],
  ['rejected', 'return', 'ILLEGAL'],
  ['rejected', 'reject', 'ILLEGAL'],
];

/** Names follow the same path, and a submitted name can also be rejected outright. */
const serviceNameTable: Row[] = serviceVersionTable.map(([from, event, to]) =>
  from === 'submitted' && event === 'reject'
    ? [from, event, 'rejected']
    : [from, event, to],
);

const expectedTables: Record<WorkflowSubject, Row[]> = {
  serviceName: serviceNameTable,
  serviceVersion: serviceVersionTable,
};

const subjects = Object.keys(expectedTables) as WorkflowSubject[];

function actualTable(subject: WorkflowSubject): Row[] {
  return workflowStatuses.flatMap((from) =>
    workflowEvents.map((event): Row => {
      try {
        return [from, event, transition(subject, from, event)];
      } catch (error) {
        if (error instanceof DomainError && error.code === 'ILLEGAL_TRANSITION') {
          return [from, event, 'ILLEGAL'];
        }
        throw error;
      }
    }),
  );
}

describe.each(subjects)('the %s workflow', (subject) => {
  const expected = expectedTables[subject];

  it('lists every (status, event) combination exactly once in the expected table', () => {
    expect(expected).toHaveLength(workflowStatuses.length * workflowEvents.length);
    const keys = new Set(expected.map(([from, event]) => `${from}/${event}`));
    expect(keys.size).toBe(expected.length);
  });

  it('matches the expected table for every status and event', () => {
    expect(actualTable(subject)).toEqual(expected);
  });

  const legal = expected.filter(
    (row): row is [WorkflowStatus, WorkflowEvent, WorkflowStatus] => row[2] !== 'ILLEGAL',
  );
  const illegal = expected.filter(([, , to]) => to === 'ILLEGAL');

  it.each(legal)('moves %s on "%s" to %s', (from, event, to) => {
    expect(transition(subject, from, event)).toBe(to);
    expect(nextStatus(subject, from, event)).toBe(to);
  });

  it.each(illegal)('a %s record refuses "%s" with ILLEGAL_TRANSITION', (from, event) => {
    expect(nextStatus(subject, from, event)).toBeUndefined();
    let thrown: unknown;
    try {
      const to = transition(subject, from, event);
      expect.unreachable(`returned ${to} instead of throwing`);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const domainError = thrown as DomainError;
    expect(domainError.code).toBe('ILLEGAL_TRANSITION');
    expect(domainError.fields).toEqual([
      { path: 'status', message: `${from} does not allow ${event}` },
    ]);
    expect(domainError.message).toContain(from);
    expect(domainError.message).toContain(event);
  });
});

describe('rejection', () => {
  it('applies to service names but never to service versions', () => {
    expect(transition('serviceName', 'submitted', 'reject')).toBe('rejected');
    expect(() => transition('serviceVersion', 'submitted', 'reject')).toThrow(
      DomainError,
    );
  });
});

describe('isEditable', () => {
  const expected: Record<WorkflowStatus, boolean> = {
    draft: true,
    returned: true,
    submitted: false,
    approved: false,
    rejected: false,
  };

  it.each(workflowStatuses)('says whether a %s record accepts edits', (status) => {
    expect(isEditable(status)).toBe(expected[status]);
  });

  it('agrees with the machine: exactly the editable statuses take "edit"', () => {
    for (const subject of subjects) {
      for (const status of workflowStatuses) {
        expect(nextStatus(subject, status, 'edit') !== undefined).toBe(
          isEditable(status),
        );
      }
    }
  });
});
