import type { Agency } from '../domain/agency';
import { channelNode } from './channels';
import { schemes } from './concepts';
import type { JsonLdNode } from './context';
import { ref } from './context';
import { contactPointNode } from './contact';
import { costNode } from './costs';
import { toXsdDuration } from './duration';
import { authority } from './iris';
import type { Iris } from './iris';
import { evidenceNodes, legalResourceNodes, outputNode, ruleNode } from './parts';
import type { PublishedService } from './published-service';

/**
 * A published service version as a cpsv:PublicService with its channels,
 * costs, evidence, output, rule and legal resources embedded. The agency
 * and the concepts are referenced; they are written once per document.
 */
export function publicServiceNode(
  iris: Iris,
  service: PublishedService,
  agency: Agency,
): JsonLdNode {
  const { record, registryCode: code } = service;
  const channels = record.channels.map((channel) =>
    channelNode(iris, code, record, channel),
  );
  const costs = [
    costNode(iris.part(code, 'cost', 'service'), `${code}-cost`, record.fee, null),
    // A channel with its own fee costs that much when used.
    ...record.channels.flatMap((channel) =>
      channel.fee === null
        ? []
        : [
            costNode(
              iris.part(code, 'cost', channel.id),
              `${code}-cost-${channel.id}`,
              channel.fee,
              iris.part(code, 'channel', channel.id),
            ),
          ],
    ),
  ];
  const output = outputNode(iris, code, record);
  const duration = toXsdDuration(record.processingTime);
  const contactPoint = contactPointNode(iris, code, record.contact);
  return {
    '@id': iris.service(code),
    '@type': 'cpsv:PublicService',
    'dct:identifier': code,
    'dct:title': service.name,
    // Submission rules require a description; older records may lack one.
    'dct:description': record.description === '' ? service.name : record.description,
    ...(service.aliases.length > 0 ? { 'dcat:keyword': [...service.aliases] } : {}),
    'cv:hasCompetentAuthority': ref(iris.organisation(agency.code)),
    'cv:thematicArea': record.categories.map((category) => ref(iris.category(category))),
    'dct:type': ref(iris.concept(schemes.serviceKind, record.kind)),
    'dct:audience': record.audiences.map((audience) =>
      ref(iris.concept(schemes.audience, audience)),
    ),
    'dct:language': ref(authority.languageAz),
    'adms:status': ref(authority.statusCompleted),
    ...(duration === null ? {} : { 'cv:processingTime': duration }),
    'owl:versionInfo': String(service.versionNumber),
    ...(service.publishedAt === null ? {} : { 'dct:modified': service.publishedAt }),
    'cv:hasChannel': channels,
    'cv:hasCost': costs,
    'cpsv:hasInput': evidenceNodes(iris, code, record),
    ...(output === null ? {} : { 'cpsv:produces': output }),
    'cv:hasLegalResource': legalResourceNodes(iris, code, record),
    'cpsv:follows': ruleNode(iris, code, service.name, record),
    ...(contactPoint === null ? {} : { 'cv:contactPoint': contactPoint }),
  };
}
