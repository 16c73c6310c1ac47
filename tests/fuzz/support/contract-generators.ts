import fc from 'fast-check';
import type { ContractMethod } from '../../../shared/contract/contract';
import { hostileString, hostileValue, nested } from './hostile';
import { mutated } from './mutate';

/** Ids of the desktop's own records that valid payloads name. */
export interface ContractTargets {
  serviceId: string;
  agencyId: string;
  serviceNameId: string;
  campaignId: string;
}

/**
 * A valid payload for every contract method. The contract fuzz test fails
 * on a method missing here, so a new method cannot go unfuzzed.
 */
export function validPayloads(t: ContractTargets): Record<ContractMethod, unknown> {
  const listQuery = {
    query: '',
    agencyId: null,
    category: null,
    type: null,
    status: null,
  };
  return {
    'session.get': {},
    'session.login': { username: 'agency.mlspp', password: 'wrong-password-1' },
    'session.logout': {},
    'settings.get': {},
    'settings.setLanguage': { language: 'en' },
    'settings.setServerUrl': { serverUrl: 'http://127.0.0.1:9' },
    'settings.setUpdateChannel': { updateChannel: 'beta' },
    'settings.openDataFolder': {},
    'backup.export': { overwrite: false },
    'backup.inspect': {},
    'backup.restore': { filePath: '/etc/passwd', isConfirmed: true },
    'reference.get': {},
    'registry.figures': {},
    'services.list': { ...listQuery, offset: 0, limit: 20 },
    'services.count': listQuery,
    'services.get': { serviceId: t.serviceId },
    'services.create': { serviceNameId: t.serviceNameId },
    'services.saveDraft': {
      serviceId: t.serviceId,
      record: { complaintProcedure: 'Yeni.' },
    },
    'services.saveHeldInput': {
      serviceId: t.serviceId,
      field: 'description',
      raw: 'yarım',
    },
    'services.submit': { serviceId: t.serviceId },
    'services.withdraw': { serviceId: t.serviceId },
    'services.history': { serviceId: t.serviceId },
    'review.queue': { agencyId: null, category: null, kind: null, offset: 0, limit: 20 },
    'review.service': { serviceId: t.serviceId },
    'review.serviceName': { serviceNameId: t.serviceNameId },
    'review.decideService': {
      serviceId: t.serviceId,
      versionId: t.serviceId,
      submissionNo: 1,
      decision: 'approve',
      remarks: [],
    },
    'review.decideServiceName': {
      serviceNameId: t.serviceNameId,
      submissionNo: 1,
      decision: 'approve',
      reason: '',
    },
    'evaluation.campaigns': {},
    'evaluation.campaign': { campaignId: t.campaignId },
    'evaluation.sheet': { campaignId: t.campaignId, serviceId: t.serviceId },
    'evaluation.saveAnswer': {
      campaignId: t.campaignId,
      serviceId: t.serviceId,
      subCriterionCode: 'docs-listed',
      value: { kind: 'yesNo', value: true },
    },
    'results.sources': {},
    'results.view': { source: { kind: 'published', year: 2023 } },
    'results.trend': { agencyId: t.agencyId },
    'reports.export': { source: { kind: 'published', year: 2023 }, format: 'csv' },
    'analytics.get': { filters: { agencyId: null, group: null, category: null } },
    'analytics.export': {
      filters: { agencyId: null, group: null, category: null },
      view: 'byAgency',
      format: 'csv',
    },
    'analytics.saveChart': {
      name: 'chart',
      dataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    },
    'duplicates.list': {},
    'duplicates.ofService': { serviceId: t.serviceId },
    'duplicates.mark': {
      candidateId: t.serviceId,
      kind: 'duplicate',
      note: 'Eyni xidmət.',
      baseRevision: 1,
    },
    'services.similar': { serviceId: t.serviceId },
    'serviceNames.list': {},
    'serviceNames.similar': { name: 'pensiya' },
    'serviceNames.propose': { name: 'Fuzz adı', aliases: [] },
    'sync.status': {},
    'sync.now': {},
    'outbox.list': {},
    'outbox.dismiss': { entryId: 1 },
    'outbox.retry': { entryId: 1 },
    'conflicts.resolve': { entryId: 1, field: 'description', resolution: 'mine' },
    'updates.status': {},
    'updates.check': {},
    'updates.installOnQuit': { install: true },
  };
}

export interface ContractCall {
  method: string;
  payload: unknown;
}

/** Payloads built to trip the guard before any schema: huge, deep, prototype-polluting. */
const guardBreakers: fc.Arbitrary<unknown> = fc.constantFrom(
  { value: 'x'.repeat(3 * 1024 * 1024) },
  { value: Array.from({ length: 300_000 }, () => 'abcdefgh') },
  { value: nested(100) },
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  JSON.parse('{"a":{"constructor":{"prototype":{"polluted":true}}}}') as unknown,
  undefined,
  null,
  'string',
  42,
  [],
);

const unknownMethods = fc.oneof(
  fc.constantFrom(
    'toString',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    'valueOf',
    '',
  ),
  fc.constantFrom(
    'services.delete',
    'admin.users',
    'session.get ',
    'SESSION.GET',
    'sessıon.get',
  ),
  hostileString.map((text) => text.slice(0, 300)),
);

/** Calls of one method: mutated valid payloads, junk, and guard breakers. */
export function callsFor(
  method: ContractMethod,
  valid: unknown,
): fc.Arbitrary<ContractCall> {
  return fc
    .oneof(
      { weight: 8, arbitrary: mutated(valid) },
      { weight: 2, arbitrary: hostileValue },
      { weight: 1, arbitrary: guardBreakers },
      { weight: 1, arbitrary: fc.constant(valid) },
    )
    .map((payload) => ({ method, payload }));
}

export const unknownMethodCalls: fc.Arbitrary<ContractCall> = fc
  .tuple(unknownMethods, hostileValue)
  .map(([method, payload]) => ({ method, payload }));
