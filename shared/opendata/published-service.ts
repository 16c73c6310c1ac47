import type { Agency } from '../domain/agency';
import type { Category } from '../domain/category';
import type { ServiceRecord } from '../domain/service-record';

/** A service's published version, with what the export needs around it. */
export interface PublishedService {
  registryCode: string;
  agencyId: string;
  /** The approved service name. */
  name: string;
  aliases: readonly string[];
  versionNumber: number;
  /** When the version was approved (ISO-8601), if known. */
  publishedAt: string | null;
  record: ServiceRecord;
}

/** The approved registry as the open-data export reads it. */
export interface OpenDataRegistry {
  agencies: readonly Agency[];
  categories: readonly Category[];
  services: Iterable<PublishedService>;
}

export interface OpenDataOptions {
  /** The IRI every node the export mints starts with, e.g. "https://example.az/id/". */
  baseIri: string;
}
