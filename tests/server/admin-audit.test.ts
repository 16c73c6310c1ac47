import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditResponseSchema } from '../../shared/api/audit';
import { userSchema } from '../../shared/domain/user';
import { databases } from './support/databases';
import { pullAll, startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

describe.each(databases)('administration and audit on $name', (database) => {
  let server: TestServer;
  let admin: Session;

  beforeAll(async () => {
    server = await startTestServer(database);
    admin = await server.login('admin');
  });
  afterAll(() => server.close());

  it('lists the demo users without any password material', async () => {
    const reply = await server.request<{ users: unknown[] }>(
      'GET',
      '/api/v1/admin/users',
      undefined,
      admin.token,
    );
    const users = reply.body.users.map((u) => userSchema.parse(u));
    expect(users.map((u) => u.username)).toEqual([
      'admin',
      'agency.justice',
      'agency.mlspp',
      'auditor',
      'evaluator',
      'reviewer',
    ]);
    expect(reply.text).not.toMatch(/scrypt|password/i);
  });

  it('creates a user who can sign in, refuses a duplicate username and a staff member without an agency', async () => {
    const agencyIds = (
      (await server.db('agencies').where('code', 'health').pluck('id')) as unknown[]
    ).map(String);
    const agencyId = agencyIds[0];
    const created = await server.request(
      'POST',
      '/api/v1/admin/users',
      {
        username: 'agency.health',
        displayName: 'Səhiyyə əməkdaşı',
        password: 'sehiyye-parol-1',
        role: 'agencyStaff',
        agencyId,
      },
      admin.token,
    );
    expect(created.status).toBe(201);
    expect((await server.login('agency.health', 'sehiyye-parol-1')).user).toMatchObject({
      role: 'agencyStaff',
      agencyId,
    });

    const duplicate = await server.request(
      'POST',
      '/api/v1/admin/users',
      {
        username: 'agency.health',
        displayName: 'Başqa',
        password: 'sehiyye-parol-2',
        role: 'auditor',
      },
      admin.token,
    );
    expect(duplicate).toMatchObject({
      status: 409,
      body: { error: { code: 'ALREADY_EXISTS', fields: [{ path: 'username' }] } },
    });
    const homeless = await server.request(
      'POST',
      '/api/v1/admin/users',
      {
        username: 'lost.staff',
        displayName: 'Qurumsuz',
        password: 'qurumsuz-parol',
        role: 'agencyStaff',
      },
      admin.token,
    );
    expect(homeless).toMatchObject({
      status: 400,
      body: { error: { fields: [{ path: 'agencyId' }] } },
    });
    const unknownAgency = await server.request(
      'POST',
      '/api/v1/admin/users',
      {
        username: 'lost.staff',
        displayName: 'Qurumsuz',
        password: 'qurumsuz-parol',
        role: 'agencyStaff',
        agencyId: randomUUID(),
      },
      admin.token,
    );
    expect(unknownAgency).toMatchObject({
      status: 400,
      body: { error: { fields: [{ path: 'agencyId' }] } },
    });
  });

  it('changes a password, which ends the old sessions', async () => {
    const auditor = await server.login('auditor');
    const patched = await server.request(
      'PATCH',
      `/api/v1/admin/users/${auditor.user.id}`,
      { password: 'yeni-auditor-parol', displayName: 'Yeni ad' },
      admin.token,
    );
    expect(patched).toMatchObject({
      status: 200,
      body: { user: { displayName: 'Yeni ad' } },
    });
    expect(
      (await server.request('GET', '/api/v1/auth/me', undefined, auditor.token)).status,
    ).toBe(401);
    expect((await server.login('auditor', 'yeni-auditor-parol')).user.displayName).toBe(
      'Yeni ad',
    );
    expect(
      (
        await server.request(
          'PATCH',
          `/api/v1/admin/users/${randomUUID()}`,
          { isActive: true },
          admin.token,
        )
      ).status,
    ).toBe(404);
  });

  it('upserts an agency, which reaches every client through the feed', async () => {
    const evaluator = await server.login('evaluator');
    const { cursor } = await pullAll(evaluator);
    const agency = {
      id: randomUUID(),
      code: 'new-agency',
      group: 'legalEntity',
      nameAz: 'Yeni Qurum ASC',
      nameEn: 'New Agency JSC',
      isActive: true,
    };
    expect(
      (
        await server.request(
          'PUT',
          `/api/v1/admin/agencies/${agency.id}`,
          agency,
          admin.token,
        )
      ).status,
    ).toBe(200);
    const renamed = { ...agency, nameAz: 'Yenilənmiş Qurum ASC' };
    expect(
      (
        await server.request(
          'PUT',
          `/api/v1/admin/agencies/${agency.id}`,
          renamed,
          admin.token,
        )
      ).status,
    ).toBe(200);
    const { changes } = await pullAll(evaluator, cursor);
    expect(changes).toEqual([{ entity: 'agency', op: 'put', data: renamed }]);

    const mismatch = await server.request(
      'PUT',
      `/api/v1/admin/agencies/${randomUUID()}`,
      agency,
      admin.token,
    );
    expect(mismatch).toMatchObject({
      status: 400,
      body: { error: { fields: [{ path: 'id' }] } },
    });
    const clash = await server.request(
      'PUT',
      `/api/v1/admin/agencies/${randomUUID()}`,
      { ...agency, id: undefined },
      admin.token,
    );
    expect(clash.status).toBe(400);
  });

  it('records who did what in the audit log, readable forward in pages', async () => {
    const staff = await server.login('agency.mlspp');
    const serviceNameId = randomUUID();
    const mutationId = randomUUID();
    await staff.push([
      {
        name: 'serviceName.propose',
        args: { serviceNameId, agencyId: staff.user.agencyId, name: 'Audit üçün ad' },
        mutationId,
      },
    ]);

    const events = [];
    let after = 0;
    for (;;) {
      const reply = await server.request(
        'GET',
        `/api/v1/audit?after=${after}&limit=5`,
        undefined,
        admin.token,
      );
      const page = auditResponseSchema.parse(reply.body);
      events.push(...page.events);
      if (page.events.length < 5) break;
      after = page.nextAfter;
    }
    expect(events.map((e) => e.id)).toEqual(
      [...events.map((e) => e.id)].sort((a, b) => a - b),
    );
    expect(events.find((e) => e.entityId === serviceNameId)).toMatchObject({
      action: 'serviceName.propose',
      actorId: staff.user.id,
      mutationId,
    });
    const actions = new Set(events.map((e) => e.action));
    for (const action of ['auth.login', 'user.create', 'user.update', 'agency.upsert'])
      expect(actions).toContain(action);
  });

  it('refuses to read on from an id past the largest an event can have, with a 400', async () => {
    const admin = await server.login('admin');
    const reply = await server.request<{
      error: { code: string; fields: Array<{ path: string }> };
    }>('GET', '/api/v1/audit?after=2147483648', undefined, admin.token);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    expect(reply.body.error.fields.map((field) => field.path)).toEqual(['after']);
  });
});
