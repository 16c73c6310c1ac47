import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serviceRecordSchema } from './domain/service-record';
import { userSchema } from './domain/user';
import {
  DomainError,
  errorBodySchema,
  errorResponseSchema,
  invariant,
  parseOrThrow,
} from './errors';

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parseOrThrow', () => {
  it('returns the parsed value, with defaults, when the input is valid', () => {
    const record = parseOrThrow(
      serviceRecordSchema,
      { kind: 'permit' },
      'service record',
    );
    expect(record.kind).toBe('permit');
    expect(record.fee.currency).toBe('AZN');
  });

  it('throws VALIDATION_FAILED naming every field at fault, with a message for each', () => {
    const error = caught(() =>
      parseOrThrow(
        serviceRecordSchema,
        {
          electronificationDegree: 120,
          fee: { amountQepik: -1 },
          legalActs: [
            { id: '5b0e1c7e-2f1d-4c55-9a3e-0d6b1f2a3c4d', kind: 'law', url: 'x' },
          ],
        },
        'service record',
      ),
    );

    expect(error).toBeInstanceOf(DomainError);
    const domainError = error as DomainError;
    expect(domainError.code).toBe('VALIDATION_FAILED');
    expect(domainError.message).toBe('Invalid service record');
    expect(domainError.fields.map((field) => field.path).sort()).toEqual([
      'electronificationDegree',
      'fee.amountQepik',
      'legalActs.0.url',
    ]);
    for (const field of domainError.fields) expect(field.message).not.toBe('');
  });

  it('reports a cross-field rule together with the plain field errors', () => {
    const error = caught(() =>
      parseOrThrow(
        userSchema,
        {
          id: 'not-a-uuid',
          username: 'reviewer',
          displayName: 'Reviewer',
          role: 'agencyStaff',
          agencyId: null,
          isActive: true,
        },
        'user',
      ),
    ) as DomainError;
    expect(error.fields.map((field) => field.path)).toEqual(['id', 'agencyId']);
  });

  it('names a top-level value that is not an object with an empty path', () => {
    const error = caught(() => parseOrThrow(z.object({ a: z.string() }), 'x', 'thing'));
    expect((error as DomainError).fields).toEqual([
      { path: '', message: expect.any(String) as string },
    ]);
  });
});

describe('DomainError', () => {
  it('travels as an ErrorBody that the boundary schema accepts', () => {
    const error = new DomainError('REMARKS_REQUIRED', 'Add a remark', [
      { path: 'remarks', message: 'At least one remark' },
    ]);
    const body = error.toBody();
    expect(body).toEqual({
      code: 'REMARKS_REQUIRED',
      message: 'Add a remark',
      fields: [{ path: 'remarks', message: 'At least one remark' }],
    });
    expect(errorResponseSchema.parse({ error: body })).toEqual({ error: body });
  });

  it('is an Error with its own name and no fields unless given', () => {
    const error = new DomainError('NOT_FOUND', 'No such service');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.fields).toEqual([]);
  });

  it('has an error body schema that refuses an unknown reason code', () => {
    expect(errorBodySchema.safeParse({ code: 'OOPS', message: 'x' }).success).toBe(false);
    expect(errorBodySchema.parse({ code: 'INTERNAL', message: 'x' }).fields).toEqual([]);
  });
});

describe('invariant', () => {
  it('passes silently when the condition holds', () => {
    expect(() => invariant(1 + 1 === 2, 'arithmetic')).not.toThrow();
  });

  it('throws a plain Error (a programming error, not a DomainError) when it fails', () => {
    const error = caught(() => invariant(null, 'a service has a version'));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DomainError);
    expect((error as Error).message).toBe('Invariant failed: a service has a version');
  });
});
