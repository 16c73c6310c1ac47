import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { ContractEvent, ContractMethod } from '../../shared/contract/contract';
import { contractMethods, languageSchema } from '../../shared/contract/contract';
import { DomainError } from '../../shared/errors';
import { compareAz } from '../../shared/text/az';
import { getService } from '../local-store/services-table';
import type { ContractHandlers } from '../contract/handlers';
import { readMeta } from '../local-store/meta-table';
import { listAgencies, listCategories } from '../local-store/reference-tables';
import {
  countServices,
  listServices,
  registryFigures,
} from '../local-store/service-queries';
import { dismissEntry, resolveConflict, retryRejected } from '../services/outbox-actions';
import { saveHeldInput } from '../services/held-inputs';
import { proposeServiceName } from '../services/service-name-edits';
import {
  createService,
  saveServiceDraft,
  submitService,
  withdrawService,
} from '../services/service-edits';
import { decideService, decideServiceName } from '../review/review-decisions';
import { similarNamesFor } from '../review/similar-names';
import { reviewQueue } from '../review/review-queue';
import { serviceHistory, serviceNameReview, serviceReview } from '../review/review-view';
import { exportAnalytics, saveChartImage } from '../analytics/analytics-export';
import type { ChosenPaths } from './chosen-paths';
import {
  candidateView,
  duplicateCandidateViews,
  serviceCandidateViews,
} from '../duplicates/candidate-views';
import { markDuplicate } from '../duplicates/duplicate-marks';
import { similarServices } from '../duplicates/similar-services';
import { registryAnalytics } from '../analytics/analytics-queries';
import { saveAnswer } from '../evaluation/answer-edits';
import {
  campaignDetail,
  campaignSummaries,
  evaluationSheet,
} from '../evaluation/evaluation-views';
import { exportResults } from '../evaluation/report-export';
import { resultSources, resultsTrend, resultsView } from '../evaluation/results-views';
import type { SessionService } from '../session/session-service';
import type { SyncEngine } from '../sync/sync-engine';
import { createPagesBeforeCounts } from './pages-before-counts';
import type { ChooseSavePath } from './save-path';
import { outboxView, serviceDetail, serviceNameRows } from './service-views';

export interface HandlerDeps {
  db: Knex;
  logger: Logger;
  /** Asks where to save a report (a dialog in Electron, a folder in the host), remembering the answer. */
  savePaths: ChosenPaths<ChooseSavePath>;
  session: SessionService;
  sync: SyncEngine;
  emit: (event: ContractEvent, payload: unknown) => void;
  /** Starts syncing for the signed-in user. */
  onLogin: () => void;
}

/**
 * The methods answered above the open store, since they manage the store
 * itself or the installed app and outlive a restore (settings-handlers.ts).
 */
export const storeMethods = [
  'settings.get',
  'settings.setLanguage',
  'settings.setServerUrl',
  'settings.setUpdateChannel',
  'settings.openDataFolder',
  'backup.export',
  'backup.inspect',
  'backup.restore',
  'updates.status',
  'updates.check',
  'updates.installOnQuit',
] as const satisfies readonly ContractMethod[];
export type StoreMethod = (typeof storeMethods)[number];

/** The methods createHandlers answers. */
export function storeHandlerMethods(): ContractMethod[] {
  const managing: readonly string[] = storeMethods;
  return contractMethods.filter((method) => !managing.includes(method));
}

/** The handlers that work in one open local store; replaced whole when a restore reopens it. */
export type StoreHandlers = Omit<ContractHandlers, StoreMethod>;

