import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/index/campaign';
import type { Methodology } from '../../shared/index/methodology';
import type { MutationName } from '../../shared/sync/mutations';
import { SNAPSHOT_LAYOUT_VERSION } from '../../shared/sync/snapshot-layout';
import { databases } from '../server/support/databases';
import {
  answerArgs,
  campaignBody,
  createCampaign,
  createMethodology,
  methodologyBody,
  publishedResults,
} from '../server/support/evaluation';
import {
  approvedName,
  completeRecord,
  draftService,
  submittedService,
} from '../server/support/registry';
import type { HttpReply, Session } from '../server/support/server';
import { writeFakeRelease } from '../support/update-feed';
import { candidateId } from '../../src-server/duplicates/candidate-rows';
import { storeFoundPairs } from '../../src-server/duplicates/store-candidates';
import { routeId, startInjectServer } from '../fuzz/support/inject-server';
import type { InjectServer } from '../fuzz/support/inject-server';

/**
 * Every role × every action, written out. The records acted on belong to
 * the Ministry of Labour (mlspp): "own" staff work there, "other" staff at
 * the Ministry of Justice; one reviewer belongs to no agency, the other to
 * mlspp and so may not decide its submissions.
 */
const roles = [
  'ownStaff',
  'otherStaff',
  'reviewer',
  'agencyReviewer',
  'evaluator',
  'auditor',
  'admin',
  'anonymous',
] as const;
type Role = (typeof roles)[number];

const Y = 'allow';
const N = 'deny';
type Cell = typeof Y | typeof N;

// Columns: ownStaff, otherStaff, reviewer, agencyReviewer, evaluator, auditor, admin, anonymous.
// prettier-ignore
const matrix: Record<string, readonly Cell[]> = {
  'GET /api/v1/health':                       [Y, Y, Y, Y, Y, Y, Y, Y],
  'POST /api/v1/auth/login':                  [Y, Y, Y, Y, Y, Y, Y, Y],
  'POST /api/v1/auth/logout':                 [Y, Y, Y, Y, Y, Y, Y, N],
  'GET /api/v1/auth/me':                      [Y, Y, Y, Y, Y, Y, Y, N],
  'POST /api/v1/sync/push':                   [Y, Y, Y, Y, Y, Y, Y, N],
  'POST /api/v1/sync/pull':                   [Y, Y, Y, Y, Y, Y, Y, N],
  'GET /api/v1/sync/snapshot':                [Y, Y, Y, Y, Y, Y, Y, N],
  'GET /api/v1/admin/users':                  [N, N, N, N, N, N, Y, N],
  'POST /api/v1/admin/users':                 [N, N, N, N, N, N, Y, N],
  'PATCH /api/v1/admin/users/:id':            [N, N, N, N, N, N, Y, N],
  'PUT /api/v1/admin/agencies/:id':           [N, N, N, N, N, N, Y, N],
  'POST /api/v1/admin/methodologies':         [N, N, N, N, N, N, Y, N],
  'PUT /api/v1/admin/methodologies/:id':      [N, N, N, N, N, N, Y, N],
  'POST /api/v1/admin/campaigns':             [N, N, N, N, N, N, Y, N],
  'PUT /api/v1/admin/campaigns/:id':          [N, N, N, N, N, N, Y, N],
  'PUT /api/v1/admin/campaigns/:id/status':   [N, N, N, N, N, N, Y, N],
  'POST /api/v1/admin/published-results':     [N, N, N, N, N, N, Y, N],
  'GET /api/v1/audit':                        [N, N, Y, Y, N, Y, Y, N],
  'GET /api/v1/open-data/services.jsonld':    [Y, Y, Y, Y, Y, Y, Y, Y],
  'GET /api/v1/open-data/services.csv':       [Y, Y, Y, Y, Y, Y, Y, Y],
  'GET /updates/:channel/:file':              [Y, Y, Y, Y, Y, Y, Y, Y],
  'intent serviceName.propose':               [Y, N, N, N, N, N, N, N],
  'intent serviceName.decide':                [N, N, Y, N, N, N, N, N],
  'intent service.create':                    [Y, N, N, N, N, N, N, N],
  'intent service.saveDraft':                 [Y, N, N, N, N, N, N, N],
  'intent service.submit':                    [Y, N, N, N, N, N, N, N],
  'intent service.withdraw':                  [Y, N, N, N, N, N, N, N],
  'intent service.decide':                    [N, N, Y, N, N, N, N, N],
  'intent evaluation.answer':                 [N, N, N, N, Y, N, N, N],
  'intent duplicate.mark':                    [N, N, Y, Y, N, N, N, N],
};

