import fc from 'fast-check';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../shared/sync/protocol';
import { methodologyBody, publishedResults } from '../../server/support/evaluation';
import { completeRecord } from '../../server/support/registry';
import type { ActorName, FuzzTargets } from './fuzz-world';
import { FEED_INSTALLER } from './fuzz-world';
import { contentTypes, hostileString, hostileValue, rawBodies } from './hostile';
import { mutated } from './mutate';

/** One fuzzed request, as data, so a failure can be printed and replayed. */
export interface FuzzRequest {
  route: string;
  actor: ActorName;
  method: string;
  url: string;
  contentType?: string;
  payload?: string;
  /** Another client address, for the per-address limits. */
  remoteAddress?: string;
  /** A raw Authorization header instead of the actor's bearer token. */
  authorization?: string;
}

type Body = { payload?: string; contentType?: string };

const json = (value: unknown): Body => ({
  payload: value === undefined ? undefined : JSON.stringify(value),
  contentType: 'application/json',
});

/**
 * Bodies around a valid one: mostly mutated copies, then whole junk values,
 * raw non-JSON text, wrong media types, and now and then the valid body
 * itself so the paths behind validation run too.
 */
function bodies(base: () => unknown): fc.Arbitrary<Body> {
  const valid = fc.constant(null).map(() => base());
  return fc.oneof(
    { weight: 8, arbitrary: valid.chain((value) => mutated(value)).map(json) },
    { weight: 2, arbitrary: hostileValue.map(json) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...rawBodies), fc.constantFrom(...contentTypes))
        .map(([payload, contentType]) => ({ payload, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...contentTypes))
        .map(([value, contentType]) => ({ payload: JSON.stringify(value), contentType })),
    },
    { weight: 1, arbitrary: valid.map(json) },
  );
}

/** Percent-encodes text; a lone surrogate, which cannot be encoded, becomes U+FFFD. */
const encoded = (text: string): string =>
  encodeURIComponent(
    text.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    ),
  );

const hostileHeader: fc.Arbitrary<string> = fc.constantFrom(
  'Bearer ',
  'Bearer null',
  `Bearer ${'A'.repeat(201)}`,
  "Bearer ' OR 1=1 --",
  'Basic YWRtaW46YWRtaW4tZGVtbw==',
  'bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'Bearer ../../../../etc/passwd',
);

/** Who sends it: mostly the role the route is for, sometimes anyone, sometimes a junk header. */
function actors(preferred: readonly ActorName[], onlyThese: boolean) {
  if (onlyThese) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...preferred) },
      {
        weight: 1,
        arbitrary: hostileHeader.map((authorization) => ({
          actor: 'forged' as const,
          authorization,
        })),
      },
    );
  }
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...preferred) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<ActorName>(
        'anonymous',
        'forged',
        'staff',
        'reviewer',
        'evaluator',
        'auditor',
        'admin',
      ),
    },
    {
      weight: 1,
      arbitrary: hostileHeader.map((authorization) => ({
        actor: 'forged' as const,
        authorization,
      })),
    },
  );
}

/** Query strings of hostile keys and values, or the route's own keys with hostile values. */
function queries(keys: readonly string[]): fc.Arbitrary<string> {
  const pair = fc.tuple(
    fc.oneof(fc.constantFrom(...keys, 'x'), hostileString),
    hostileValue,
  );
  return fc.oneof(
    fc.constant(''),
    fc
      .array(pair, { maxLength: 3 })
      .map((pairs) =>
        pairs.length === 0
          ? ''
          : `?${pairs
              .map(
                ([key, value]) =>
                  `${encoded(key)}=${encoded(
                    typeof value === 'string' ? value : (JSON.stringify(value) ?? ''),
                  )}`,
              )
              .join('&')}`,
      ),
    fc.constantFrom(
      '?after=-1',
      '?limit=0',
      '?limit=1e9',
      '?after[]=1',
      '?a=%',
      '?%00=1',
    ),
  );
}

/** Ids for a path parameter: real ones, another agency's, made-up, and hostile text. */
function pathIds(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: hostileString.map((text) => encoded(text.slice(0, 2000))) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..%2F..%2Fusers',
        '%2e%2e%2f',
        '..',
        '.',
        '%00',
        '%',
        '%C0%AF',
        '%ED%A0%80',
      ),
    },
  );
}

