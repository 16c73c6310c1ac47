import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod } from '../errors';
import {
  contract,
  contractEvents,
  contractMethods,
  type ContractInput,
  type ContractMethod,
} from './contract';

const serviceId = 'c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f';
const serviceNameId = 'e5f6a7b8-c9d0-4e1f-8a3b-4c5d6e7f8091';

/** One valid payload per method; a new method fails to compile until it has one. */
const validInputs: { [M in ContractMethod]: ContractInput<M> } = {
  'session.get': {},
  'session.login': {
    serverUrl: 'https://dxer.example.az',
    username: 'reviewer',
    password: 'reviewer-demo',
  },
  'session.logout': {},
  'settings.get': {},
  'settings.setLanguage': { language: 'az' },
  'settings.setServerUrl': { serverUrl: 'https://dxer.example.az' },
  'settings.setUpdateChannel': { updateChannel: 'beta' },
  'settings.openDataFolder': {},
  'backup.export': {},
  'backup.inspect': { filePath: '/home/aysel/DXER-backup.sqlite' },
  'backup.restore': { filePath: '/home/aysel/DXER-backup.sqlite', isConfirmed: true },
  'reference.get': {},
  'registry.figures': {},
  'services.list': { query: 'pensiya', type: 'electronic', limit: 50 },
  'services.count': { query: 'pensiya', status: 'approved' },
  'services.get': { serviceId },
  'services.create': { serviceNameId },
  'services.saveDraft': { serviceId, record: { description: 'Yeni təsvir' } },
  'services.saveHeldInput': {
    serviceId,
    field: 'contact',
    raw: { phone: '', email: 'ad@', address: '', website: '' },
  },
  'services.submit': { serviceId },
  'services.withdraw': { serviceId },
  'services.history': { serviceId },
  'review.queue': { kind: 'newService', limit: 50 },
  'review.service': { serviceId },
  'review.serviceName': { serviceNameId },
  'review.decideService': {
    serviceId,
    versionId: serviceNameId,
    submissionNo: 2,
    decision: 'return',
    remarks: [{ field: 'fee', text: 'Rüsumun hüquqi əsası göstərilməyib.' }],
  },
  'review.decideServiceName': {
    serviceNameId,
    submissionNo: 1,
    decision: 'reject',
    reason: 'Bu ad artıq mövcuddur.',
  },
  'evaluation.campaigns': {},
  'evaluation.campaign': { campaignId: serviceId },
  'evaluation.sheet': { campaignId: serviceId, serviceId },
  'evaluation.saveAnswer': {
    campaignId: serviceId,
    serviceId,
    subCriterionCode: 'docs-listed',
    value: { kind: 'yesNo', value: true },
    note: 'Saytda sənədlərin siyahısı var.',
  },
  'duplicates.list': {},
  'duplicates.ofService': { serviceId },
  'duplicates.mark': {
    candidateId: serviceId,
    kind: 'mergeProposal',
    note: 'Eyni xidmətdir, birləşdirin.',
    baseRevision: 1,
  },
  'services.similar': { serviceId },
  'results.sources': {},
  'results.view': { source: { kind: 'published', year: 2023 } },
  'results.trend': { agencyId: serviceId },
  'reports.export': {
    source: { kind: 'campaign', campaignId: serviceId },
    format: 'pdf',
  },
  'analytics.get': { filters: { isG2bOnly: true } },
  'analytics.export': { filters: {}, view: 'byCategory', format: 'xlsx' },
  'analytics.saveChart': {
    name: 'kateqoriyalar',
    dataUrl: 'data:image/png;base64,iVBORw0KGgo=',
  },
  'serviceNames.list': {},
  'serviceNames.similar': { name: 'əmək pensiyası' },
  'serviceNames.propose': { name: 'Əmək pensiyasının təyin edilməsi' },
  'sync.status': {},
  'sync.now': {},
  'outbox.list': {},
  'outbox.dismiss': { entryId: 3 },
  'outbox.retry': { entryId: 3 },
  'conflicts.resolve': { entryId: 3, field: 'fee', resolution: 'mine' },
  'updates.status': {},
  'updates.check': {},
  'updates.installOnQuit': { install: true },
};

