import { z } from 'zod';
import { userSchema } from '../domain/user';
import { idSchema } from '../domain/ids';
import { serviceFieldSchema, serviceRecordPatchSchema } from '../domain/service-record';
import { serviceNameTextSchema } from '../domain/service-name';
import {
  analyticsExportSchema,
  analyticsFiltersSchema,
  analyticsSchema,
  chartImageSchema,
} from './analytics-views';
import {
  campaignDetailSchema,
  campaignSummarySchema,
  evaluationSheetSchema,
  exportInputSchema,
  exportResultSchema,
  reportSourceSchema,
  resultSourcesSchema,
  resultsViewSchema,
  saveAnswerInputSchema,
  trendPointSchema,
} from './evaluation-views';
import {
  decideServiceInputSchema,
  decideServiceNameInputSchema,
  historyEntrySchema,
  reviewQueueQuerySchema,
  reviewQueueSchema,
  serviceNameReviewSchema,
  serviceReviewSchema,
  similarNameSchema,
} from './review-views';
import {
  duplicateCandidateViewSchema,
  markDuplicateInputSchema,
  similarServicesSchema,
} from './duplicate-views';
import {
  backupInspectionSchema,
  backupResultSchema,
  chosenPathSchema,
  restoreResultSchema,
  serverUrlSchema,
  settingsViewSchema,
  updateChannelSchema,
} from './settings-views';
import { outboxEntrySchema, syncStatusSchema } from './sync-status';
import { updateStatusSchema } from './update-status';
import {
  heldInputSchema,
  referenceDataSchema,
  registryFiguresSchema,
  serviceCountSchema,
  serviceDetailSchema,
  serviceFiltersSchema,
  serviceListQuerySchema,
  serviceListSchema,
  serviceNameRowSchema,
} from './views';

/**
 * The renderer↔main contract: every method the renderer may call, with the
 * schema main checks its payload against and the shape of the answer. The
 * preload exposes exactly these methods; the development host serves the
 * same ones over HTTP on 127.0.0.1.
 */

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const languageSchema = z.enum(['az', 'en', 'ru']);
export type Language = z.infer<typeof languageSchema>;

