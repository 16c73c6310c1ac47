import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../shared/errors';
import { databases } from './support/databases';
import { writeCounts } from './support/registry';
import { startTestServer } from './support/server';
import type { Session, TestServer } from './support/server';

/** Sends raw bytes to the server and returns the raw answer. */
function rawRequest(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

/** Found by the server fuzz suite (tests/fuzz); each once answered 500 or in Fastify's own shape. */
describe.each(databases)('hostile input the fuzzer found, on $name', (database) => {
  let server: TestServer;
  let staff: Session;

  beforeAll(async () => {
    server = await startTestServer(database);
    staff = await server.login('agency.mlspp');
  });
  afterAll(() => server.close());

  it('refuses a NUL character in a body with 400 naming the field, and writes nothing', async () => {
    const before = await writeCounts(server);
    const reply = await server.request('POST', '/api/v1/auth/login', {
      username: 'admin\u0000',
      password: 'x',
    });
    expect(reply.status).toBe(400);
    expect(errorResponseSchema.parse(reply.body).error.fields).toEqual([
      { path: 'username', message: 'contains a NUL character' },
    ]);
    expect(await writeCounts(server)).toEqual(before);
  });

  it('rejects an intent with a NUL in its arguments on its own, and applies the one behind it', async () => {
    const reply = await staff.push([
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: randomUUID(),
          agencyId: staff.user.agencyId,
          name: 'Ad\u0000',
        },
      },
      {
        name: 'serviceName.propose',
        args: {
          serviceNameId: randomUUID(),
          agencyId: staff.user.agencyId,
          name: 'Düz ad',
        },
      },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    const first = reply.body.results[0];
    expect(first?.status === 'rejected' && first.error.fields).toEqual([
      { path: 'args.name', message: 'contains a NUL character' },
    ]);
  });

  it('answers a path that does not decode, and an overlong parameter, in the error shape', async () => {
    const badUrl = await server.request('GET', '/api/v1/admin/users/%C0%AF');
    expect(badUrl.status).toBe(400);
    expect(errorResponseSchema.parse(badUrl.body).error.code).toBe('VALIDATION_FAILED');
    const long = await server.request(
      'PATCH',
      `/api/v1/admin/users/${'x'.repeat(1000)}`,
      {},
    );
    expect(long.status).toBe(414);
    expect(errorResponseSchema.parse(long.body).error.code).toBe('VALIDATION_FAILED');
  });

  it('answers a request the HTTP parser refuses in the error shape', async () => {
    const answer = await rawRequest(
      server.url,
      'GET /api/v1/health HTTP/1.1\r\nHost\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    expect(errorResponseSchema.parse(JSON.parse(body)).error.code).toBe(
      'VALIDATION_FAILED',
    );
  });
});
