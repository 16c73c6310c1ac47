import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import type { JsonLdDocument } from 'jsonld';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const shapesFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/cpsv-ap/cpsv-ap-3.2.0-SHACL.ttl',
);

/**
 * The export must be readable without the network: its context is embedded,
 * so a processor that asks to load any document is refused.
 */
const refuseRemote = (url: string): Promise<never> =>
  Promise.reject(new Error(`the export made the JSON-LD processor load ${url}`));

/** The JSON-LD document as RDF quads, parsed offline. */
export async function jsonLdToQuads(document: unknown): Promise<N3.Quad[]> {
  const nquads = await jsonld.toRDF(
    document as JsonLdDocument,
    {
      format: 'application/n-quads',
      documentLoader: refuseRemote,
      safe: true,
    } as jsonld.Options.ToRdf,
  );
  if (typeof nquads !== 'string') throw new Error('toRDF did not return N-Quads');
  return new N3.Parser({ format: 'N-Quads' }).parse(nquads);
}

export interface ShaclViolation {
  focusNode: string;
  path: string;
  message: string;
  shape: string;
}

let validator: SHACLValidator | undefined;

/** The SHACL violations of the quads against the official CPSV-AP 3.2.0 shapes. */
export async function cpsvApViolations(quads: N3.Quad[]): Promise<ShaclViolation[]> {
  validator ??= new SHACLValidator(
    new N3.Store(new N3.Parser().parse(fs.readFileSync(shapesFile, 'utf8'))),
  );
  const report = await validator.validate(new N3.Store(quads));
  return report.results.map((result) => ({
    focusNode: result.focusNode?.value ?? '',
    path: result.path?.value ?? '',
    message: result.message.map((m) => m.value).join(' '),
    shape: result.sourceShape?.value ?? '',
  }));
}