interface RouteFuzz {
  actors: readonly ActorName[];
  /** Never another actor than these (a logout must not end the run's own sessions). */
  onlyTheseActors?: boolean;
  /** The path with its parameters filled. */
  url: (t: FuzzTargets) => fc.Arbitrary<string>;
  body?: (t: FuzzTargets) => fc.Arbitrary<Body>;
  remoteAddresses?: readonly string[];
}

const fixed = (url: string) => () => fc.constant(url);

/** The arguments of each intent kind, aimed at own and other agencies' records. */
function intentArgs(
  t: FuzzTargets,
  actor: ActorName,
): fc.Arbitrary<{ name: string; args: unknown }> {
  // A reviewer may rightly approve the other agency's pending name, which
  // would publish the text the run checks never leaks: it is not offered.
  const names = actor === 'reviewer' ? [t.ownNameId] : [t.ownNameId, t.otherNameId];
  const agencies = [t.ownAgencyId, t.otherAgencyId, t.victimAgencyId];
  const services = [t.ownServiceId, t.otherServiceId];
  const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
  const kinds: fc.Arbitrary<{ name: string; args: unknown }>[] = [
    fc.record({
      name: fc.constant('serviceName.propose'),
      args: fc.record({
        serviceNameId: fc.uuid(),
        agencyId: pick(agencies),
        name: fc.constantFrom('Fuzz təklif adı', 'İıƏə adı'),
        aliases: fc.constant([]),
      }),
    }),
    fc.record({
      name: fc.constant('serviceName.decide'),
      args: fc.record({
        serviceNameId: fc.oneof(pick(names), fc.uuid()),
        submissionNo: fc.constant(1),
        decision: pick(['approve', 'reject']),
        reason: fc.constant('Səbəb'),
      }),
    }),
    fc.record({
      name: fc.constant('service.create'),
      args: fc.record({
        serviceId: fc.uuid(),
        versionId: fc.uuid(),
        agencyId: pick(agencies),
        serviceNameId: fc.oneof(pick(names), fc.uuid()),
        record: fc.constant(null).map(() => completeRecord()),
      }),
    }),
    fc.record({
      name: fc.constant('service.saveDraft'),
      args: fc.record({
        serviceId: pick(services),
        newVersionId: fc.uuid(),
        changes: fc.constant([
          { field: 'complaintProcedure', base: '', value: 'Şikayət.' },
        ]),
      }),
    }),
    fc.record({
      name: fc.constant('service.submit'),
      args: fc.record({ serviceId: pick(services) }),
    }),
    fc.record({
      name: fc.constant('service.withdraw'),
      args: fc.record({ serviceId: pick(services) }),
    }),
    fc.record({
      name: fc.constant('service.decide'),
      args: fc.record({
        serviceId: pick(services),
        versionId: fc.uuid(),
        submissionNo: fc.constant(1),
        decision: pick(['approve', 'return']),
        remarks: fc.constant([]),
      }),
    }),
    fc.record({
      name: fc.constant('evaluation.answer'),
      args: fc.record({
        answerId: fc.uuid(),
        campaignId: fc.constant(t.campaign.id),
        serviceId: pick(t.campaign.services.map((s) => s.serviceId)),
        subCriterionCode: pick(['docs-listed', 'fee-clarity', 'e-share', 'no-such']),
        value: fc.constant({ kind: 'yesNo', value: true }),
        note: fc.constant(''),
        evidenceRef: fc.constant(''),
        baseRevision: fc.constant(null),
      }),
    }),
  ];
  return fc.oneof(
    { weight: 2, arbitrary: fc.oneof(...kinds) },
    {
      weight: 3,
      arbitrary: fc
        .oneof(...kinds)
        .chain((intent) =>
          mutated(intent.args).map((args) => ({ name: intent.name, args })),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileString, hostileValue)
        .map(([name, args]) => ({ name, args })),
    },
  );
}

/** A push envelope whose intents run one after another on a fresh client id. */
function pushBody(t: FuzzTargets, actor: ActorName): fc.Arbitrary<Body> {
  const envelope = fc
    .tuple(
      fc.oneof(
        { weight: 9, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constant(t.reviewerClientId) },
      ),
      fc.array(fc.tuple(fc.uuid(), intentArgs(t, actor)), { minLength: 1, maxLength: 3 }),
    )
    .map(([clientId, intents]) => ({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId,
      mutations: intents.map(([mutationId, intent], index) => ({
        mutationId,
        clientSeq: index + 1,
        ...intent,
      })),
    }));
  return fc.oneof(
    { weight: 4, arbitrary: envelope.map(json) },
    { weight: 3, arbitrary: envelope.chain((body) => mutated(body)).map(json) },
    { weight: 1, arbitrary: bodies(() => ({ protocolVersion: 1, schemaVersion: 1 })) },
  );
}

