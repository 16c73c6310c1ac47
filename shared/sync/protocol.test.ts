import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod } from '../errors';
import { serviceFields } from '../domain/service-record';
import { mutationSchema } from './mutations';
import {
  cursorSchema,
  decodeCursor,
  DEFAULT_PULL_PAGE,
  encodeCursor,
  MAX_PULL_PAGE,
  MAX_PUSH_BATCH,
  PROTOCOL_VERSION,
  pullRequestSchema,
  pushRequestSchema,
  SCHEMA_VERSION,
} from './protocol';
import { mutationResultSchema } from './results';

const ids = {
  mutation: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  client: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  service: 'c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f',
  version: 'd4e5f6a7-b8c9-4d0e-9f2a-3b4c5d6e7f80',
  agency: '2828df11-442d-5784-abaa-6315b2131687',
  serviceName: 'e5f6a7b8-c9d0-4e1f-8a3b-4c5d6e7f8091',
};

function mutation(name: string, args: Record<string, unknown>, clientSeq = 1) {
  return { mutationId: ids.mutation, clientSeq, name, args };
}

function faultPaths(input: unknown): string[] {
  const result = mutationSchema.safeParse(input);
  return result.success ? [] : fieldErrorsFromZod(result.error).map((e) => e.path);
}

describe('mutation intents', () => {
  it.each<[string, ReturnType<typeof mutation>]>([
    [
      'serviceName.propose',
      mutation('serviceName.propose', {
        serviceNameId: ids.serviceName,
        agencyId: ids.agency,
        name: 'Əmək pensiyasının təyin edilməsi',
      }),
    ],
    [
      'serviceName.decide (approve)',
      mutation('serviceName.decide', {
        serviceNameId: ids.serviceName,
        submissionNo: 1,
        decision: 'approve',
      }),
    ],
    [
      'serviceName.decide (reject with a reason)',
      mutation('serviceName.decide', {
        serviceNameId: ids.serviceName,
        submissionNo: 1,
        decision: 'reject',
        reason: 'Bu ad artıq mövcuddur',
      }),
    ],
    [
      'service.create',
      mutation('service.create', {
        serviceId: ids.service,
        versionId: ids.version,
        agencyId: ids.agency,
        serviceNameId: ids.serviceName,
        record: {},
      }),
    ],
    [
      'service.saveDraft',
      mutation('service.saveDraft', {
        serviceId: ids.service,
        newVersionId: ids.version,
        changes: [{ field: 'description', base: '', value: 'Yeni təsvir' }],
      }),
    ],
    ['service.submit', mutation('service.submit', { serviceId: ids.service })],
    ['service.withdraw', mutation('service.withdraw', { serviceId: ids.service })],
    [
      'service.decide (approve)',
      mutation('service.decide', {
        serviceId: ids.service,
        versionId: ids.version,
        submissionNo: 2,
        decision: 'approve',
      }),
    ],
    [
      'service.decide (return with remarks)',
      mutation('service.decide', {
        serviceId: ids.service,
        versionId: ids.version,
        submissionNo: 2,
        decision: 'return',
        remarks: [{ field: 'fee', text: 'Rüsumun məbləğini göstərin' }],
      }),
    ],
  ])('accepts a valid %s', (_name, input) => {
    expect(faultPaths(input)).toEqual([]);
  });

  it('fills the record of a new service with defaults', () => {
    const parsed = mutationSchema.parse(
      mutation('service.create', {
        serviceId: ids.service,
        versionId: ids.version,
        agencyId: ids.agency,
        serviceNameId: ids.serviceName,
        record: {},
      }),
    );
    expect(parsed.name === 'service.create' && parsed.args.record.kind).toBe('other');
  });

  it('refuses to return a submission without remarks, naming args.remarks', () => {
    const input = mutation('service.decide', {
      serviceId: ids.service,
      versionId: ids.version,
      submissionNo: 2,
      decision: 'return',
    });
    expect(faultPaths(input)).toEqual(['args.remarks']);
    expect(faultPaths({ ...input, args: { ...input.args, remarks: [] } })).toEqual([
      'args.remarks',
    ]);
  });

  it('refuses a remark with blank text', () => {
    const input = mutation('service.decide', {
      serviceId: ids.service,
      versionId: ids.version,
      submissionNo: 2,
      decision: 'return',
      remarks: [{ field: 'fee', text: '   ' }],
    });
    expect(faultPaths(input)).toContain('args.remarks.0.text');
  });

  it('refuses to reject a name without a reason, even a blank one, naming args.reason', () => {
    const base = { serviceNameId: ids.serviceName, submissionNo: 1, decision: 'reject' };
    expect(faultPaths(mutation('serviceName.decide', base))).toEqual(['args.reason']);
    expect(
      faultPaths(mutation('serviceName.decide', { ...base, reason: '   ' })),
    ).toEqual(['args.reason']);
  });

  it('refuses a decision on submission 0, which never exists', () => {
    expect(
      faultPaths(
        mutation('serviceName.decide', {
          serviceNameId: ids.serviceName,
          submissionNo: 0,
          decision: 'approve',
        }),
      ),
    ).toEqual(['args.submissionNo']);
  });

  it('refuses a draft save without changes, with a field twice, or on an unknown field', () => {
    const save = (changes: unknown[]) =>
      mutation('service.saveDraft', {
        serviceId: ids.service,
        newVersionId: ids.version,
        changes,
      });
    const change = { field: 'description', base: '', value: 'x' };
    expect(faultPaths(save([]))).toEqual(['args.changes']);
    expect(faultPaths(save([change, { ...change, value: 'y' }]))).toEqual([
      'args.changes',
    ]);
    const everyField = serviceFields.map((field) => ({ field, base: null, value: null }));
    expect(faultPaths(save(everyField))).toEqual([]);
    expect(faultPaths(save([{ ...change, field: 'registryCode' }]))).toEqual([
      'args.changes.0.field',
    ]);
  });

  it('refuses an unknown mutation name', () => {
    const result = mutationSchema.safeParse(
      mutation('service.delete', { serviceId: ids.service }),
    );
    expect(result.success).toBe(false);
    expect(result.error && fieldErrorsFromZod(result.error)[0]?.path).toBe('name');
  });

  it.each([0, -1, 1.5])('refuses client sequence number %s', (clientSeq) => {
    expect(
      faultPaths(mutation('service.submit', { serviceId: ids.service }, clientSeq)),
    ).toEqual(['clientSeq']);
  });

  it('refuses a mutation id that is not a UUID', () => {
    expect(
      faultPaths({
        ...mutation('service.submit', { serviceId: ids.service }),
        mutationId: '42',
      }),
    ).toEqual(['mutationId']);
  });
});

