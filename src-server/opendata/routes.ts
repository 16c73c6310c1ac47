import { Readable } from 'node:stream';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { cpsvApWriter } from '../../shared/opendata/cpsv-ap';
import { openDataCsvHeader, openDataCsvRow } from '../../shared/opendata/csv';
import { publishedServicePages, readReference, registryRevision } from './published';

/** Placeholder IRI base until the registry publishes its own (see README, Open data). */
export const DEFAULT_OPEN_DATA_BASE_IRI = 'urn:dxer:';

export interface OpenDataDeps {
  db: Knex;
  baseIri: string;
  /** Exports per client address per minute; each one reads the whole registry. */
  requestsPerMinute?: number;
}

/** Clients and proxies may keep an export this long before asking again. */
const MAX_AGE_SECONDS = 300;

async function* jsonLdChunks(db: Knex, baseIri: string): AsyncGenerator<string> {
  const writer = cpsvApWriter(await readReference(db), { baseIri });
  yield writer.head;
  for await (const page of publishedServicePages(db)) {
    const nodes = page.flatMap((service) => {
      const node = writer.service(service);
      return node === null ? [] : [writer.separator, node];
    });
    yield nodes.join('');
  }
  yield writer.tail;
}

async function* csvChunks(db: Knex): AsyncGenerator<string> {
  const { agencies } = await readReference(db);
  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  yield openDataCsvHeader();
  for await (const page of publishedServicePages(db)) {
    yield page
      .map((service) => openDataCsvRow(service, byId.get(service.agencyId)))
      .join('');
  }
}

/**
 * Answers 304 when the client holds the export of the registry as it
 * stands, else sets the cache headers and streams `chunks`.
 */
async function sendExport(
  db: Knex,
  request: FastifyRequest,
  reply: FastifyReply,
  format: { type: string; tag: string; chunks: () => AsyncGenerator<string> },
) {
  const etag = `W/"${format.tag}-${await registryRevision(db)}"`;
  void reply
    .header('cache-control', `public, max-age=${MAX_AGE_SECONDS}`)
    .header('etag', etag)
    .header('access-control-allow-origin', '*');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  // As bytes, not objects: the stream then reads a page only when the socket
  // has taken the last one, instead of up to 16 pages ahead.
  return reply
    .type(format.type)
    .send(Readable.from(format.chunks(), { objectMode: false }));
}

/**
 * GET /open-data/services.jsonld and .csv: the approved registry for anyone,
 * without signing in. Read-only, streamed page by page, and rate limited
 * per client address in this scope only.
 */
export function registerOpenDataRoutes(app: FastifyInstance, deps: OpenDataDeps): void {
  void app.register(async (scope) => {
    await scope.register(rateLimit, {
      max: deps.requestsPerMinute ?? 30,
      timeWindow: '1 minute',
    });
    scope.get('/api/v1/open-data/services.jsonld', (request, reply) =>
      sendExport(deps.db, request, reply, {
        type: 'application/ld+json; charset=utf-8',
        tag: 'jsonld',
        chunks: () => jsonLdChunks(deps.db, deps.baseIri),
      }),
    );
    scope.get('/api/v1/open-data/services.csv', (request, reply) =>
      sendExport(deps.db, request, reply, {
        type: 'text/csv; charset=utf-8',
        tag: 'csv',
        chunks: () => csvChunks(deps.db),
      }),
    );
  });
}
