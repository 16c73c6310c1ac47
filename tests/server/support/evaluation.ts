import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type {
  Campaign,
  EvaluationAnswer,
  PublishedResult,
} from '../../../shared/index/campaign';
import type { Methodology } from '../../../shared/index/methodology';
import type { MutationResult } from '../../../shared/sync/results';
import { pullAll } from './server';
import type { Session, TestServer } from './server';

/** What these helpers need of a server: its database and its endpoints. */
type ServerClient = Pick<TestServer, 'url' | 'db' | 'request' | 'login'>;

const named = (text: string) => ({ az: text, en: text, ru: text });

/**
 * A small methodology with one sub-criterion of each scale kind:
 * docs-listed (yes/no), fee-clarity (levels none/partial/full) and e-share
 * (percent). Stands in for the 2023 methodology until it is in the tree.
 */
export function methodologyBody(overrides: Partial<Methodology> = {}) {
  return {
    year: 2023,
    version: 1,
    name: named('ASAN xidmət indeksi 2023'),
    parameters: [
      {
        code: 'info',
        name: named('Xidmət haqqında məlumat'),
        weight: 2,
        criteria: [
          {
            code: 'info-docs',
            name: named('Sənədlər və rüsum'),
            weight: 1,
            subCriteria: [
              {
                code: 'docs-listed',
                name: named('Tələb olunan sənədlər göstərilib'),
                weight: 1,
                scale: { kind: 'yesNo' as const },
              },
              {
                code: 'fee-clarity',
                name: named('Rüsum aydın göstərilib'),
                weight: 1,
                scale: {
                  kind: 'levels' as const,
                  levels: [
                    { value: 'none', label: named('Yoxdur'), score: 0 },
                    { value: 'partial', label: named('Qismən'), score: 0.5 },
                    { value: 'full', label: named('Tam'), score: 1 },
                  ],
                },
              },
            ],
          },
        ],
      },
      {
        code: 'channels',
        name: named('Müraciət yolları'),
        weight: 1,
        criteria: [
          {
            code: 'channels-e',
            name: named('Elektron müraciət'),
            weight: 1,
            subCriteria: [
              {
                code: 'e-share',
                name: named('Elektron müraciətlərin payı'),
                weight: 1,
                scale: { kind: 'percent' as const },
              },
            ],
          },
        ],
      },
    ],
    bands: [
      { stars: 5, minPercent: 80 },
      { stars: 4, minPercent: 60 },
      { stars: 3, minPercent: 40 },
      { stars: 2, minPercent: 20 },
      { stars: 1, minPercent: 0 },
    ],
    aggregation: { provider: 'mean' as const, unanswered: 'zero' as const },
    ...overrides,
  };
}

/** The same methodology whole, as the seed takes it. */
export function inlineMethodology(overrides: Partial<Methodology> = {}): Methodology {
  return {
    id: randomUUID(),
    ...methodologyBody(),
    createdAt: '2023-01-10T09:00:00.000Z',
    frozenAt: null,
    ...overrides,
  };
}

/** A few published results of 2023, as the seed and the import take them. */
export function publishedResults(agencyId: string | null = null): PublishedResult[] {
  return [
    {
      id: randomUUID(),
      year: 2023,
      group: 'centralExecutive',
      agencyId,
      providerName: 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
      rank: 1,
      percent: 92.38,
      stars: 5,
      source: 'VXSİDA, 2024',
    },
    {
      id: randomUUID(),
      year: 2023,
      group: 'legalEntity',
      agencyId: null,
      providerName: 'Azərişıq ASC',
      rank: 3,
      percent: 55.1,
      stars: 3,
      source: '',
    },
  ];
}

/** POSTs a methodology as `admin`; returns it as stored. */
export async function createMethodology(
  server: ServerClient,
  admin: Session,
  overrides: Partial<Methodology> = {},
): Promise<Methodology> {
  const reply = await server.request<{ methodology: Methodology }>(
    'POST',
    '/api/v1/admin/methodologies',
    methodologyBody(overrides),
    admin.token,
  );
  expect(reply.status, reply.text).toBe(201);
  return reply.body.methodology;
}

/** Published demo services of agencies by code, as campaign entries. */
export async function publishedServices(
  server: ServerClient,
  agencyCodes: readonly string[],
): Promise<Array<{ serviceId: string; agencyId: string }>> {
  const rows = await server
    .db('services as s')
    .join('agencies as a', 'a.id', 's.agency_id')
    .whereIn('a.code', agencyCodes)
    .whereExists((q) => {
      void q
        .select(server.db.raw('1'))
        .from('service_versions as v')
        .whereRaw('v.service_id = s.id')
        .where('v.status', 'approved');
    })
    .orderBy('s.registry_code')
    .select<Array<{ id: string; agency_id: string }>>('s.id', 's.agency_id');
  return rows.map((row) => ({ serviceId: row.id, agencyId: row.agency_id }));
}

