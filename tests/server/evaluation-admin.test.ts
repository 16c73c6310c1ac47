import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../shared/errors';
import type { Campaign } from '../../shared/index/campaign';
import type { Methodology } from '../../shared/index/methodology';
import { databases } from './support/databases';
import {
  agencyIdOf,
  campaignBody,
  createCampaign,
  createMethodology,
  evaluationCounts,
  methodologyBody,
  publishedResults,
} from './support/evaluation';
import { completeRecord, draftService } from './support/registry';
import { startTestServer } from './support/server';
import type { HttpReply, Session, TestServer } from './support/server';

/** The refusal's status, code and field paths, for one comparison. */
function refusal(reply: HttpReply) {
  const body = reply.body as ErrorResponse;
  return {
    status: reply.status,
    code: body.error.code,
    paths: body.error.fields.map((field) => field.path),
  };
}

describe.each(databases)('ASAN index administration on $name', (database) => {
  let server: TestServer;
  let admin: Session;
  let evaluator: Session;

  beforeAll(async () => {
    server = await startTestServer(database);
    admin = await server.login('admin');
    evaluator = await server.login('evaluator');
  });
  afterAll(() => server.close());

  const post = (path: string, body: unknown, session = admin) =>
    server.request('POST', path, body, session.token);
  const put = (path: string, body: unknown, session = admin) =>
    server.request('PUT', path, body, session.token);

  /** Runs `refused`, then checks that no evaluation row, feed row or audit entry was written. */
  async function writesNothing(refused: () => Promise<void>): Promise<void> {
    const before = await evaluationCounts(server);
    await refused();
    expect(await evaluationCounts(server)).toEqual(before);
  }

  it('creates a methodology with an id of its own, unfrozen, with its audit entry and feed row', async () => {
    const before = await evaluationCounts(server);
    const methodology = await createMethodology(server, admin, { year: 2030 });
    expect(methodology).toMatchObject({ year: 2030, version: 1, frozenAt: null });
    expect(await evaluationCounts(server)).toMatchObject({
      methodologies: before.methodologies + 1,
      changes: before.changes + 1,
      audit_events: before.audit_events + 1,
    });
    const audit = await server
      .db('audit_events')
      .where('entity_id', methodology.id)
      .first<{ action: string; actor_id: string }>();
    expect(audit).toMatchObject({
      action: 'methodology.create',
      actor_id: admin.user.id,
    });
  });

  it('refuses an invalid methodology with a 400 naming each field, and writes nothing', async () => {
    await writesNothing(async () => {
      const body = methodologyBody({ year: 2031 });
      const shape = await post('/api/v1/admin/methodologies', {
        ...body,
        year: 1999,
        bands: [],
        parameters: [{ ...body.parameters[0], weight: -1 }],
      });
      expect(refusal(shape)).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['year', 'parameters.0.weight', 'bands'],
      });

      const [info, channels] = body.parameters;
      if (!info || !channels) throw new Error('the test methodology has two parameters');
      const duplicated = await post('/api/v1/admin/methodologies', {
        ...body,
        parameters: [info, { ...channels, code: 'info' }],
      });
      expect(refusal(duplicated)).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['parameters.1.code'],
      });

      const scale = await post('/api/v1/admin/methodologies', {
        ...body,
        parameters: [
          {
            ...channels,
            criteria: [
              {
                ...channels.criteria[0],
                subCriteria: [
                  { code: 'x-1', name: body.name, weight: 1, scale: { kind: 'stars' } },
                ],
              },
            ],
          },
        ],
      });
      expect(refusal(scale)).toMatchObject({
        status: 400,
        paths: ['parameters.0.criteria.0.subCriteria.0.scale.kind'],
      });
      const empty = await post('/api/v1/admin/methodologies', 'not json at all');
      expect(empty.status).toBe(400);
    });
  });

  it('refuses a second methodology for the same year and version, pointing at the version', async () => {
    await createMethodology(server, admin, { year: 2032 });
    await writesNothing(async () => {
      const again = await post(
        '/api/v1/admin/methodologies',
        methodologyBody({ year: 2032 }),
      );
      expect(refusal(again)).toEqual({
        status: 409,
        code: 'ALREADY_EXISTS',
        paths: ['version'],
      });
    });
    const next = await createMethodology(server, admin, { year: 2032, version: 2 });
    expect(next.version).toBe(2);
  });

  it('updates a methodology that has no answers, and refuses another id, an unknown one or a used version', async () => {
    const methodology = await createMethodology(server, admin, { year: 2033 });
    await createMethodology(server, admin, { year: 2033, version: 2 });
    const renamed = {
      ...methodologyBody({ year: 2033 }),
      name: { az: 'Yeni ad', en: 'New name', ru: 'Новое имя' },
    };
    const updated = await put(`/api/v1/admin/methodologies/${methodology.id}`, renamed);
    expect(updated.status).toBe(200);
    expect((updated.body as { methodology: Methodology }).methodology).toMatchObject({
      id: methodology.id,
      name: renamed.name,
      createdAt: methodology.createdAt,
      frozenAt: null,
    });

    await writesNothing(async () => {
      const other = await put(`/api/v1/admin/methodologies/${methodology.id}`, {
        ...renamed,
        id: randomUUID(),
      });
      expect(refusal(other)).toMatchObject({ status: 400, paths: ['id'] });
      const unknown = await put(`/api/v1/admin/methodologies/${randomUUID()}`, renamed);
      expect(refusal(unknown)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      const taken = await put(`/api/v1/admin/methodologies/${methodology.id}`, {
        ...renamed,
        version: 2,
      });
      expect(refusal(taken)).toEqual({
        status: 409,
        code: 'ALREADY_EXISTS',
        paths: ['version'],
      });
    });
  });

  it('refuses a campaign whose methodology, providers, services or evaluators the registry contradicts, naming each, and writes nothing', async () => {
    const methodology = await createMethodology(server, admin, { year: 2034 });
    const mlsppStaff = await server.login('agency.mlspp');
    const reviewer = await server.login('reviewer');
    const draft = await draftService(mlsppStaff, reviewer, completeRecord());
    const valid = {
      ...(await campaignBody(server, methodology.id, [evaluator.user.id])),
      year: 2034,
    };
    const [first, second] = valid.services;
    if (!first || !second) throw new Error('the demo registry has published services');
    const justice = await agencyIdOf(server, 'justice');
    const health = await agencyIdOf(server, 'health');
    const mlspp = await agencyIdOf(server, 'mlspp');
    const otherYear = await createMethodology(server, admin, { year: 2035 });

    await writesNothing(async () => {
      const broken = await post('/api/v1/admin/campaigns', {
        ...valid,
        providers: [...valid.providers, { agencyId: randomUUID(), group: 'other' }],
        services: [
          { serviceId: randomUUID(), agencyId: mlspp },
          {
            serviceId: first.serviceId,
            agencyId: first.agencyId === mlspp ? justice : mlspp,
          },
          { serviceId: draft.serviceId, agencyId: mlspp },
          ...(await healthService(health)),
          second,
        ],
        evaluatorIds: [evaluator.user.id, reviewer.user.id, randomUUID()],
      });
      expect(refusal(broken)).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: [
          'providers.2.agencyId',
          'services.0.serviceId',
          'services.1.agencyId',
          'services.2.serviceId',
          'services.3.agencyId',
          'evaluatorIds.1',
          'evaluatorIds.2',
        ],
      });

      const noMethodology = await post('/api/v1/admin/campaigns', {
        ...valid,
        methodologyId: randomUUID(),
      });
      expect(refusal(noMethodology).paths).toEqual(['methodologyId']);
      const wrongYear = await post('/api/v1/admin/campaigns', {
        ...valid,
        methodologyId: otherYear.id,
      });
      expect(refusal(wrongYear).paths).toEqual(['methodologyId']);

      const twice = await post('/api/v1/admin/campaigns', {
        ...valid,
        services: [first, first],
        evaluatorIds: [evaluator.user.id, evaluator.user.id],
      });
      expect(refusal(twice)).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['services.1.serviceId', 'evaluatorIds.1'],
      });
      const shape = await post('/api/v1/admin/campaigns', {
        ...valid,
        name: { az: '' },
        providers: [{ agencyId: 'mlspp', group: 'ministry' }],
      });
      expect(refusal(shape)).toMatchObject({
        status: 400,
        paths: [
          'name.az',
          'name.en',
          'name.ru',
          'providers.0.agencyId',
          'providers.0.group',
        ],
      });
    });

    const created = await createCampaign(server, admin, valid);
    expect(created).toMatchObject({ status: 'open', revision: 1, year: 2034 });
  });

  /** A published service of the health agency, which the campaign does not list. */
  async function healthService(agencyId: string) {
    const rows = await server
      .db('services as s')
      .join('service_versions as v', 'v.service_id', 's.id')
      .where({ 's.agency_id': agencyId, 'v.status': 'approved' })
      .select<Array<{ id: string }>>('s.id')
      .limit(1);
    return rows.map((row) => ({ serviceId: row.id, agencyId }));
  }

  it('updates a campaign with a new revision, and moves its status only open ⇄ closed → published', async () => {
    const methodology = await createMethodology(server, admin, { year: 2036 });
    const body = { ...(await campaignBody(server, methodology.id, [])), year: 2036 };
    const campaign = await createCampaign(server, admin, body);
    const path = `/api/v1/admin/campaigns/${campaign.id}`;

    const updated = await put(path, { ...body, evaluatorIds: [evaluator.user.id] });
    expect(updated.status).toBe(200);
    expect((updated.body as { campaign: Campaign }).campaign).toMatchObject({
      revision: 2,
      evaluatorIds: [evaluator.user.id],
      createdAt: campaign.createdAt,
    });

    const status = async (to: unknown) => put(`${path}/status`, { status: to });
    await writesNothing(async () => {
      expect(refusal(await status('published'))).toEqual({
        status: 409,
        code: 'ILLEGAL_TRANSITION',
        paths: ['status'],
      });
      expect(refusal(await status('archived'))).toMatchObject({
        status: 400,
        paths: ['status'],
      });
      expect((await status('open')).status).toBe(200);
      const unknown = await put(`/api/v1/admin/campaigns/${randomUUID()}/status`, {
        status: 'closed',
      });
      expect(unknown.status).toBe(404);
    });
    for (const [to, revision] of [
      ['closed', 3],
      ['open', 4],
      ['closed', 5],
      ['published', 6],
    ] as const) {
      const reply = await status(to);
      expect(reply.status).toBe(200);
      expect((reply.body as { campaign: Campaign }).campaign).toMatchObject({
        status: to,
        revision,
      });
    }
    await writesNothing(async () => {
      expect(refusal(await status('closed')).code).toBe('ILLEGAL_TRANSITION');
      expect(refusal(await put(path, body))).toMatchObject({
        status: 409,
        code: 'ILLEGAL_TRANSITION',
      });
    });
    const actions = await server
      .db('audit_events')
      .where('entity_id', campaign.id)
      .orderBy('chain_seq')
      .pluck('action');
    expect(actions).toEqual([
      'campaign.create',
      'campaign.update',
      ...Array.from({ length: 4 }, () => 'campaign.setStatus'),
    ]);
  });

  it('lets only administrators manage methodologies, campaigns and published results', async () => {
    const methodology = await createMethodology(server, admin, { year: 2037 });
    const body = { ...(await campaignBody(server, methodology.id, [])), year: 2037 };
    const campaign = await createCampaign(server, admin, body);
    const others = [
      await server.login('agency.mlspp'),
      await server.login('reviewer'),
      evaluator,
      await server.login('auditor'),
    ];
    await writesNothing(async () => {
      for (const session of others) {
        const replies = [
          await post(
            '/api/v1/admin/methodologies',
            methodologyBody({ year: 2038 }),
            session,
          ),
          await put(
            `/api/v1/admin/methodologies/${methodology.id}`,
            methodologyBody({ year: 2037 }),
            session,
          ),
          await post('/api/v1/admin/campaigns', body, session),
          await put(`/api/v1/admin/campaigns/${campaign.id}`, body, session),
          await put(
            `/api/v1/admin/campaigns/${campaign.id}/status`,
            { status: 'closed' },
            session,
          ),
          await post(
            '/api/v1/admin/published-results',
            { results: publishedResults() },
            session,
          ),
        ];
        expect(replies.map(refusal)).toEqual(
          replies.map(() => ({ status: 403, code: 'FORBIDDEN', paths: [] })),
        );
      }
      const anonymous = await server.request(
        'POST',
        '/api/v1/admin/methodologies',
        methodologyBody({ year: 2038 }),
      );
      expect(anonymous.status).toBe(401);
    });
  });
});
