import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../shared/errors';
import type { PublishedResult } from '../../shared/index/campaign';
import { databases } from './support/databases';
import { agencyIdOf, evaluationCounts, publishedResults } from './support/evaluation';
import { startTestServer } from './support/server';
import type { HttpReply, Session, TestServer } from './support/server';

function refusal(reply: HttpReply) {
  const body = reply.body as ErrorResponse;
  return {
    status: reply.status,
    code: body.error.code,
    paths: body.error.fields.map((field) => field.path),
  };
}

describe.each(databases)('importing published results on $name', (database) => {
  let server: TestServer;
  let admin: Session;

  beforeAll(async () => {
    server = await startTestServer(database);
    admin = await server.login('admin');
  });
  afterAll(() => server.close());

  const post = (path: string, body: unknown) =>
    server.request('POST', path, body, admin.token);

  async function writesNothing(refused: () => Promise<void>): Promise<void> {
    const before = await evaluationCounts(server);
    await refused();
    expect(await evaluationCounts(server)).toEqual(before);
  }

  it('imports published results idempotently by year, group and provider, keeping each stored id', async () => {
    const mlspp = await agencyIdOf(server, 'mlspp');
    const results = publishedResults(mlspp).map(({ id: _id, ...result }) => ({
      ...result,
      year: 2019,
    }));
    const first = await post('/api/v1/admin/published-results', { results });
    expect(first.status).toBe(200);
    const imported = first.body as {
      created: number;
      results: PublishedResult[];
    };
    expect(imported).toMatchObject({ created: 2, updated: 0, unchanged: 0 });

    await writesNothing(async () => {
      const again = await post('/api/v1/admin/published-results', { results });
      expect(again.body).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 2,
        results: imported.results,
      });
    });

    const corrected = results.map((result, i) =>
      i === 0 ? { ...result, percent: 64.4, stars: 4 } : result,
    );
    const before = await evaluationCounts(server);
    const third = await post('/api/v1/admin/published-results', { results: corrected });
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((third.body as { results: PublishedResult[] }).results[0]).toMatchObject({
      id: imported.results[0]?.id,
      percent: 64.4,
    });
    expect(await evaluationCounts(server)).toMatchObject({
      published_results: before.published_results,
      audit_events: before.audit_events + 1,
    });
  });

  it('refuses published results that repeat a provider, name an unknown agency, take another result’s id or are out of range, writing none of them', async () => {
    const mlspp = await agencyIdOf(server, 'mlspp');
    const [stored] = (
      (
        await post('/api/v1/admin/published-results', {
          results: publishedResults(mlspp).map((result) => ({ ...result, year: 2020 })),
        })
      ).body as { results: PublishedResult[] }
    ).results;
    if (!stored) throw new Error('the import returned its results');

    await writesNothing(async () => {
      const fresh = { ...stored, id: undefined, year: 2021, providerName: 'Yeni qurum' };
      const repeated = await post('/api/v1/admin/published-results', {
        results: [fresh, { ...fresh, percent: 10 }],
      });
      expect(refusal(repeated)).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['results.1.providerName'],
      });
      const invalid = await post('/api/v1/admin/published-results', {
        results: [{ ...fresh, percent: 150, stars: 6, group: 'ministry' }],
      });
      expect(refusal(invalid).paths).toEqual([
        'results.0.group',
        'results.0.percent',
        'results.0.stars',
      ]);
      const unknownAgency = await post('/api/v1/admin/published-results', {
        results: [fresh, { ...fresh, providerName: 'Başqa', agencyId: randomUUID() }],
      });
      expect(refusal(unknownAgency)).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['results.1.agencyId'],
      });
      const stolenId = await post('/api/v1/admin/published-results', {
        results: [fresh, { ...fresh, providerName: 'Üçüncü', id: stored.id }],
      });
      expect(refusal(stolenId).paths).toEqual(['results.1.id']);
      const renamedId = await post('/api/v1/admin/published-results', {
        results: [{ ...stored, id: randomUUID() }],
      });
      expect(refusal(renamedId).paths).toEqual(['results.0.id']);
      const none = await post('/api/v1/admin/published-results', { results: [] });
      expect(refusal(none).paths).toEqual(['results']);
    });
  });
});