const intentNames: readonly MutationName[] = [
  'serviceName.propose',
  'serviceName.decide',
  'service.create',
  'service.saveDraft',
  'service.submit',
  'service.withdraw',
  'service.decide',
  'evaluation.answer',
  'duplicate.mark',
];

const usernames: Record<Exclude<Role, 'anonymous'>, string> = {
  ownStaff: 'agency.mlspp',
  otherStaff: 'agency.justice',
  reviewer: 'reviewer',
  agencyReviewer: 'reviewer.mlspp',
  evaluator: 'evaluator',
  auditor: 'auditor',
  admin: 'admin',
};

describe.each(databases)('the authorization matrix on $name', (database) => {
  let server: InjectServer;
  let sessions: Record<Exclude<Role, 'anonymous'>, Session>;
  let methodology: Methodology;
  let campaign: Campaign;
  let victimUserId: string;
  let year = 2050;

  beforeAll(async () => {
    // A published release, so the feed's answer to each role is a file or a refusal.
    const updatesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-matrix-feed-'));
    writeFakeRelease(path.join(updatesDir, 'stable'), {
      version: '9.9.9',
      installerName: 'DXER-Desktop-9.9.9-amd64.deb',
      feedFile: 'latest-linux.yml',
    });
    server = await startInjectServer(database, { updatesDir }, { snapshots: true });
    const admin = await server.login('admin');
    const mlsppId = (await server.login('agency.mlspp')).user.agencyId;
    const created = await server.request(
      'POST',
      '/api/v1/admin/users',
      {
        username: usernames.agencyReviewer,
        displayName: 'Rəyçi (ƏƏSMN)',
        password: `${usernames.agencyReviewer}-demo`,
        role: 'reviewer',
        agencyId: mlsppId,
      },
      admin.token,
    );
    expect(created.status, created.text).toBe(201);
    const victim = await server.request<{ user: { id: string } }>(
      'POST',
      '/api/v1/admin/users',
      {
        username: 'matrix.victim',
        displayName: 'X',
        password: 'matrix-victim-1',
        role: 'auditor',
      },
      admin.token,
    );
    victimUserId = victim.body.user.id;
    const entries = await Promise.all(
      Object.entries(usernames).map(async ([role, name]) => [
        role,
        await server.login(name),
      ]),
    );
    sessions = Object.fromEntries(entries) as typeof sessions;
    methodology = await createMethodology(server, admin, { year: 2049 });
    campaign = await createCampaign(server, admin, {
      ...(await campaignBody(server, methodology.id, [sessions.evaluator.user.id])),
      year: 2049,
    });
  });
  afterAll(() => server.close());

  it('covers every route the server registers and every intent kind', () => {
    const actions = [
      ...server.routes.map(routeId),
      ...intentNames.map((name) => `intent ${name}`),
    ];
    expect(Object.keys(matrix).sort()).toEqual([...new Set(actions)].sort());
  });

  /** A request of one REST action as `role`, with a fresh fixture where it writes. */
  async function restCall(action: string, role: Role): Promise<HttpReply> {
    const token = role === 'anonymous' ? undefined : sessions[role].token;
    const admin = sessions.admin;
    const [method = 'GET', path = ''] = action.split(' ');
    switch (action) {
      case 'POST /api/v1/auth/login': {
        const username = role === 'anonymous' ? 'auditor' : usernames[role];
        return server.request(method, path, { username, password: `${username}-demo` });
      }
      case 'POST /api/v1/auth/logout': {
        // A session of its own, so the one the matrix goes on with stays open.
        const own =
          role === 'anonymous' ? undefined : (await server.login(usernames[role])).token;
        return server.request(method, path, undefined, own);
      }
      case 'POST /api/v1/sync/push':
        return server.request(
          method,
          path,
          {
            protocolVersion: 1,
            schemaVersion: 1,
            clientId: randomUUID(),
            mutations: [
              {
                mutationId: randomUUID(),
                clientSeq: 1,
                name: 'service.submit',
                args: {},
              },
            ],
          },
          token,
        );
      case 'POST /api/v1/sync/pull':
        return server.request(
          method,
          path,
          {
            protocolVersion: 1,
            schemaVersion: 1,
            clientId: randomUUID(),
            cursor: null,
            limit: 5,
          },
          token,
        );
      case 'POST /api/v1/admin/users':
        return server.request(
          method,
          path,
          {
            username: `m.${randomUUID().slice(0, 8)}`,
            displayName: 'Yeni',
            password: 'long-enough-1',
            role: 'auditor',
          },
          token,
        );
      case 'PATCH /api/v1/admin/users/:id':
        return server.request(
          method,
          `/api/v1/admin/users/${victimUserId}`,
          { displayName: 'D' },
          token,
        );
      case 'PUT /api/v1/admin/agencies/:id': {
        const id = randomUUID();
        const code = `m-${id.slice(0, 8)}`;
        return server.request(
          method,
          `/api/v1/admin/agencies/${id}`,
          { id, code, group: 'other', nameAz: 'Q', nameEn: 'A', isActive: true },
          token,
        );
      }
      case 'POST /api/v1/admin/methodologies':
        year += 1;
        return server.request(method, path, methodologyBody({ year }), token);
      case 'PUT /api/v1/admin/methodologies/:id': {
        const fresh = await createMethodology(server, admin, { year: (year += 1) });
        return server.request(
          method,
          `/api/v1/admin/methodologies/${fresh.id}`,
          methodologyBody({ year: fresh.year }),
          token,
        );
      }
      case 'POST /api/v1/admin/campaigns':
        return server.request(
          method,
          path,
          { ...(await campaignBody(server, methodology.id, [])), year: 2049 },
          token,
        );
      case 'PUT /api/v1/admin/campaigns/:id':
        return server.request(
          method,
          `/api/v1/admin/campaigns/${campaign.id}`,
          {
            ...(await campaignBody(server, methodology.id, [sessions.evaluator.user.id])),
            year: 2049,
          },
          token,
        );
      case 'PUT /api/v1/admin/campaigns/:id/status':
        return server.request(
          method,
          `/api/v1/admin/campaigns/${campaign.id}/status`,
          { status: 'open' },
          token,
        );
      case 'GET /api/v1/sync/snapshot': {
        // The first ask for a scope starts its build; the next is answered with the file.
        const url = `${path}?layout=${SNAPSHOT_LAYOUT_VERSION}`;
        const first = await server.request(method, url, undefined, token);
        if (first.status !== 404) return first;
        await server.snapshots?.idle();
        return server.request(method, url, undefined, token);
      }
      case 'GET /updates/:channel/:file':
        return server.request(
          method,
          '/updates/stable/latest-linux.yml',
          undefined,
          token,
        );
      case 'POST /api/v1/admin/published-results':
        return server.request(method, path, { results: publishedResults() }, token);
      default:
        return server.request(method, path, undefined, token);
    }
  }

  /** A pair of demo services not yet paired, unmarked, as a scan stores it. */
  let pairsMade = 0;
  async function freshCandidate(): Promise<{
    candidateId: string;
    baseRevision: number;
  }> {
    const [first, second] = await server
      .db('services')
      .orderBy('id')
      .offset(2 * pairsMade)
      .limit(2)
      .select<Array<{ id: string; agency_id: string }>>('id', 'agency_id');
    pairsMade += 1;
    if (!first || !second) throw new Error('not enough demo services for a pair');
    const agencies = new Map([
      [first.id, first.agency_id],
      [second.id, second.agency_id],
    ]);
    await storeFoundPairs(
      server.db,
      [
        {
          aId: first.id,
          bId: second.id,
          score: 0.9,
          reasons: ['SIMILAR_NAME'],
          parts: { name: 0.9, result: null, legalBasis: null, documents: null },
        },
      ],
      (serviceId) => agencies.get(serviceId) ?? '',
    );
    const [aId, bId] = [first.id, second.id].sort();
    return { candidateId: candidateId(aId ?? '', bId ?? ''), baseRevision: 1 };
  }

  /** The args of one intent kind on a fresh mlspp record in the state it needs. */
  async function intentArgs(name: MutationName): Promise<unknown> {
    const { ownStaff, reviewer } = sessions;
    const agencyId = ownStaff.user.agencyId;
    switch (name) {
      case 'serviceName.propose':
        return { serviceNameId: randomUUID(), agencyId, name: 'Matris adı' };
      case 'serviceName.decide': {
        const serviceNameId = randomUUID();
        await ownStaff.push([
          {
            name: 'serviceName.propose',
            args: { serviceNameId, agencyId, name: 'Qərar adı' },
          },
        ]);
        return { serviceNameId, submissionNo: 1, decision: 'approve' };
      }
      case 'service.create':
        return {
          serviceId: randomUUID(),
          versionId: randomUUID(),
          agencyId,
          serviceNameId: await approvedName(ownStaff, reviewer),
          record: completeRecord(),
        };
      case 'service.saveDraft': {
        const { serviceId } = await draftService(ownStaff, reviewer);
        return {
          serviceId,
          newVersionId: randomUUID(),
          changes: [{ field: 'complaintProcedure', base: '', value: 'Yeni.' }],
        };
      }
      case 'service.submit':
        return { serviceId: (await draftService(ownStaff, reviewer)).serviceId };
      case 'service.withdraw':
        return { serviceId: (await submittedService(ownStaff, reviewer)).serviceId };
      case 'service.decide':
        return {
          ...(await submittedService(ownStaff, reviewer)),
          submissionNo: 1,
          decision: 'approve',
        };
      case 'evaluation.answer':
        return answerArgs(campaign);
      case 'duplicate.mark':
        return { ...(await freshCandidate()), kind: 'notDuplicate', note: '' };
    }
  }

  it.each(Object.keys(matrix).filter((action) => !action.startsWith('intent ')))(
    '%s: each role allowed or refused as the table says',
    async (action) => {
      const seen: string[] = [];
      const expected: string[] = [];
      for (const [index, role] of roles.entries()) {
        const reply = await restCall(action, role);
        const refused =
          role === 'anonymous' ? reply.status === 401 : reply.status === 403;
        const outcome =
          reply.status < 300
            ? Y
            : refused
              ? N
              : `unexpected ${reply.status} ${reply.text.slice(0, 120)}`;
        seen.push(`${role}: ${outcome}`);
        expected.push(`${role}: ${matrix[action]?.[index] ?? '?'}`);
      }
      expect(seen).toEqual(expected);
    },
  );

  it.each(intentNames)(
    'intent %s: each role allowed or refused as the table says',
    async (name) => {
      const seen: string[] = [];
      const expected: string[] = [];
      for (const [index, role] of roles.entries()) {
        const args = await intentArgs(name);
        let outcome: string;
        if (role === 'anonymous') {
          const reply = await server.request('POST', '/api/v1/sync/push', {
            protocolVersion: 1,
            schemaVersion: 1,
            clientId: randomUUID(),
            mutations: [{ mutationId: randomUUID(), clientSeq: 1, name, args }],
          });
          outcome = reply.status === 401 ? N : `unexpected ${reply.status}`;
        } else {
          const reply = await sessions[role].push([{ name, args }]);
          const result = reply.body.results[0];
          outcome =
            result?.status === 'applied'
              ? Y
              : result?.status === 'rejected' &&
                  ['FORBIDDEN', 'OWN_AGENCY_DECISION'].includes(result.error.code)
                ? N
                : `unexpected ${reply.text.slice(0, 160)}`;
        }
        seen.push(`${role}: ${outcome}`);
        expected.push(`${role}: ${matrix[`intent ${name}`]?.[index] ?? '?'}`);
      }
      expect(seen).toEqual(expected);
    },
  );
});
