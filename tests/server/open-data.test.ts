import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpsvApViolations, jsonLdToQuads } from '../support/cpsv-ap-shacl';
import { databases } from './support/databases';
import pino from 'pino';
import { publishedServicePages } from '../../src-server/opendata/published';
import { generateRegistry } from '../../src-server/seed/generate-registry';
import { approvedName, completeRecord, draftService } from './support/registry';
import { startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

const JSONLD = '/api/v1/open-data/services.jsonld';
const CSV = '/api/v1/open-data/services.csv';
const NAME = 'İcazənin verilməsi: Şəki, Gəncə və Lənkəran üçün';
const DESCRIPTION =
  'Ərizə ASAN xidmət mərkəzində qəbul edilir; İcazə 10 iş günündə verilir.';

interface JsonLdExport {
  '@graph': Array<Record<string, unknown> & { '@type'?: string }>;
}

const servicesOf = (document: JsonLdExport) =>
  document['@graph'].filter((node) => node['@type'] === 'cpsv:PublicService');

describe.each(databases)('the open-data export on $name', (database) => {
  let server: TestServer;
  let staff: Session;
  let reviewer: Session;
  const serviceId = randomUUID();
  const versionId = randomUUID();
  let registryCode = '';

  /** An anonymous GET: the export needs no sign-in. */
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { headers });
  const exported = async () => (await (await get(JSONLD)).json()) as JsonLdExport;
  const exportedCodes = async () =>
    servicesOf(await exported()).map((node) => node['dct:identifier']);

  beforeAll(async () => {
    server = await startTestServer(database);
    staff = await server.login('agency.mlspp');
    reviewer = await server.login('reviewer');
    const serviceNameId = await approvedName(staff, reviewer, NAME);
    const created = await staff.push([
      {
        name: 'service.create',
        args: {
          serviceId,
          versionId,
          agencyId: staff.user.agencyId,
          serviceNameId,
          record: completeRecord({ description: DESCRIPTION }),
        },
      },
      { name: 'service.submit', args: { serviceId } },
    ]);
    expect(created.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const row = (await server.db('services').where('id', serviceId).first()) as {
      registry_code: string;
    };
    registryCode = row.registry_code;
  });
  afterAll(() => server.close());

  it('leaves out a submitted service and includes it once approved', async () => {
    expect(await exportedCodes()).not.toContain(registryCode);

    const approved = await reviewer.push([
      {
        name: 'service.decide',
        args: { serviceId, versionId, submissionNo: 1, decision: 'approve' },
      },
    ]);
    expect(approved.body.results[0]?.status).toBe('applied');

    expect(await exportedCodes()).toContain(registryCode);
  });

  it('keeps exporting the published version while a change to it is under review', async () => {
    const changed = await staff.push([
      {
        name: 'service.saveDraft',
        args: {
          serviceId,
          newVersionId: randomUUID(),
          changes: [
            {
              field: 'description',
              base: DESCRIPTION,
              value: 'Qaralama: hələ təsdiq edilməyib.',
            },
          ],
        },
      },
      { name: 'service.submit', args: { serviceId } },
    ]);
    expect(changed.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const node = servicesOf(await exported()).find(
      (service) => service['dct:identifier'] === registryCode,
    );
    expect(node?.['dct:description']).toBe(DESCRIPTION);
    expect(node?.['owl:versionInfo']).toBe('1');
  });

  it('serves JSON-LD that parses offline and has zero CPSV-AP 3.2.0 violations', async () => {
    const response = await get(JSONLD);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/ld+json; charset=utf-8',
    );
    const document = (await response.json()) as JsonLdExport;
    const quads = await jsonLdToQuads(document);
    const violations = await cpsvApViolations(quads);

    expect(violations, JSON.stringify(violations.slice(0, 20), null, 2)).toEqual([]);
    expect(servicesOf(document).length).toBeGreaterThan(1);
    expect(
      quads.some((q) => q.object.value === NAME && q.predicate.value.endsWith('/title')),
    ).toBe(true);
  });

  it('serves CSV with one row per published service, Azerbaijani text intact', async () => {
    const response = await get(CSV);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse<Record<string, string>>(await response.text(), {
      bom: true,
      columns: true,
    });

    const codes = await exportedCodes();
    expect(rows.map((row) => row.registry_code)).toEqual(codes);
    const ours = rows.find((row) => row.registry_code === registryCode);
    expect(ours?.name).toBe(NAME);
    expect(ours?.description).toBe(DESCRIPTION);
    expect(ours?.version).toBe('1');
  });

  it('lets clients cache the export until the registry changes', async () => {
    const first = await get(CSV);
    await first.text();
    const etag = first.headers.get('etag') ?? '';
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);

    const again = await get(CSV, { 'if-none-match': etag });
    expect(again.status).toBe(304);

    const approved = await reviewer.push([
      {
        name: 'service.decide',
        args: {
          serviceId,
          versionId: await workingVersionId(),
          submissionNo: 1,
          decision: 'approve',
        },
      },
    ]);
    expect(approved.body.results[0]?.status).toBe('applied');
    const changed = await get(CSV, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('Qaralama: hələ təsdiq edilməyib.');
  });

  it('reads the same services in small pages as in one, past services with nothing published', async () => {
    const inPagesOf = async (size: number) => {
      const codes: string[] = [];
      for await (const page of publishedServicePages(server.db, size)) {
        codes.push(...page.map((service) => service.registryCode));
      }
      return codes;
    };
    const draft = await draftService(staff, reviewer);
    const draftRow = (await server
      .db('services')
      .where('id', draft.serviceId)
      .first()) as {
      registry_code: string;
    };
    const whole = await inPagesOf(100_000);

    expect(whole).not.toContain(draftRow.registry_code);

    expect(await inPagesOf(2)).toEqual(whole);
    expect(await inPagesOf(1)).toEqual(whole);
    expect(whole).toEqual(await exportedCodes());
  });

  it('rate limits the export per address without touching the other routes', async () => {
    const exportReply = await get(CSV);
    await exportReply.text();
    const health = await get('/api/v1/health');
    await health.text();

    expect(Number(exportReply.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
    expect(health.headers.get('x-ratelimit-limit')).toBeNull();
  });

  async function workingVersionId(): Promise<string> {
    const row = (await server
      .db('service_versions')
      .where({ service_id: serviceId, status: 'submitted' })
      .first()) as { id: string };
    return row.id;
  }
});

describe.each(databases)(
  'the open-data export of a generated registry on $name',
  (database) => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer(database, { seedDemo: false });
      // The generator varies fees, channels, documents and times the way a
      // national registry does, which the demo registry's few services do not.
      await generateRegistry({
        db: server.db,
        serviceCount: 300,
        agencyCount: 60,
        logger: pino({ level: 'silent' }),
      });
    });
    afterAll(() => server.close());

    it('has every generated service and zero CPSV-AP 3.2.0 violations', async () => {
      const document = (await (await fetch(server.url + JSONLD)).json()) as JsonLdExport;
      const violations = await cpsvApViolations(await jsonLdToQuads(document));

      expect(violations, JSON.stringify(violations.slice(0, 20), null, 2)).toEqual([]);
      expect(servicesOf(document)).toHaveLength(300);
    });
  },
);
