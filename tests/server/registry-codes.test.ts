// Registry codes are taken when a push batch ends (registry-codes.ts), so
// concurrent batches no longer wait on the counter while they apply. What
// must still hold: every service gets one "XID-" code, unique, with no gaps
// (a refused create takes none), named in its creation's audit entry, and
// no provisional code is ever committed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './support/databases';
import { approvedName, completeRecord } from './support/registry';
import { startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

describe.each(databases)('registry codes of concurrent pushes on $name', (database) => {
  let server: TestServer;
  let desks: Session[];
  let serviceNameId: string;

  beforeAll(async () => {
    server = await startTestServer(database);
    const reviewer = await server.login('reviewer');
    desks = await Promise.all([1, 2, 3, 4, 5, 6].map(() => server.login('agency.mlspp')));
    serviceNameId = await approvedName(desks[0] as Session, reviewer);
  });
  afterAll(() => server.close());

  it('gives each new service one unique code, without gaps, named in its audit entry', async () => {
    const codesBefore = await server.db('services').pluck('registry_code');
    const create = (staff: Session, nameId: string) => ({
      name: 'service.create',
      args: {
        serviceId: randomUUID(),
        versionId: randomUUID(),
        agencyId: staff.user.agencyId,
        serviceNameId: nameId,
        record: completeRecord(),
      },
    });
    // Each desk pushes three batches at once with the others; the middle
    // intent of each batch names no approved name and is refused.
    const replies = await Promise.all(
      desks.map(async (staff) => {
        const results = [];
        for (let batch = 0; batch < 3; batch += 1) {
          const reply = await staff.push([
            create(staff, serviceNameId),
            create(staff, randomUUID()),
            create(staff, serviceNameId),
          ]);
          expect(reply.status).toBe(200);
          results.push(...reply.body.results);
        }
        return results;
      }),
    );
    const results = replies.flat();
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(36);
    expect(
      results.filter(
        (r) => r.status === 'rejected' && r.error.code === 'NAME_NOT_APPROVED',
      ),
    ).toHaveLength(18);

    const created = results.flatMap((r) => (r.status === 'applied' ? [r.entityId] : []));
    const rows: Array<{ id: string; registry_code: string }> = await server
      .db('services')
      .whereIn('id', created)
      .select('id', 'registry_code');
    const numbers = rows.map((row) => {
      expect(row.registry_code).toMatch(/^XID-\d{6}$/);
      return Number(row.registry_code.slice(4));
    });
    const highestBefore = Math.max(
      0,
      ...codesBefore.map((c) => Number(String(c).slice(4))),
    );
    expect(numbers.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 36 }, (_, i) => highestBefore + 1 + i),
    );
    const [counter] = await server
      .db('registry_code_counter')
      .where('id', 1)
      .select<Array<{ value: unknown }>>('value');
    expect(Number(counter?.value)).toBe(highestBefore + 36);

    const audits: Array<{ entity_id: string; details: string }> = await server
      .db('audit_events')
      .where('action', 'service.create')
      .whereIn('entity_id', created)
      .select('entity_id', 'details');
    expect(audits).toHaveLength(36);
    const codeOf = new Map(rows.map((row) => [row.id, row.registry_code]));
    for (const audit of audits) {
      const details = JSON.parse(audit.details) as { registryCode?: string };
      expect(details.registryCode).toBe(codeOf.get(audit.entity_id));
    }
  });
});