function pullBody(): fc.Arbitrary<Body> {
  const cursor = fc.oneof(
    fc.constantFrom(null, 'v1:0', 'v1:3', 'v1:1000000', 'v1:9007199254740991'),
    fc.constantFrom(
      'v1:-1',
      'v1:9007199254740993',
      'v2:1',
      'v1:1e5',
      'v1:0x10',
      "v1:1' OR 1=1",
      'v1:',
      '',
    ),
    hostileString,
  );
  const valid = fc.record({
    protocolVersion: fc.constantFrom(PROTOCOL_VERSION, 0, 2, -1),
    schemaVersion: fc.constant(SCHEMA_VERSION),
    clientId: fc.uuid(),
    cursor,
    limit: fc.constantFrom(1, 20, 200, 0, -5, 5001, 1.5),
    countRemaining: fc.boolean(),
  });
  return fc.oneof(
    { weight: 4, arbitrary: valid.map(json) },
    { weight: 3, arbitrary: valid.chain((body) => mutated(body)).map(json) },
    { weight: 1, arbitrary: bodies(() => ({ protocolVersion: 1 })) },
  );
}

const agencyBody = (id: string) => ({
  id,
  code: 'fuzz-victim',
  group: 'other',
  nameAz: 'Fuzz qurumu',
  nameEn: 'Fuzz agency',
  isActive: true,
});

/**
 * A generator for every endpoint, by "METHOD /path" as Fastify names it.
 * The server fuzz test fails on any route missing here, so a new endpoint
 * cannot go unfuzzed.
 */
