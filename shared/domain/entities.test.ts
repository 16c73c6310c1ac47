import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrorsFromZod } from '../errors';
import { agencySchema } from './agency';
import { auditEventSchema } from './audit';
import { categorySchema } from './category';
import { serviceNameSchema } from './service-name';
import { roles, userSchema } from './user';

const agencyId = '2828df11-442d-5784-abaa-6315b2131687';
const userId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const nameId = '9b2f6c1e-8d4a-4f3b-9c2d-1e5f7a8b9c0d';

function faultPaths(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : fieldErrorsFromZod(result.error).map((e) => e.path);
}

describe('agencySchema', () => {
  const agency = {
    id: agencyId,
    code: 'mlspp',
    group: 'centralExecutive',
    nameAz: 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
    nameEn: 'Ministry of Labour and Social Protection of Population',
  };

  it('accepts an agency and marks it active by default', () => {
    expect(agencySchema.parse(agency)).toEqual({ ...agency, isActive: true });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an id that is not a UUID', { id: 'mlspp' }, 'id'],
    ['a code with capitals', { code: 'MLSPP' }, 'code'],
    ['a code with spaces', { code: 'ml spp' }, 'code'],
    ['a one-letter code', { code: 'm' }, 'code'],
    ['a code starting with a dash', { code: '-mlspp' }, 'code'],
    ['an unknown index group', { group: 'ministry' }, 'group'],
    ['a blank Azerbaijani name', { nameAz: '   ' }, 'nameAz'],
    ['an English name over 300 characters', { nameEn: 'n'.repeat(301) }, 'nameEn'],
    ['isActive as a string', { isActive: 'true' }, 'isActive'],
  ])('refuses %s at "%s"', (_what, overrides, path) => {
    expect(faultPaths(agencySchema, { ...agency, ...overrides })).toEqual([path]);
  });
});

describe('categorySchema', () => {
  const category = {
    code: 'economy',
    nameAz: 'İqtisadiyyat',
    nameEn: 'Economy',
    nameRu: 'Экономика',
    sortOrder: 2,
  };

  it('accepts a category with names in three languages', () => {
    expect(categorySchema.parse(category)).toEqual(category);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing Russian name', { nameRu: undefined }, 'nameRu'],
    ['an empty Azerbaijani name', { nameAz: '' }, 'nameAz'],
    ['a negative sort order', { sortOrder: -1 }, 'sortOrder'],
    ['a fractional sort order', { sortOrder: 1.5 }, 'sortOrder'],
    ['a code with an underscore', { code: 'intellectual_property' }, 'code'],
  ])('refuses %s at "%s"', (_what, overrides, path) => {
    expect(faultPaths(categorySchema, { ...category, ...overrides })).toEqual([path]);
  });
});

describe('serviceNameSchema', () => {
  const serviceName = {
    id: nameId,
    agencyId,
    name: 'Əmək pensiyasının təyin edilməsi',
    aliases: ['Pensiya təyinatı'],
    status: 'submitted',
    submissionNo: 1,
    reason: '',
    revision: 3,
    proposedBy: userId,
    proposedAt: '2024-03-01T09:30:00+04:00',
    decidedBy: null,
    decidedAt: null,
  };

  it('accepts a submitted name awaiting a decision', () => {
    expect(serviceNameSchema.parse(serviceName)).toEqual(serviceName);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a name shorter than three characters', { name: ' ab ' }, 'name'],
    ['a name over 500 characters', { name: 'a'.repeat(501) }, 'name'],
    ['a too short alias', { aliases: ['x'] }, 'aliases.0'],
    ['more than 20 aliases', { aliases: Array(21).fill('Pensiya') }, 'aliases'],
    ['an unknown status', { status: 'pending' }, 'status'],
    ['revision 0', { revision: 0 }, 'revision'],
    ['a negative submission number', { submissionNo: -1 }, 'submissionNo'],
    ['a date without a time zone', { proposedAt: '2024-03-01T09:30:00' }, 'proposedAt'],
    ['a decider that is not a UUID', { decidedBy: 'reviewer' }, 'decidedBy'],
  ])('refuses %s at "%s"', (_what, overrides, path) => {
    expect(faultPaths(serviceNameSchema, { ...serviceName, ...overrides })).toEqual([
      path,
    ]);
  });
});

describe('userSchema', () => {
  const staff = {
    id: userId,
    username: 'agency.mlspp',
    displayName: 'Leyla Məmmədova',
    role: 'agencyStaff',
    agencyId,
    isActive: true,
  };

  it('accepts agency staff who belong to an agency', () => {
    expect(userSchema.parse(staff)).toEqual(staff);
  });

  it('refuses agency staff without an agency, naming agencyId', () => {
    expect(faultPaths(userSchema, { ...staff, agencyId: null })).toEqual(['agencyId']);
  });

  const otherRoles = roles.filter((role) => role !== 'agencyStaff');

  it.each(otherRoles)('accepts a %s who belongs to no agency', (role) => {
    expect(userSchema.safeParse({ ...staff, role, agencyId: null }).success).toBe(true);
  });

  it.each(otherRoles.filter((role) => role !== 'reviewer'))(
    'refuses a %s tied to an agency, naming agencyId',
    (role) => {
      expect(faultPaths(userSchema, { ...staff, role })).toEqual(['agencyId']);
    },
  );

  it('accepts a reviewer with a home agency, whose submissions the policy keeps them from deciding', () => {
    expect(userSchema.safeParse({ ...staff, role: 'reviewer' }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an upper-case username', { username: 'Agency.MLSPP' }, 'username'],
    ['a username with a space', { username: 'agency mlspp' }, 'username'],
    ['a two-letter username', { username: 'ab' }, 'username'],
    ['an unknown role', { role: 'superuser', agencyId: null }, 'role'],
    ['a blank display name', { displayName: ' ' }, 'displayName'],
  ])('refuses %s at "%s"', (_what, overrides, path) => {
    expect(faultPaths(userSchema, { ...staff, ...overrides })).toContain(path);
  });

  it('never carries a password: unknown keys are dropped', () => {
    const parsed = userSchema.parse({ ...staff, password: 'agency.mlspp-demo' });
    expect(parsed).not.toHaveProperty('password');
  });
});

describe('auditEventSchema', () => {
  const event = {
    id: 1,
    at: '2024-03-01T10:00:00Z',
    actorId: userId,
    action: 'service.approve',
    entityType: 'service',
    entityId: nameId,
    mutationId: null,
    details: { submissionNo: 2 },
  };

  it('accepts an approval with its details', () => {
    expect(auditEventSchema.parse(event)).toEqual(event);
  });

  it('accepts a failed login that has no known actor', () => {
    const parsed = auditEventSchema.parse({
      ...event,
      actorId: null,
      action: 'auth.loginFailed',
    });
    expect(parsed.actorId).toBeNull();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['id 0', { id: 0 }, 'id'],
    ['a fractional id', { id: 1.5 }, 'id'],
    ['an action that is not audited', { action: 'service.delete' }, 'action'],
    ['a timestamp that is only a date', { at: '2024-03-01' }, 'at'],
    ['a mutation id that is not a UUID', { mutationId: 'm-1' }, 'mutationId'],
    ['details that are a list', { details: ['x'] }, 'details'],
  ])('refuses %s at "%s"', (_what, overrides, path) => {
    expect(faultPaths(auditEventSchema, { ...event, ...overrides })).toEqual([path]);
  });
});