describe('push requests', () => {
  const submit = (seq: number) =>
    mutation('service.submit', { serviceId: ids.service }, seq);
  const push = (count: number) => ({
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    clientId: ids.client,
    mutations: Array.from({ length: count }, (_, index) => submit(index + 1)),
  });

  it(`accept one to ${MAX_PUSH_BATCH} mutations`, () => {
    expect(pushRequestSchema.safeParse(push(1)).success).toBe(true);
    expect(pushRequestSchema.safeParse(push(MAX_PUSH_BATCH)).success).toBe(true);
  });

  it('refuse an empty batch and a batch over the limit', () => {
    expect(pushRequestSchema.safeParse(push(0)).success).toBe(false);
    expect(pushRequestSchema.safeParse(push(MAX_PUSH_BATCH + 1)).success).toBe(false);
  });

  it('refuse a batch in which one mutation is invalid, naming it', () => {
    const request = push(3);
    request.mutations[1] = mutation('service.submit', { serviceId: 'x' }, 2);
    const result = pushRequestSchema.safeParse(request);
    expect(result.error && fieldErrorsFromZod(result.error).map((e) => e.path)).toEqual([
      'mutations.1.args.serviceId',
    ]);
  });
});

describe('pull requests', () => {
  const pull = (overrides: Record<string, unknown>) => ({
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    clientId: ids.client,
    cursor: null,
    ...overrides,
  });

  it('ask for the default page size when no limit is given', () => {
    expect(pullRequestSchema.parse(pull({})).limit).toBe(DEFAULT_PULL_PAGE);
  });

  it(`accept a limit from 1 to ${MAX_PULL_PAGE} and refuse anything else`, () => {
    expect(pullRequestSchema.safeParse(pull({ limit: 1 })).success).toBe(true);
    expect(pullRequestSchema.safeParse(pull({ limit: MAX_PULL_PAGE })).success).toBe(
      true,
    );
    expect(pullRequestSchema.safeParse(pull({ limit: 0 })).success).toBe(false);
    expect(pullRequestSchema.safeParse(pull({ limit: MAX_PULL_PAGE + 1 })).success).toBe(
      false,
    );
  });

  it.each(['v2:10', 'v1:', 'v1:-5', 'v1:1.5', '10', 'v1:1234567890123456789'])(
    'refuse the malformed cursor "%s"',
    (cursor) => {
      expect(pullRequestSchema.safeParse(pull({ cursor })).success).toBe(false);
    },
  );
});

describe('cursors', () => {
  it('start from the beginning of the feed when there is none', () => {
    expect(decodeCursor(null)).toBe(0);
  });

  it('encode a position as a versioned string the schema accepts', () => {
    expect(encodeCursor(42)).toBe('v1:42');
    expect(cursorSchema.parse(encodeCursor(42))).toBe('v1:42');
  });

  it('round-trip every feed position a safe integer can hold', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (position) => {
        const cursor = encodeCursor(position);
        expect(cursorSchema.safeParse(cursor).success).toBe(true);
        expect(decodeCursor(cursor)).toBe(position);
      }),
    );
  });
});

describe('mutation results', () => {
  it('accept the three outcomes and refuse a conflict with an unknown code', () => {
    const applied = {
      status: 'applied',
      mutationId: ids.mutation,
      clientSeq: 1,
      entityId: ids.service,
      revision: 2,
    };
    const conflict = {
      status: 'conflict',
      mutationId: ids.mutation,
      clientSeq: 2,
      entityId: ids.service,
      code: 'FIELD_CONFLICT',
      message: 'Someone else changed the fee',
      conflicts: [{ field: 'fee', base: 1, theirs: 2, mine: 3 }],
      appliedFields: ['description'],
      revision: 3,
    };
    const rejected = {
      status: 'rejected',
      mutationId: ids.mutation,
      clientSeq: 3,
      error: { code: 'ILLEGAL_TRANSITION', message: 'Already approved' },
    };
    expect(mutationResultSchema.safeParse(applied).success).toBe(true);
    expect(mutationResultSchema.safeParse(conflict).success).toBe(true);
    expect(mutationResultSchema.safeParse(rejected).success).toBe(true);
    expect(
      mutationResultSchema.safeParse({ ...conflict, code: 'ILLEGAL_TRANSITION' }).success,
    ).toBe(false);
  });
});