export const sessionStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('loggedOut'), serverUrl: z.string() }),
  z.object({
    kind: z.literal('loggedIn'),
    user: userSchema,
    serverUrl: z.string(),
    /** True when the app opened on local data because the server could not be reached. */
    isOffline: z.boolean(),
  }),
]);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const contract = {
  'session.get': { input: empty, output: sessionStateSchema },
  'session.login': {
    input: z
      .object({
        serverUrl: serverUrlSchema.optional(),
        username: z.string().trim().min(1).max(64),
        password: z.string().min(1).max(200),
      })
      .strict(),
    output: sessionStateSchema,
  },
  'session.logout': { input: empty, output: sessionStateSchema },

  'settings.get': { input: empty, output: settingsViewSchema },
  'settings.setLanguage': {
    input: z.object({ language: languageSchema }).strict(),
    output: ok,
  },
  /**
   * Points this desktop at another server. Refused while local changes wait
   * to be sent (they belong to the current server); the session ends and
   * the synced rows go, since both belong to the old server.
   */
  'settings.setServerUrl': {
    input: z.object({ serverUrl: serverUrlSchema }).strict(),
    output: settingsViewSchema,
  },
  'settings.setUpdateChannel': {
    input: z.object({ updateChannel: updateChannelSchema }).strict(),
    output: settingsViewSchema,
  },
  /** Opens the data folder in the platform's file manager, where there is one. */
  'settings.openDataFolder': { input: empty, output: z.object({ opened: z.boolean() }) },

  /** Writes a consistent copy of the local database where the user chooses. */
  'backup.export': {
    input: z
      .object({
        filePath: chosenPathSchema.optional(),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: backupResultSchema,
  },
  /** Checks a backup file and says what restoring it would replace; changes nothing. */
  'backup.inspect': {
    input: z.object({ filePath: chosenPathSchema.optional() }).strict(),
    output: backupInspectionSchema,
  },
  /**
   * Replaces the local database with a backup, after a safety copy of the
   * current one. Refused with CONFIRMATION_REQUIRED when inspect warned and
   * the user has not confirmed.
   */
  'backup.restore': {
    input: z
      .object({ filePath: chosenPathSchema, isConfirmed: z.boolean().default(false) })
      .strict(),
    output: restoreResultSchema,
  },

  'reference.get': { input: empty, output: referenceDataSchema },
  'registry.figures': { input: empty, output: registryFiguresSchema },

  'services.list': { input: serviceListQuerySchema.strict(), output: serviceListSchema },
  /** The exact number of services the filters select (services.list with withTotal false leaves it out). */
  'services.count': { input: serviceFiltersSchema.strict(), output: serviceCountSchema },
  'services.get': {
    input: z.object({ serviceId: idSchema }).strict(),
    output: serviceDetailSchema,
  },
  'services.create': {
    input: z.object({ serviceNameId: idSchema }).strict(),
    output: z.object({ serviceId: idSchema }),
  },
  /** Saves the editor's current values of the given fields as a local draft. */
  'services.saveDraft': {
    input: z
      .object({
        serviceId: idSchema,
        record: serviceRecordPatchSchema,
      })
      .strict(),
    output: serviceDetailSchema,
  },
  /**
   * Keeps a field's raw value that saveDraft would refuse, so it survives a
   * restart; a later saveDraft of that field clears it.
   */
  'services.saveHeldInput': {
    input: heldInputSchema.extend({ serviceId: idSchema }).strict(),
    output: ok,
  },
  'services.submit': {
    input: z.object({ serviceId: idSchema }).strict(),
    output: serviceDetailSchema,
  },
  'services.withdraw': {
    input: z.object({ serviceId: idSchema }).strict(),
    output: serviceDetailSchema,
  },

  /** Every version, submission and decision of a service, oldest first. */
  'services.history': {
    input: z.object({ serviceId: idSchema }).strict(),
    output: z.array(historyEntrySchema),
  },

  /** Submissions and proposed names waiting for VXSİDA, oldest first. */
  'review.queue': { input: reviewQueueQuerySchema.strict(), output: reviewQueueSchema },
  'review.service': {
    input: z.object({ serviceId: idSchema }).strict(),
    output: serviceReviewSchema,
  },
  'review.serviceName': {
    input: z.object({ serviceNameId: idSchema }).strict(),
    output: serviceNameReviewSchema,
  },
  /** Queues approval or return of the submission the reviewer looked at. */
  'review.decideService': {
    input: decideServiceInputSchema,
    output: serviceReviewSchema,
  },
  /** Queues approval or rejection of a proposed name. */
  'review.decideServiceName': {
    input: decideServiceNameInputSchema,
    output: serviceNameReviewSchema,
  },

  /** Every duplicate candidate on this computer, best first, with this desktop's own marks. */
  'duplicates.list': { input: empty, output: z.array(duplicateCandidateViewSchema) },
  /** The pairs one service is part of (for agency staff: the merge proposals to them). */
  'duplicates.ofService': {
    input: z.object({ serviceId: idSchema }).strict(),
    output: z.array(duplicateCandidateViewSchema),
  },
  /** Queues a reviewer's mark on a pair, offline if need be. */
  'duplicates.mark': {
    input: markDuplicateInputSchema,
    output: duplicateCandidateViewSchema,
  },
  /**
   * Existing services (of any agency) that a service's current content
   * looks like: its draft for agency staff, the submission for a reviewer.
   */
  'services.similar': {
    input: z.object({ serviceId: idSchema }).strict(),
    output: similarServicesSchema,
  },

  /** Campaigns of the ASAN service index this user can see, newest first. */
  'evaluation.campaigns': { input: empty, output: z.array(campaignSummarySchema) },
  'evaluation.campaign': {
    input: z.object({ campaignId: idSchema }).strict(),
    output: campaignDetailSchema,
  },
  /** One service's scoring sheet with every evaluator's answers. */
  'evaluation.sheet': {
    input: z.object({ campaignId: idSchema, serviceId: idSchema }).strict(),
    output: evaluationSheetSchema,
  },
  /** Saves this evaluator's answer to one sub-criterion, offline if need be. */
  'evaluation.saveAnswer': {
    input: saveAnswerInputSchema,
    output: evaluationSheetSchema,
  },

  /** Campaigns with results and the years of imported published results. */
  'results.sources': { input: empty, output: resultSourcesSchema },
  'results.view': {
    input: z.object({ source: reportSourceSchema }).strict(),
    output: resultsViewSchema,
  },
  /** A provider's published results over the years. */
  'results.trend': {
    input: z.object({ agencyId: idSchema }).strict(),
    output: z.array(trendPointSchema),
  },
  /** Writes a report where the user chooses; never overwrites unless told to. */
  'reports.export': { input: exportInputSchema, output: exportResultSchema },

  /** The registry's indicators and breakdowns, computed live from the local store. */
  'analytics.get': {
    input: z.object({ filters: analyticsFiltersSchema }).strict(),
    output: analyticsSchema,
  },
  /** Saves one dashboard table as XLSX or CSV where the user chooses. */
  'analytics.export': { input: analyticsExportSchema, output: exportResultSchema },
  /** Saves a chart the renderer drew as a PNG where the user chooses. */
  'analytics.saveChart': { input: chartImageSchema, output: exportResultSchema },

  'serviceNames.list': { input: empty, output: z.array(serviceNameRowSchema) },
  /** Existing names a name being typed resembles, so the agency sees a likely duplicate. */
  'serviceNames.similar': {
    input: z.object({ name: z.string().trim().min(1).max(500) }).strict(),
    output: z.array(similarNameSchema),
  },
  'serviceNames.propose': {
    input: z
      .object({
        name: serviceNameTextSchema,
        aliases: z.array(serviceNameTextSchema).max(20).default([]),
      })
      .strict(),
    output: serviceNameRowSchema,
  },

  'sync.status': { input: empty, output: syncStatusSchema },
  'sync.now': { input: empty, output: syncStatusSchema },
  'outbox.list': { input: empty, output: z.array(outboxEntrySchema) },
  /** Drops a rejected entry once the user has read it; its local edit is reverted. */
  'outbox.dismiss': {
    input: z.object({ entryId: z.number().int() }).strict(),
    output: ok,
  },
  /** Sends a rejected entry's change again as a new intent, after the user fixed its cause. */
  'outbox.retry': {
    input: z.object({ entryId: z.number().int() }).strict(),
    output: ok,
  },
  /** Resolves one conflicting field of a conflicted entry. */
  'conflicts.resolve': {
    input: z
      .object({
        entryId: z.number().int(),
        field: serviceFieldSchema,
        resolution: z.enum(['mine', 'theirs', 'edit']),
        /** The edited value, for resolution "edit". */
        value: z.unknown().optional(),
      })
      .strict(),
    output: ok,
  },

  /** Where the desktop's update stands (checked at start and daily). */
  'updates.status': { input: empty, output: updateStatusSchema },
  /** Starts a check of the update feed now; progress arrives as updates.status events. */
  'updates.check': { input: empty, output: updateStatusSchema },
  /** The user's answer to installing the downloaded update when the app closes. */
  'updates.installOnQuit': {
    input: z.object({ install: z.boolean() }).strict(),
    output: updateStatusSchema,
  },
} as const;

export type Contract = typeof contract;
export type ContractMethod = keyof Contract;
export type ContractInput<M extends ContractMethod> = z.input<Contract[M]['input']>;
export type ContractOutput<M extends ContractMethod> = z.infer<Contract[M]['output']>;

/** The API object the preload exposes as window.dxer and the host bridge implements. */
export type DxerApi = {
  invoke<M extends ContractMethod>(
    method: M,
    input: ContractInput<M>,
  ): Promise<ContractOutput<M>>;
  /** Subscribes to main's events; returns the unsubscribe function. */
  on<E extends ContractEvent>(
    event: E,
    listener: (payload: ContractEventPayload<E>) => void,
  ): () => void;
};

/** The kinds of data the renderer shows, each refreshed when it changes. */
export const dataEntitySchema = z.enum([
  'agency',
  'category',
  'serviceName',
  'service',
  'outbox',
  'evaluation',
  'duplicateCandidate',
]);

export const contractEvents = {
  'sync.status': syncStatusSchema,
  /** Local data changed (a pull applied, a local edit saved); stores refresh. */
  'data.changed': z.object({ entities: z.array(dataEntitySchema) }),
  'session.changed': sessionStateSchema,
  /** A report being written: steps done of the total. */
  'export.progress': z.object({ done: z.number().int(), total: z.number().int() }),
  /** The update's state changed (found, n% downloaded, ready, waiting for sync, failed). */
  'updates.status': updateStatusSchema,
  /** A backup being written: database pages copied of the total. */
  'backup.progress': z.object({ done: z.number().int(), total: z.number().int() }),
  /** The local database was replaced by a backup: every store reloads. */
  'store.reopened': z.object({ filePath: z.string() }),
} as const;
export type ContractEvent = keyof typeof contractEvents;
export type ContractEventPayload<E extends ContractEvent> = z.infer<
  (typeof contractEvents)[E]
>;

export const contractMethods = Object.keys(contract) as ContractMethod[];

/** A contract call's failure as it crosses the boundary. */
export { errorBodySchema as contractErrorSchema } from '../errors';