/** The id of an agency by its code. */
export async function agencyIdOf(server: ServerClient, code: string): Promise<string> {
  const ids = (await server.db('agencies').where('code', code).pluck('id')) as unknown[];
  const id = ids[0];
  if (typeof id !== 'string') throw new Error(`no agency ${code}`);
  return id;
}

/** A campaign body over the mlspp and justice demo services. */
export async function campaignBody(
  server: ServerClient,
  methodologyId: string,
  evaluatorIds: readonly string[],
) {
  const mlspp = await agencyIdOf(server, 'mlspp');
  const justice = await agencyIdOf(server, 'justice');
  return {
    year: 2023,
    name: named('Sınaq kampaniyası'),
    methodologyId,
    providers: [
      { agencyId: mlspp, group: 'centralExecutive' as const },
      { agencyId: justice, group: 'centralExecutive' as const },
    ],
    services: await publishedServices(server, ['mlspp', 'justice']),
    evaluatorIds: [...evaluatorIds],
  };
}

/** POSTs a campaign as `admin`; returns it as stored. */
export async function createCampaign(
  server: ServerClient,
  admin: Session,
  body: unknown,
): Promise<Campaign> {
  const reply = await server.request<{ campaign: Campaign }>(
    'POST',
    '/api/v1/admin/campaigns',
    body,
    admin.token,
  );
  expect(reply.status, reply.text).toBe(201);
  return reply.body.campaign;
}

/** Creates an evaluator account (password: username + "-demo") and signs it in. */
export async function newEvaluator(
  server: ServerClient,
  admin: Session,
  username: string,
  displayName: string,
): Promise<Session> {
  const reply = await server.request(
    'POST',
    '/api/v1/admin/users',
    { username, displayName, password: `${username}-demo`, role: 'evaluator' },
    admin.token,
  );
  expect(reply.status, reply.text).toBe(201);
  return server.login(username);
}

/** Args of an evaluation.answer intent, a first answer unless told otherwise. */
export function answerArgs(
  campaign: Pick<Campaign, 'id' | 'services'>,
  overrides: Record<string, unknown> = {},
) {
  return {
    answerId: randomUUID(),
    campaignId: campaign.id,
    serviceId: campaign.services[0]?.serviceId,
    subCriterionCode: 'docs-listed',
    value: { kind: 'yesNo', value: true },
    note: '',
    evidenceRef: '',
    baseRevision: null,
    ...overrides,
  };
}

const countedTables = [
  'methodologies',
  'campaigns',
  'evaluation_answers',
  'evaluation_answer_revisions',
  'published_results',
  'changes',
  'audit_events',
] as const;

/** Row counts of the evaluation tables and of what every write also touches. */
export async function evaluationCounts(
  server: ServerClient,
): Promise<Record<(typeof countedTables)[number], number>> {
  const counts = Object.fromEntries(countedTables.map((table) => [table, 0])) as Record<
    (typeof countedTables)[number],
    number
  >;
  for (const table of countedTables) {
    const row = (await server.db(table).count({ count: '*' }).first()) as {
      count: unknown;
    };
    counts[table] = Number(row.count);
  }
  return counts;
}

/** A fresh methodology for `year` and an open campaign of it with these evaluators. */
export async function openCampaign(
  server: ServerClient,
  admin: Session,
  year: number,
  evaluatorIds: readonly string[],
): Promise<{ methodology: Methodology; campaign: Campaign }> {
  const methodology = await createMethodology(server, admin, { year });
  const body = await campaignBody(server, methodology.id, evaluatorIds);
  const campaign = await createCampaign(server, admin, { ...body, year });
  return { methodology, campaign };
}

/** Pushes one evaluation.answer intent; returns its result. */
export async function answer(session: Session, args: unknown): Promise<MutationResult> {
  const reply = await session.push([{ name: 'evaluation.answer', args }]);
  const result = reply.body.results[0];
  if (!result) throw new Error(reply.text);
  return result;
}

/** A rejection's code and field paths, or the status of any other result. */
export function answerRefusal(result: MutationResult) {
  return result.status === 'rejected'
    ? { code: result.error.code, paths: result.error.fields.map((field) => field.path) }
    : result.status;
}

/** The campaign's answer rows, withdrawn ones included. */
export async function storedAnswers(server: ServerClient, campaignId: string) {
  return server
    .db('evaluation_answers')
    .where('campaign_id', campaignId)
    .orderBy('evaluator_id')
    .select<
      Array<{ id: string; evaluator_id: string; revision: unknown; doc: string | null }>
    >('id', 'evaluator_id', 'revision', 'doc');
}

/** The campaign's answers `session` receives through a full pull. */
export async function answersSeenBy(
  session: Session,
  campaignId: string,
): Promise<EvaluationAnswer[]> {
  const { changes } = await pullAll(session);
  return changes.flatMap((change) =>
    change.entity === 'answer' &&
    change.op === 'put' &&
    change.data.campaignId === campaignId
      ? [change.data]
      : [],
  );
}
