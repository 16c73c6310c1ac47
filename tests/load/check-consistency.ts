// The end of a load run, read straight from the database: every intent each
// client sent is stored once, as its client sent it, applied, audited once;
// every service a client owns is where the client's own intents left it;
// and every client's pulled view holds exactly the services, at exactly the
// revisions, that the database says its user may see.
import type { Knex } from 'knex';
import type { MutationResult } from '../../shared/sync/results';
import type { LoadClient } from './load-client';

interface ServiceRow {
  id: string;
  agency_id: string;
  revision: number;
}

interface VersionRow {
  service_id: string;
  number: number;
  status: string;
  record: string;
}

export interface Consistency {
  intents: number;
  services: number;
  problems: string[];
}

const CHUNK = 1000;

async function inChunks<T>(
  ids: readonly string[],
  read: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    rows.push(...(await read(ids.slice(start, start + CHUNK))));
  }
  return rows;
}

export async function checkConsistency(
  db: Knex,
  clients: readonly LoadClient[],
): Promise<Consistency> {
  const problems: string[] = [];
  const report = (message: string) => {
    if (problems.length < 50) problems.push(message);
  };

  const clientIds = clients.map((c) => c.clientId);
  const stored = await inChunks(clientIds, (chunk) =>
    db('mutations').whereIn('client_id', chunk).select<
      Array<{
        mutation_id: string;
        client_id: string;
        client_seq: number;
        result: string;
      }>
    >('mutation_id', 'client_id', 'client_seq', 'result'),
  );
  const byId = new Map(stored.map((row) => [row.mutation_id, row]));
  const audited = await db('audit_events')
    .whereNotNull('mutation_id')
    .groupBy('mutation_id')
    .select<Array<{ mutation_id: string; n: string | number }>>(
      'mutation_id',
      db.raw('count(*) as n'),
    );
  const auditCount = new Map(audited.map((row) => [row.mutation_id, Number(row.n)]));
  const lastSeqs = new Map(
    (
      await inChunks(clientIds, (chunk) =>
        db('clients')
          .whereIn('client_id', chunk)
          .select<Array<{ client_id: string; last_seq: number }>>(
            'client_id',
            'last_seq',
          ),
      )
    ).map((row) => [row.client_id, Number(row.last_seq)]),
  );

  let intents = 0;
  for (const client of clients) {
    intents += client.sent.length;
    if ((lastSeqs.get(client.clientId) ?? 0) !== client.sent.length) {
      report(
        `${client.clientId}: server's last sequence ${lastSeqs.get(client.clientId)}, sent ${client.sent.length}`,
      );
    }
    for (const intent of client.sent) {
      const row = byId.get(intent.mutationId);
      if (!row) {
        report(
          `${client.clientId}: ${intent.name} #${intent.clientSeq} was never stored`,
        );
        continue;
      }
      const result = JSON.parse(row.result) as MutationResult;
      if (
        row.client_id !== client.clientId ||
        Number(row.client_seq) !== intent.clientSeq
      ) {
        report(`${intent.mutationId}: stored for another client or sequence`);
      }
      if (result.status !== 'applied' || result.revision !== intent.expectedRevision) {
        report(`${intent.mutationId}: stored as ${row.result.slice(0, 200)}`);
      }
      const audits = auditCount.get(intent.mutationId) ?? 0;
      if (audits !== 1) report(`${intent.mutationId}: audited ${audits} times`);
    }
  }
  if (stored.length !== intents) {
    report(
      `the server stored ${stored.length} intents of these clients, they sent ${intents}`,
    );
  }

  const services = await db('services').select<ServiceRow[]>(
    'id',
    'agency_id',
    'revision',
  );
  const approved = new Set(
    (
      await db('service_versions')
        .where('status', 'approved')
        .distinct<Array<{ service_id: string }>>('service_id')
    ).map((row) => row.service_id),
  );
  const revisions = new Map(services.map((s) => [s.id, Number(s.revision)]));

  for (const client of clients) {
    const owned = [...client.planner.owned.values()];
    const versions = await inChunks(
      owned.map((s) => s.serviceId),
      (chunk) =>
        db('service_versions')
          .whereIn('service_id', chunk)
          .select<VersionRow[]>('service_id', 'number', 'status', 'record'),
    );
    for (const service of owned) {
      if (revisions.get(service.serviceId) !== service.revision) {
        report(
          `${service.serviceId}: revision ${revisions.get(service.serviceId)} in the database, ${service.revision} by its client's intents`,
        );
      }
      const latest = versions
        .filter((v) => v.service_id === service.serviceId)
        .sort((a, b) => b.number - a.number)[0];
      const record = latest
        ? (JSON.parse(latest.record) as { description?: string })
        : {};
      if (
        latest?.status !== service.status ||
        record.description !== service.description
      ) {
        report(
          `${service.serviceId}: latest version ${latest?.status} differs from its client's`,
        );
      }
    }

    const visible = services.filter(
      (s) => s.agency_id === client.account.agencyId || approved.has(s.id),
    );
    if (visible.length !== client.view.size) {
      report(
        `${client.clientId}: pulled ${client.view.size} services, the database shows its user ${visible.length}`,
      );
    }
    for (const service of visible) {
      if (client.view.get(service.id) !== Number(service.revision)) {
        report(
          `${client.clientId}: ${service.id} pulled at ${client.view.get(service.id)}, revision ${service.revision} in the database`,
        );
      }
    }
  }
  return { intents, services: services.length, problems };
}
