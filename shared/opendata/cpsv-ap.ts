import type { Agency } from '../domain/agency';
import { sharedConceptNodes } from './concepts';
import { cpsvApContext } from './context';
import type { JsonLdNode } from './context';
import { irisUnder } from './iris';
import type { Iris } from './iris';
import { organisationNode } from './organisations';
import type {
  OpenDataOptions,
  OpenDataRegistry,
  PublishedService,
} from './published-service';
import { publicServiceNode } from './service';

export type { OpenDataOptions, OpenDataRegistry, PublishedService };
export { cpsvApContext };

/**
 * Renders the approved registry as CPSV-AP 3.2.0 JSON-LD piece by piece,
 * so a caller can stream a national registry: `head` opens the document
 * with the context, the concepts and the organisations; `service` is one
 * service's node, to be joined by `separator`; `tail` closes it.
 */
export interface CpsvApWriter {
  head: string;
  separator: string;
  tail: string;
  /** The service's node as JSON, or null when its agency is unknown. */
  service(service: PublishedService): string | null;
}

export function cpsvApWriter(
  registry: Omit<OpenDataRegistry, 'services'>,
  options: OpenDataOptions,
): CpsvApWriter {
  const iris: Iris = irisUnder(options.baseIri);
  const agencies = new Map<string, Agency>(registry.agencies.map((a) => [a.id, a]));
  const shared: JsonLdNode[] = [
    ...sharedConceptNodes(iris, registry.categories),
    ...registry.agencies.map((agency) => organisationNode(iris, agency)),
  ];
  const sharedJson = shared.map((node) => JSON.stringify(node)).join(',\n');
  return {
    head: `{"@context":${JSON.stringify(cpsvApContext)},\n"@graph":[\n${sharedJson}`,
    separator: ',\n',
    tail: '\n]}\n',
    service(service) {
      const agency = agencies.get(service.agencyId);
      return agency ? JSON.stringify(publicServiceNode(iris, service, agency)) : null;
    },
  };
}

/** The whole approved registry as one CPSV-AP 3.2.0 JSON-LD document (text). */
export function toCpsvApJsonLd(
  registry: OpenDataRegistry,
  options: OpenDataOptions,
): string {
  const writer = cpsvApWriter(registry, options);
  const parts = [writer.head];
  for (const service of registry.services) {
    const node = writer.service(service);
    if (node !== null) parts.push(writer.separator, node);
  }
  parts.push(writer.tail);
  return parts.join('');
}
