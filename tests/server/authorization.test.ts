import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/user';
import { actions, can, decide } from '../../src-server/authorization/policy';
import type { Action } from '../../src-server/authorization/policy';
import { databases } from './support/databases';
import {
  approvedName,
  completeRecord,
  draftService,
  publishedService,
  submittedService,
} from './support/registry';
import { startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

const OWN = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER = 'aaaaaaaa-0000-4000-8000-000000000002';

const actor = (role: Role, agencyId: string | null = null) => ({
  role,
  agencyId,
  isActive: true,
});
const agencyWrites: Action[] = [
  'serviceName.propose',
  'service.create',
  'service.edit',
  'service.submit',
  'service.withdraw',
];
const decisions: Action[] = ['serviceName.decide', 'service.decide'];

describe('the authorization policy, role by action', () => {
  const expectations: Record<Role, (action: Action, agencyId: string) => boolean> = {
    agencyStaff: (action, agencyId) => agencyWrites.includes(action) && agencyId === OWN,
    reviewer: (action) =>
      decisions.includes(action) ||
      action === 'audit.read' ||
      action === 'duplicate.mark',
    evaluator: (action) => action === 'evaluation.answer',
    auditor: (action) => action === 'audit.read',
    admin: (action) =>
      ['audit.read', 'user.manage', 'agency.manage', 'evaluation.manage'].includes(
        action,
      ),
  };

  for (const role of Object.keys(expectations) as Role[]) {
    for (const action of actions) {
      for (const agencyId of [OWN, OTHER]) {
        const expected = expectations[role](action, agencyId);
        it(`${expected ? 'lets' : 'forbids'} a ${role} ${action} on ${agencyId === OWN ? 'their own' : 'another'} agency’s record`, () => {
          const user = actor(role, role === 'agencyStaff' ? OWN : null);
          expect(can(user, action, { agencyId })).toBe(expected);
        });
      }
    }
  }

  it('forbids a reviewer tied to an agency to decide that agency’s submissions', () => {
    expect(
      decide(actor('reviewer', OWN), 'service.decide', { agencyId: OWN }),
    ).toMatchObject({ allowed: false, code: 'OWN_AGENCY_DECISION' });
    expect(can(actor('reviewer', OWN), 'service.decide', { agencyId: OTHER })).toBe(true);
  });

  it('forbids everything to a disabled account', () => {
    for (const action of actions) {
      expect(
        can({ role: 'admin', agencyId: null, isActive: false }, action, {
          agencyId: OWN,
        }),
      ).toBe(false);
    }
  });
});

describe.each(databases)(
  'authorization through push and the API on $name',
  (database) => {
    let server: TestServer;
    let mlspp: Session;
    let justice: Session;
    let reviewer: Session;
    let evaluator: Session;
    let auditor: Session;
    let admin: Session;

    beforeAll(async () => {
      server = await startTestServer(database);
      mlspp = await server.login('agency.mlspp');
      justice = await server.login('agency.justice');
      reviewer = await server.login('reviewer');
      evaluator = await server.login('evaluator');
      auditor = await server.login('auditor');
      admin = await server.login('admin');
    });
    afterAll(() => server.close());

    async function codeOf(
      session: Session,
      name: string,
      args: unknown,
    ): Promise<string> {
      const reply = await session.push([{ name, args }]);
      const result = reply.body.results[0];
      if (!result) throw new Error(reply.text);
      return result.status === 'rejected' ? result.error.code : result.status;
    }

    it('lets only the owning agency’s staff edit, submit and withdraw its services', async () => {
      const { serviceId } = await draftService(mlspp, reviewer);
      const edit = {
        serviceId,
        newVersionId: randomUUID(),
        changes: [{ field: 'complaintProcedure', base: '', value: 'Yeni.' }],
      };
      for (const session of [justice, reviewer, evaluator, auditor, admin]) {
        expect(await codeOf(session, 'service.saveDraft', edit)).toBe('FORBIDDEN');
        expect(await codeOf(session, 'service.submit', { serviceId })).toBe('FORBIDDEN');
      }
      expect(await codeOf(mlspp, 'service.saveDraft', edit)).toBe('applied');
      expect(await codeOf(mlspp, 'service.submit', { serviceId })).toBe('applied');
      expect(await codeOf(justice, 'service.withdraw', { serviceId })).toBe('FORBIDDEN');
      expect(await codeOf(mlspp, 'service.withdraw', { serviceId })).toBe('applied');
    });

    it('lets nobody but a reviewer decide, and never the submitting agency', async () => {
      const ids = await submittedService(mlspp, reviewer);
      const decision = { ...ids, submissionNo: 1, decision: 'approve' };
      for (const session of [mlspp, justice, evaluator, auditor, admin]) {
        expect(await codeOf(session, 'service.decide', decision)).toBe('FORBIDDEN');
      }
      const nameId = randomUUID();
      await mlspp.push([
        {
          name: 'serviceName.propose',
          args: {
            serviceNameId: nameId,
            agencyId: mlspp.user.agencyId,
            name: 'Qərarsız ad',
          },
        },
      ]);
      for (const session of [mlspp, justice, evaluator, auditor, admin]) {
        expect(
          await codeOf(session, 'serviceName.decide', {
            serviceNameId: nameId,
            submissionNo: 1,
            decision: 'approve',
          }),
        ).toBe('FORBIDDEN');
      }
      expect(await codeOf(reviewer, 'service.decide', decision)).toBe('applied');
    });

    it('lets agency staff create services and propose names only for their own agency', async () => {
      const nameId = await approvedName(mlspp, reviewer);
      const create = {
        serviceId: randomUUID(),
        versionId: randomUUID(),
        agencyId: mlspp.user.agencyId,
        serviceNameId: nameId,
        record: completeRecord(),
      };
      expect(await codeOf(justice, 'service.create', create)).toBe('FORBIDDEN');
      expect(await codeOf(reviewer, 'service.create', create)).toBe('FORBIDDEN');
      expect(
        await codeOf(justice, 'service.create', {
          ...create,
          agencyId: justice.user.agencyId,
        }),
      ).toBe('NAME_NOT_APPROVED');
      for (const session of [justice, reviewer, evaluator, auditor, admin]) {
        expect(
          await codeOf(session, 'serviceName.propose', {
            serviceNameId: randomUUID(),
            agencyId: mlspp.user.agencyId,
            name: 'Başqasının adı',
          }),
        ).toBe('FORBIDDEN');
      }
    });

    it('keeps an approved service of one agency read-only to another agency', async () => {
      const { serviceId } = await publishedService(mlspp, reviewer);
      const edit = {
        serviceId,
        newVersionId: randomUUID(),
        changes: [{ field: 'complaintProcedure', base: '', value: 'Yad düzəliş.' }],
      };
      expect(await codeOf(justice, 'service.saveDraft', edit)).toBe('FORBIDDEN');
      expect(
        await server.db('service_versions').where('service_id', serviceId),
      ).toHaveLength(1);
    });

    it('lets only administrators manage users and agencies, and only auditors, reviewers and administrators read the audit log', async () => {
      const agency = {
        id: randomUUID(),
        code: 'test-agency',
        group: 'other',
        nameAz: 'Sınaq',
        nameEn: 'Test',
      };
      for (const session of [mlspp, reviewer, evaluator, auditor]) {
        expect(
          (await server.request('GET', '/api/v1/admin/users', undefined, session.token))
            .status,
        ).toBe(403);
        expect(
          (
            await server.request(
              'POST',
              '/api/v1/admin/users',
              {
                username: 'x.y',
                displayName: 'X',
                password: 'long-enough-1',
                role: 'auditor',
              },
              session.token,
            )
          ).status,
        ).toBe(403);
        expect(
          (
            await server.request(
              'PATCH',
              `/api/v1/admin/users/${session.user.id}`,
              { displayName: 'Mən' },
              session.token,
            )
          ).status,
        ).toBe(403);
        expect(
          (
            await server.request(
              'PUT',
              `/api/v1/admin/agencies/${agency.id}`,
              agency,
              session.token,
            )
          ).status,
        ).toBe(403);
      }
      expect(
        (await server.request('GET', '/api/v1/admin/users', undefined, admin.token))
          .status,
      ).toBe(200);
      for (const session of [mlspp, evaluator]) {
        expect(
          (await server.request('GET', '/api/v1/audit', undefined, session.token)).status,
        ).toBe(403);
      }
      for (const session of [reviewer, auditor, admin]) {
        expect(
          (await server.request('GET', '/api/v1/audit', undefined, session.token)).status,
        ).toBe(200);
      }
    });
  },
);
