import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentationAgencies } from '../../shared/reference/agencies';
import { campaignFromRow } from '../../src-server/evaluation/rows';
import type { CampaignRow } from '../../src-server/evaluation/rows';
import {
  DEMO_CAMPAIGN_ID,
  seedEvaluationDemo,
} from '../../src-server/seed/evaluation-demo';
import { databases } from './support/databases';
import {
  answerArgs,
  evaluationCounts,
  inlineMethodology,
  publishedResults,
  publishedServices,
} from './support/evaluation';
import { pullAll, startTestServer } from './support/server';
import type { TestServer } from './support/server';

const mlsppId =
  presentationAgencies.find((agency) => agency.code === 'mlspp')?.id ?? null;

describe.each(databases)('the ASAN index demo seed on $name', (database) => {
  let server: TestServer;
  const methodology = inlineMethodology();
  const results = publishedResults(mlsppId);

  beforeAll(async () => {
    server = await startTestServer(database, {
      evaluationDemo: { methodology, publishedResults: results },
    });
  });
  afterAll(() => server.close());

  it('seeds the methodology, the published results and an open campaign of its year over demo agencies’ published services, with the demo evaluator', async () => {
    const row = await server
      .db<CampaignRow>('campaigns')
      .where('id', DEMO_CAMPAIGN_ID)
      .first();
    if (!row) throw new Error('the demo campaign was not seeded');
    const campaign = campaignFromRow(row);
    const evaluator = await server.login('evaluator');
    const codes = ['mlspp', 'justice', 'migration', 'health'];
    expect(campaign).toMatchObject({
      year: 2023,
      methodologyId: methodology.id,
      status: 'open',
      evaluatorIds: [evaluator.user.id],
    });
    expect(campaign.providers.map((provider) => provider.agencyId).sort()).toEqual(
      presentationAgencies
        .filter((agency) => codes.includes(agency.code))
        .map((agency) => agency.id)
        .sort(),
    );
    expect(campaign.services).toEqual(await publishedServices(server, codes));
    expect(campaign.services.length).toBeGreaterThan(4);
    expect(await server.db('published_results').pluck('id')).toEqual(
      expect.arrayContaining(results.map((result) => result.id)),
    );

    const { changes } = await pullAll(await server.login('agency.justice'));
    const kinds = changes.map((change) => change.entity);
    expect(kinds.filter((kind) => kind === 'methodology')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'campaign')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'publishedResult')).toHaveLength(2);
  });

  it('changes nothing when run again, even with another id for the same methodology version', async () => {
    const before = await evaluationCounts(server);
    await seedEvaluationDemo(server.db, { methodology, publishedResults: results });
    await seedEvaluationDemo(server.db, {
      methodology: inlineMethodology(),
      publishedResults: results,
    });
    expect(await evaluationCounts(server)).toEqual(before);
  });

  it('gives the demo evaluator a campaign to answer', async () => {
    const evaluator = await server.login('evaluator');
    const row = await server
      .db<CampaignRow>('campaigns')
      .where('id', DEMO_CAMPAIGN_ID)
      .first();
    if (!row) throw new Error('the demo campaign was not seeded');
    const reply = await evaluator.push([
      { name: 'evaluation.answer', args: answerArgs(campaignFromRow(row)) },
    ]);
    expect(reply.body.results[0]?.status).toBe('applied');
  });

  it('refuses a demo methodology that breaks the methodology rules', async () => {
    const [parameter] = methodology.parameters;
    if (!parameter) throw new Error('the inline methodology has parameters');
    await expect(
      seedEvaluationDemo(server.db, {
        methodology: inlineMethodology({
          version: 9,
          parameters: [parameter, { ...parameter }],
        }),
        publishedResults: [],
      }),
    ).rejects.toThrow(/already used/);
  });
});

describe.each(databases)('a demo server without ASAN index data on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  it('seeds no methodology, campaign or published result', async () => {
    expect(await evaluationCounts(server)).toMatchObject({
      methodologies: 0,
      campaigns: 0,
      published_results: 0,
    });
  });
});
