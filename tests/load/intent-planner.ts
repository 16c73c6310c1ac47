// What one simulated desktop of agency staff does to its own services: it
// creates services under its agency's approved names, edits their drafts,
// submits and withdraws them, and opens a new draft of approved services it
// looks after. Each client alone edits the services it owns, so every intent
// must come back applied, with the revision the planner expects: a revision
// off by one is a change lost or applied twice.
import { randomUUID } from 'node:crypto';
import { serviceRecordSchema } from '../../shared/domain/service-record';
import type { Service } from '../../shared/domain/service';
import type { Mutation } from '../../shared/sync/mutations';
import { completeRecord, serviceNameText } from '../../src-server/seed/record-builder';

type Status = 'draft' | 'submitted' | 'approved';

export interface OwnedService {
  serviceId: string;
  status: Status;
  description: string | undefined;
  revision: number;
}

/** An intent sent, with what its result must say. */
export interface SentIntent {
  mutationId: string;
  clientSeq: number;
  name: Mutation['name'];
  serviceId: string;
  expectedRevision: number;
}

/** The envelope of the next intent: its id and the client's next sequence number. */
export type NextEnvelope = () => { mutationId: string; clientSeq: number };

/** One intent of a batch and what its result must say. */
export interface PlannedIntent {
  mutation: Mutation;
  expected: SentIntent;
}

/** An intent without its envelope, and the service it is about. */
interface Planned {
  serviceId: string;
  intent: Pick<Mutation, 'name' | 'args'>;
}

/** Services a client creates before it only edits the ones it has. */
const MAX_OWNED = 12;

export class IntentPlanner {
  readonly owned = new Map<string, OwnedService>();
  private readonly approvedNames: string[] = [];
  private created = 0;

  constructor(
    private readonly agencyId: string,
    private readonly random: () => number,
    private readonly label: string,
  ) {}

  /** A name of the agency the client may create services under. */
  addApprovedName(serviceNameId: string): void {
    this.approvedNames.push(serviceNameId);
  }

  /** An approved service of the agency this client alone looks after. */
  adopt(service: Service): void {
    const published = service.versions.find((v) => v.status === 'approved');
    if (!published || service.versions.length !== 1) return;
    this.owned.set(service.id, {
      serviceId: service.id,
      status: 'approved',
      description: published.record.description,
      revision: service.revision,
    });
  }

  /**
   * The next batch: `size` intents on distinct services; the state moves
   * as if each is applied, which the push then checks.
   */
  nextBatch(size: number, envelope: NextEnvelope): PlannedIntent[] {
    const batch: PlannedIntent[] = [];
    const touched = new Set<string>();
    for (let attempt = 0; batch.length < size && attempt < size * 3; attempt += 1) {
      const planned = this.nextIntent(touched);
      if (!planned) continue;
      touched.add(planned.serviceId);
      const mutation = { ...envelope(), ...planned.intent } as Mutation;
      batch.push({
        mutation,
        expected: {
          mutationId: mutation.mutationId,
          clientSeq: mutation.clientSeq,
          name: mutation.name,
          serviceId: planned.serviceId,
          expectedRevision: this.owned.get(planned.serviceId)?.revision ?? NaN,
        },
      });
    }
    return batch;
  }

  private nextIntent(touched: ReadonlySet<string>): Planned | undefined {
    const name =
      this.approvedNames[Math.floor(this.random() * this.approvedNames.length)];
    const candidates = [...this.owned.values()].filter((s) => !touched.has(s.serviceId));
    const shouldCreate =
      name !== undefined &&
      this.created < MAX_OWNED &&
      (candidates.length === 0 || this.random() < 0.3);
    if (shouldCreate) return this.create(name);
    const service = candidates[Math.floor(this.random() * candidates.length)];
    if (!service) return undefined;
    if (service.status === 'submitted') {
      service.status = 'draft';
      service.revision += 1;
      return {
        serviceId: service.serviceId,
        intent: { name: 'service.withdraw', args: { serviceId: service.serviceId } },
      };
    }
    if (service.status === 'draft' && this.random() < 0.35) {
      service.status = 'submitted';
      service.revision += 1;
      return {
        serviceId: service.serviceId,
        intent: { name: 'service.submit', args: { serviceId: service.serviceId } },
      };
    }
    return this.editDescription(service);
  }

  private create(serviceNameId: string): Planned {
    this.created += 1;
    const title = serviceNameText(this.random, 1_000_000 + this.created);
    // Parsed as the server stores it, so later edits name the exact base.
    const record = serviceRecordSchema.parse(completeRecord(this.random, title));
    const serviceId = randomUUID();
    this.owned.set(serviceId, {
      serviceId,
      status: 'draft',
      description: record.description,
      revision: 1,
    });
    return {
      serviceId,
      intent: {
        name: 'service.create',
        args: {
          serviceId,
          versionId: randomUUID(),
          agencyId: this.agencyId,
          serviceNameId,
          record,
        },
      },
    };
  }

  private editDescription(service: OwnedService): Planned {
    const base = service.description;
    // Normalised as the server stores it (trimmed), so the next edit's base matches.
    const value = serviceRecordSchema.shape.description.parse(
      `${this.label}: düzəliş ${service.revision + 1}, ${(base ?? '').slice(0, 120)}`,
    );
    service.description = value;
    service.status = 'draft';
    service.revision += 1;
    return {
      serviceId: service.serviceId,
      intent: {
        name: 'service.saveDraft',
        args: {
          serviceId: service.serviceId,
          newVersionId: randomUUID(),
          changes: [{ field: 'description', base, value }],
        },
      },
    };
  }
}