export const routeFuzzers: Record<string, RouteFuzz> = {
  'GET /api/v1/health': {
    actors: ['anonymous'],
    url: () => queries(['a']).map((q) => `/api/v1/health${q}`),
  },
  'POST /api/v1/auth/login': {
    actors: ['anonymous'],
    url: fixed('/api/v1/auth/login'),
    body: () =>
      bodies(() => ({ username: 'agency.mlspp', password: 'wrong-password-1' })),
    remoteAddresses: ['203.0.113.7', '203.0.113.8', '2001:db8::1'],
  },
  // A valid logout would end the very sessions the run signs in with, so it
  // is only sent without a live token; tests/security covers the real one.
  'POST /api/v1/auth/logout': {
    actors: ['anonymous', 'forged'],
    onlyTheseActors: true,
    url: fixed('/api/v1/auth/logout'),
    body: () => bodies(() => ({})),
  },
  'GET /api/v1/auth/me': {
    actors: ['staff', 'forged'],
    url: () => queries(['user']).map((q) => `/api/v1/auth/me${q}`),
  },
  'POST /api/v1/sync/push': {
    actors: ['staff', 'staff', 'reviewer', 'evaluator', 'admin'],
    url: fixed('/api/v1/sync/push'),
  },
  'POST /api/v1/sync/pull': {
    actors: ['staff', 'evaluator', 'otherStaff', 'reviewer'],
    url: fixed('/api/v1/sync/pull'),
    body: () => pullBody(),
  },
  'GET /api/v1/sync/snapshot': {
    // Mostly the well-formed ask, so the scopes' snapshots get built and
    // sent (and searched for what the actor must not read).
    actors: ['staff', 'otherStaff', 'evaluator', 'reviewer', 'anonymous', 'forged'],
    url: () =>
      fc.oneof(
        fc.constant('/api/v1/sync/snapshot?layout=1'),
        queries(['layout']).map((q) => `/api/v1/sync/snapshot${q}`),
      ),
  },
  'GET /api/v1/admin/users': {
    actors: ['admin', 'staff'],
    url: () => queries(['role', 'agencyId']).map((q) => `/api/v1/admin/users${q}`),
  },
  'POST /api/v1/admin/users': {
    actors: ['admin'],
    url: fixed('/api/v1/admin/users'),
    body: (t) =>
      bodies(() => ({
        username: 'fuzz.new',
        displayName: 'Yeni',
        password: 'long-enough-1',
        role: 'agencyStaff',
        agencyId: t.ownAgencyId,
      })),
  },
  'PATCH /api/v1/admin/users/:id': {
    actors: ['admin'],
    url: (t) => pathIds([t.victimUserId]).map((id) => `/api/v1/admin/users/${id}`),
    body: () => bodies(() => ({ displayName: 'Dəyişmiş ad' })),
  },
  'PUT /api/v1/admin/agencies/:id': {
    actors: ['admin'],
    url: (t) => pathIds([t.victimAgencyId]).map((id) => `/api/v1/admin/agencies/${id}`),
    body: (t) => bodies(() => agencyBody(t.victimAgencyId)),
  },
  'POST /api/v1/admin/methodologies': {
    actors: ['admin'],
    url: fixed('/api/v1/admin/methodologies'),
    body: () => bodies(() => methodologyBody({ year: 2040 })),
  },
  'PUT /api/v1/admin/methodologies/:id': {
    actors: ['admin'],
    url: (t) =>
      pathIds([t.methodology.id]).map((id) => `/api/v1/admin/methodologies/${id}`),
    body: (t) => bodies(() => methodologyBody({ year: t.methodology.year })),
  },
  'POST /api/v1/admin/campaigns': {
    actors: ['admin'],
    url: fixed('/api/v1/admin/campaigns'),
    body: (t) => bodies(() => campaignRequest(t)),
  },
  'PUT /api/v1/admin/campaigns/:id': {
    actors: ['admin'],
    url: (t) => pathIds([t.campaign.id]).map((id) => `/api/v1/admin/campaigns/${id}`),
    body: (t) => bodies(() => campaignRequest(t)),
  },
  'PUT /api/v1/admin/campaigns/:id/status': {
    actors: ['admin'],
    url: (t) =>
      pathIds([t.campaign.id]).map((id) => `/api/v1/admin/campaigns/${id}/status`),
    body: () => bodies(() => ({ status: 'open' })),
  },
  'POST /api/v1/admin/published-results': {
    actors: ['admin'],
    url: fixed('/api/v1/admin/published-results'),
    body: () => bodies(() => ({ results: publishedResults() })),
  },
  'GET /api/v1/audit': {
    actors: ['auditor', 'staff'],
    url: () => queries(['after', 'limit']).map((q) => `/api/v1/audit${q}`),
  },
  'GET /api/v1/open-data/services.jsonld': {
    actors: ['anonymous'],
    url: () => queries(['format']).map((q) => `/api/v1/open-data/services.jsonld${q}`),
  },
  'GET /api/v1/open-data/services.csv': {
    actors: ['anonymous'],
    url: () => queries(['format']).map((q) => `/api/v1/open-data/services.csv${q}`),
  },
  'GET /updates/:channel/:file': {
    actors: ['anonymous', 'staff'],
    url: () =>
      fc
        .tuple(
          pathIds(['stable', 'beta']),
          pathIds(['latest-linux.yml', FEED_INSTALLER, '..%2Fsecret.txt', '.secret']),
        )
        .map(([channel, file]) => `/updates/${channel}/${file}`),
  },
};

function campaignRequest(t: FuzzTargets) {
  return {
    year: t.campaign.year,
    name: t.campaign.name,
    methodologyId: t.methodology.id,
    providers: t.campaign.providers,
    services: t.campaign.services,
    evaluatorIds: t.campaign.evaluatorIds,
  };
}

/** The requests for one route. */
export function requestsFor(route: string, t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const fuzz = routeFuzzers[route];
  if (!fuzz) throw new Error(`no fuzz generator for ${route}`);
  const method = route.split(' ')[0] ?? 'GET';
  return fc
    .tuple(
      actors(fuzz.actors, fuzz.onlyTheseActors ?? false),
      fuzz.url(t),
      fc.constantFrom(...(fuzz.remoteAddresses ?? [undefined])),
    )
    .chain(([who, url, remoteAddress]) => {
      const actor = typeof who === 'string' ? who : who.actor;
      const authorization = typeof who === 'string' ? undefined : who.authorization;
      const body: fc.Arbitrary<Body> =
        route === 'POST /api/v1/sync/push'
          ? pushBody(t, actor)
          : fuzz.body
            ? fuzz.body(t)
            : fc.oneof(
                { weight: 4, arbitrary: fc.constant<Body>({}) },
                { weight: 1, arbitrary: hostileValue.map(json) },
              );
      return body.map((b): FuzzRequest => ({
        route,
        actor,
        method,
        url,
        ...b,
        ...(remoteAddress ? { remoteAddress } : {}),
        ...(authorization ? { authorization } : {}),
      }));
    });
}