/** Payloads of the right shape but a wrong type or value in one field. */
const wrongInputs: Array<[ContractMethod, string, unknown, string]> = [
  [
    'duplicates.mark',
    'a mark of no known kind',
    { ...validInputs['duplicates.mark'], kind: 'maybe' },
    'kind',
  ],
  [
    'review.decideService',
    'a return without remarks',
    { ...validInputs['review.decideService'], remarks: [] },
    'remarks',
  ],
  [
    'review.decideService',
    'a remark with no text',
    {
      ...validInputs['review.decideService'],
      remarks: [{ field: 'fee', text: '  ' }],
    },
    'remarks.0.text',
  ],
  [
    'review.decideService',
    'submission number 0',
    { ...validInputs['review.decideService'], submissionNo: 0 },
    'submissionNo',
  ],
  [
    'review.decideServiceName',
    'a rejection without a reason',
    { ...validInputs['review.decideServiceName'], reason: '' },
    'reason',
  ],
  ['review.queue', 'an unknown kind of change', { kind: 'rename' }, 'kind'],
  [
    'analytics.saveChart',
    'a data URL that is not a PNG',
    { name: 'x', dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' },
    'dataUrl',
  ],
  [
    'evaluation.saveAnswer',
    'a percentage over 100',
    {
      ...validInputs['evaluation.saveAnswer'],
      value: { kind: 'percent', value: 140 },
    },
    'value.value',
  ],
  [
    'reports.export',
    'an unknown format',
    { ...validInputs['reports.export'], format: 'docx' },
    'format',
  ],
  ['session.login', 'a numeric username', { username: 42, password: 'x' }, 'username'],
  ['session.login', 'no password', { username: 'reviewer' }, 'password'],
  [
    'session.login',
    'an empty password',
    { username: 'reviewer', password: '' },
    'password',
  ],
  [
    'session.login',
    'an ftp server URL',
    { serverUrl: 'ftp://dxer.az', username: 'a', password: 'b' },
    'serverUrl',
  ],
  [
    'session.login',
    'a file server URL',
    { serverUrl: 'file:///etc/passwd', username: 'a', password: 'b' },
    'serverUrl',
  ],
  ['settings.setLanguage', 'an unsupported language', { language: 'fr' }, 'language'],
  ['settings.setServerUrl', 'an ftp server', { serverUrl: 'ftp://dxer.az' }, 'serverUrl'],
  ['settings.setServerUrl', 'no address', { serverUrl: '  ' }, 'serverUrl'],
  ['settings.setServerUrl', 'a bare word', { serverUrl: 'dxer' }, 'serverUrl'],
  ['settings.setServerUrl', 'no host', { serverUrl: 'http://' }, 'serverUrl'],
  ['settings.setServerUrl', 'port 0', { serverUrl: 'http://dxer.az:0' }, 'serverUrl'],
  [
    'settings.setServerUrl',
    'a port over 65535',
    { serverUrl: 'http://dxer.az:70000' },
    'serverUrl',
  ],
  [
    'settings.setServerUrl',
    'a path the API would drop',
    { serverUrl: 'https://dxer.az/api' },
    'serverUrl',
  ],
  [
    'settings.setServerUrl',
    'a password in the address',
    { serverUrl: 'https://admin:secret@dxer.az' },
    'serverUrl',
  ],
  ['settings.setServerUrl', 'a number', { serverUrl: 8787 }, 'serverUrl'],
  [
    'settings.setUpdateChannel',
    'an unknown channel',
    { updateChannel: 'nightly' },
    'updateChannel',
  ],
  ['backup.restore', 'no file', { isConfirmed: true }, 'filePath'],
  [
    'backup.restore',
    'a confirmation as a string',
    { filePath: '/tmp/b.sqlite', isConfirmed: 'yes' },
    'isConfirmed',
  ],
  ['backup.export', 'an empty path', { filePath: '' }, 'filePath'],
  ['services.list', 'a limit of 0', { limit: 0 }, 'limit'],
  ['services.list', 'a limit as a string', { limit: '10' }, 'limit'],
  ['services.list', 'a negative offset', { offset: -1 }, 'offset'],
  ['services.list', 'withTotal as a string', { withTotal: 'no' }, 'withTotal'],
  ['services.list', 'an unknown type', { type: 'digital' }, 'type'],
  ['services.list', 'a query over 200 characters', { query: 'q'.repeat(201) }, 'query'],
  ['services.list', 'an agency id that is not a UUID', { agencyId: 'mlspp' }, 'agencyId'],
  [
    'services.get',
    'a service id that is not a UUID',
    { serviceId: 'XID-000123' },
    'serviceId',
  ],
  ['services.create', 'no service name id', {}, 'serviceNameId'],
  [
    'services.saveDraft',
    'a record that is a string',
    { serviceId, record: 'x' },
    'record',
  ],
  [
    'services.saveDraft',
    'a negative fee',
    { serviceId, record: { fee: { amountQepik: -1 } } },
    'record.fee.amountQepik',
  ],
  [
    'services.saveDraft',
    'a percent over 100',
    { serviceId, record: { automationDegree: 101 } },
    'record.automationDegree',
  ],
  [
    'services.saveHeldInput',
    'a field that is not a record field',
    { serviceId, field: 'registryCode', raw: 'XID-1' },
    'field',
  ],
  [
    'services.saveHeldInput',
    'a raw value longer than any field allows',
    { serviceId, field: 'description', raw: 'a'.repeat(500_001) },
    'raw',
  ],
  ['serviceNames.propose', 'a two-letter name', { name: 'ab' }, 'name'],
  [
    'serviceNames.propose',
    'aliases that are a string',
    { name: 'Pensiya', aliases: 'x' },
    'aliases',
  ],
  ['outbox.dismiss', 'a fractional entry id', { entryId: 1.5 }, 'entryId'],
  ['outbox.dismiss', 'an entry id as a string', { entryId: '3' }, 'entryId'],
  ['outbox.retry', 'a missing entry id', {}, 'entryId'],
  [
    'conflicts.resolve',
    'a field that is not a record field',
    { entryId: 3, field: 'registryCode', resolution: 'mine' },
    'field',
  ],
  [
    'conflicts.resolve',
    'an unknown resolution',
    { entryId: 3, field: 'fee', resolution: 'both' },
    'resolution',
  ],
];

function inputSchema(method: ContractMethod): z.ZodType {
  return contract[method].input;
}

describe('the renderer↔main contract', () => {
  it('lists exactly the methods it defines', () => {
    expect([...contractMethods].sort()).toEqual(Object.keys(validInputs).sort());
  });

  it.each(contractMethods)('gives %s an input and an output schema', (method) => {
    expect(contract[method].input).toBeInstanceOf(z.ZodType);
    expect(contract[method].output).toBeInstanceOf(z.ZodType);
  });

  it.each(contractMethods)('refuses an undefined answer from %s', (method) => {
    expect(contract[method].output.safeParse(undefined).success).toBe(false);
  });

  it.each(contractMethods)('accepts a well-formed payload for %s', (method) => {
    const result = inputSchema(method).safeParse(validInputs[method]);
    expect(result.error && fieldErrorsFromZod(result.error)).toBeUndefined();
  });

  it.each(contractMethods)(
    'refuses a payload for %s that carries an extra key',
    (method) => {
      const result = inputSchema(method).safeParse({
        ...validInputs[method],
        isAdmin: true,
      });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
      expect(result.error?.issues[0]?.message).toContain('isAdmin');
    },
  );

  it.each(contractMethods)('refuses a payload for %s that is not an object', (method) => {
    for (const payload of [null, undefined, 'services', 42, [], [validInputs[method]]]) {
      expect(inputSchema(method).safeParse(payload).success).toBe(false);
    }
  });

  it.each(wrongInputs)(
    'refuses %s with %s, naming "%s"',
    (method, _what, payload, path) => {
      const result = inputSchema(method).safeParse(payload);
      expect(result.success).toBe(false);
      expect(
        result.error && fieldErrorsFromZod(result.error).map((e) => e.path),
      ).toContain(path);
    },
  );

  it('keeps only the fields a draft save sends, so saving one field cannot reset the others', () => {
    const parsed = contract['services.saveDraft'].input.parse({
      serviceId,
      record: { description: 'Yeni təsvir', categories: ['social'] },
    });
    expect(parsed.record).toEqual({ description: 'Yeni təsvir', categories: ['social'] });
    expect(
      contract['services.saveDraft'].input.parse({ serviceId, record: {} }).record,
    ).toEqual({});
  });

  it('still completes and trims a field a draft save sends', () => {
    const parsed = contract['services.saveDraft'].input.parse({
      serviceId,
      record: {
        description: '  Yeni təsvir  ',
        fee: { isFree: false, amountQepik: 500 },
      },
    });
    expect(parsed.record.description).toBe('Yeni təsvir');
    expect(parsed.record.fee).toEqual({
      isFree: false,
      amountQepik: 500,
      currency: 'AZN',
      legalBasis: '',
      paymentMethods: [],
    });
  });

  it.each([
    ['https://DXER.example.az/', 'https://dxer.example.az'],
    ['  http://127.0.0.1:8787  ', 'http://127.0.0.1:8787'],
    ['https://dxer.az:443', 'https://dxer.az'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('keeps the server address %j as its origin %j', (given, kept) => {
    expect(contract['settings.setServerUrl'].input.parse({ serverUrl: given })).toEqual({
      serverUrl: kept,
    });
  });

  it('says what is wrong with a server address in words', () => {
    const result = contract['settings.setServerUrl'].input.safeParse({
      serverUrl: 'https://dxer.az/api/v1',
    });
    expect(result.error?.issues[0]?.message).toBe(
      'The server address is the host and port only, without a path',
    );
  });

  it('fills the service list query with its defaults', () => {
    expect(contract['services.list'].input.parse({})).toEqual({
      query: '',
      agencyId: null,
      category: null,
      type: null,
      status: null,
      offset: 0,
      limit: 100,
    });
  });

  it('describes a payload schema for every event main sends', () => {
    expect(Object.keys(contractEvents).sort()).toEqual([
      'backup.progress',
      'data.changed',
      'export.progress',
      'session.changed',
      'store.reopened',
      'sync.status',
      'updates.status',
    ]);
    expect(
      contractEvents['data.changed'].safeParse({ entities: ['service', 'outbox'] })
        .success,
    ).toBe(true);
    expect(
      contractEvents['data.changed'].safeParse({ entities: ['users'] }).success,
    ).toBe(false);
  });

  it('carries the update state as a tagged union and refuses a percent past 100', () => {
    const status = {
      currentVersion: '0.1.0',
      channel: 'stable',
      lastCheckedAt: '2026-12-04T06:00:00.000Z',
      state: { kind: 'downloading', version: '0.2.0', percent: 42 },
    };
    expect(contractEvents['updates.status'].safeParse(status).success).toBe(true);
    expect(
      contractEvents['updates.status'].safeParse({
        ...status,
        state: { kind: 'downloading', version: '0.2.0', percent: 142 },
      }).success,
    ).toBe(false);
    expect(
      contractEvents['updates.status'].safeParse({ ...status, channel: 'nightly' })
        .success,
    ).toBe(false);
    expect(
      contract['updates.installOnQuit'].input.safeParse({ install: 'yes' }).success,
    ).toBe(false);
  });
});