/** Every other method of the renderer↔main contract, over the local store. */
export function createHandlers(deps: HandlerDeps): StoreHandlers {
  const { db, session, sync } = deps;

  /** After a local edit: tell the renderer, and push soon. */
  const edited = async (entities: Array<'service' | 'serviceName'>) => {
    deps.emit('data.changed', { entities: [...entities, 'outbox'] });
    deps.emit('sync.status', await sync.status());
    sync.notifyLocalChange();
  };
  const detail = (serviceId: string) => serviceDetail(db, session.user(), serviceId);
  const listOrder = createPagesBeforeCounts();
  const { savePaths } = deps;

  return {
    'session.get': () => Promise.resolve(session.state()),
    'session.login': async (input) => {
      const state = await session.login(input.username, input.password, input.serverUrl);
      deps.emit('session.changed', state);
      deps.onLogin();
      return state;
    },
    'session.logout': async () => {
      await sync.stop();
      const state = await session.logout();
      deps.emit('session.changed', state);
      return state;
    },

    'reference.get': async () => ({
      agencies: (await listAgencies(db)).sort((a, b) => compareAz(a.nameAz, b.nameAz)),
      categories: await listCategories(db),
    }),
    'registry.figures': () => registryFigures(db, session.user()?.agencyId ?? null),

    'services.list': (input) => listOrder.page(() => listServices(db, input)),
    'services.count': (input) => listOrder.count(() => countServices(db, input)),
    'services.get': (input) => detail(input.serviceId),
    'services.create': async (input) => {
      const serviceId = await createService(db, session.actor(), input.serviceNameId);
      await edited(['service']);
      return { serviceId };
    },
    'services.saveDraft': async (input) => {
      await saveServiceDraft(db, session.actor(), input.serviceId, input.record);
      await edited(['service']);
      return detail(input.serviceId);
    },
    'services.saveHeldInput': async (input) => {
      await saveHeldInput(db, session.actor(), input.serviceId, input);
      return { ok: true };
    },
    'services.submit': async (input) => {
      await submitService(db, session.actor(), input.serviceId);
      await edited(['service']);
      return detail(input.serviceId);
    },
    'services.withdraw': async (input) => {
      await withdrawService(db, session.actor(), input.serviceId);
      await edited(['service']);
      return detail(input.serviceId);
    },

    'services.history': async (input) => {
      const service = await getService(db, input.serviceId);
      if (!service) {
        throw new DomainError('NOT_FOUND', 'No such service on this computer', [
          { path: 'serviceId', message: 'not found' },
        ]);
      }
      return serviceHistory(service);
    },

    'review.queue': (input) => reviewQueue(db, input),
    'review.service': (input) => serviceReview(db, session.user(), input.serviceId),
    'review.serviceName': (input) =>
      serviceNameReview(db, session.user(), input.serviceNameId),
    'review.decideService': async (input) => {
      await decideService(db, session.actor(), input);
      await edited(['service']);
      return serviceReview(db, session.user(), input.serviceId);
    },
    'review.decideServiceName': async (input) => {
      await decideServiceName(db, session.actor(), input);
      await edited(['serviceName']);
      return serviceNameReview(db, session.user(), input.serviceNameId);
    },

    'duplicates.list': () => duplicateCandidateViews(db),
    'duplicates.ofService': (input) => serviceCandidateViews(db, input.serviceId),
    'duplicates.mark': async (input) => {
      const candidate = await markDuplicate(db, session.actor(), input);
      deps.emit('data.changed', { entities: ['duplicateCandidate', 'outbox'] });
      deps.emit('sync.status', await sync.status());
      sync.notifyLocalChange();
      return candidateView(db, candidate);
    },
    'services.similar': (input) => similarServices(db, input.serviceId),

    'evaluation.campaigns': () => campaignSummaries(db, session.user()),
    'evaluation.campaign': (input) =>
      campaignDetail(db, session.user(), input.campaignId),
    'evaluation.sheet': (input) =>
      evaluationSheet(db, session.user(), input.campaignId, input.serviceId),
    'evaluation.saveAnswer': async (input) => {
      await saveAnswer(db, session.actor(), input);
      deps.emit('data.changed', { entities: ['evaluation', 'outbox'] });
      deps.emit('sync.status', await sync.status());
      sync.notifyLocalChange();
      return evaluationSheet(db, session.user(), input.campaignId, input.serviceId);
    },

    'results.sources': () => resultSources(db),
    'results.view': (input) => resultsView(db, input.source),
    'results.trend': (input) => resultsTrend(db, input.agencyId),
    'reports.export': async (input) => {
      savePaths.assertChosen(input.filePath);
      return exportResults(db, input, {
        chooseSavePath: savePaths.choose,
        language: languageSchema.catch('az').parse(await readMeta(db, 'language')),
        onProgress: (done, total) => deps.emit('export.progress', { done, total }),
        logger: deps.logger,
      });
    },

    'analytics.get': (input) => registryAnalytics(db, input.filters),
    'analytics.export': (input) => {
      savePaths.assertChosen(input.filePath);
      return exportAnalytics(db, input, savePaths.choose);
    },
    'analytics.saveChart': (input) => {
      savePaths.assertChosen(input.filePath);
      return saveChartImage(input, savePaths.choose);
    },

    'serviceNames.list': () => serviceNameRows(db),
    'serviceNames.similar': (input) =>
      similarNamesFor(db, { id: null, name: input.name }),
    'serviceNames.propose': async (input) => {
      const name = await proposeServiceName(db, session.actor(), input);
      await edited(['serviceName']);
      return { ...name, syncState: 'pending' };
    },

    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'outbox.list': () => outboxView(db),
    'outbox.dismiss': async (input) => {
      await dismissEntry(db, input.entryId);
      await edited(['service', 'serviceName']);
      return { ok: true };
    },
    'outbox.retry': async (input) => {
      await retryRejected(db, session.actor(), input.entryId);
      await edited(['service', 'serviceName']);
      return { ok: true };
    },
    'conflicts.resolve': async (input) => {
      await resolveConflict(db, session.actor(), input);
      await edited(['service']);
      return { ok: true };
    },
  };
}
