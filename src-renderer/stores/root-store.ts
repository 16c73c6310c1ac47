import { reaction } from 'mobx';
import type { DxerApi, Language } from '../../shared/contract/contract';
import { AnalyticsStore } from './analytics-store';
import { DuplicatesStore } from './duplicates-store';
import { EvaluationStore } from './evaluation-store';
import { HistoryStore } from './history-store';
import { NavigationStore } from './navigation-store';
import { OutboxStore } from './outbox-store';
import { ReferenceStore } from './reference-store';
import { RegistryStore } from './registry-store';
import { ResultsStore } from './results-store';
import { ReviewStore } from './review-store';
import { ServiceEditorStore } from './service-editor-store';
import { ServiceListStore } from './service-list-store';
import { ServiceNamesStore } from './service-names-store';
import { SessionStore } from './session-store';
import { SettingsStore } from './settings-store';
import { SimilarServicesStore } from './similar-services-store';
import { SyncStore } from './sync-store';
import { UpdateStore } from './update-store';

/** Creates every store, wires them together, and starts and stops their subscriptions. */
export class RootStore {
  readonly session: SessionStore;
  readonly settings: SettingsStore;
  readonly sync: SyncStore;
  readonly reference: ReferenceStore;
  readonly registry: RegistryStore;
  readonly serviceList: ServiceListStore;
  readonly editor: ServiceEditorStore;
  readonly serviceNames: ServiceNamesStore;
  readonly outbox: OutboxStore;
  readonly navigation: NavigationStore;
  readonly review: ReviewStore;
  readonly history: HistoryStore;
  readonly evaluation: EvaluationStore;
  readonly results: ResultsStore;
  readonly analytics: AnalyticsStore;
  readonly duplicates: DuplicatesStore;
  readonly similar: SimilarServicesStore;
  readonly updates: UpdateStore;

  private disposers: Array<() => void> = [];
  /** Subscriptions that exist only while someone is logged in. */
  private sessionDisposers: Array<() => void> = [];

  constructor(api: DxerApi, applyLanguage: (language: Language) => void) {
    this.navigation = new NavigationStore();
    this.session = new SessionStore(api);
    this.settings = new SettingsStore(api, applyLanguage);
    this.sync = new SyncStore(api);
    this.reference = new ReferenceStore(api);
    this.registry = new RegistryStore(api);
    this.serviceList = new ServiceListStore(api);
    this.editor = new ServiceEditorStore(api, () => this.reference.categoryCodes);
    this.serviceNames = new ServiceNamesStore(api, (serviceId) =>
      this.navigation.openService(serviceId),
    );
    this.outbox = new OutboxStore(api, () => this.sync.syncNow());
    this.review = new ReviewStore(api);
    this.history = new HistoryStore(api);
    this.evaluation = new EvaluationStore(api);
    this.results = new ResultsStore(api);
    this.analytics = new AnalyticsStore(api);
    this.duplicates = new DuplicatesStore(
      api,
      () => this.session.user?.role === 'reviewer',
    );
    this.similar = new SimilarServicesStore(api);
    this.updates = new UpdateStore(api);
  }

  /** Loads the session and settings; the data stores start once someone logs in. */
  start(): void {
    void this.settings.load();
    // Settings and updates concern the installed app, signed in or not.
    this.disposers.push(
      this.settings.start(),
      this.session.start(),
      this.updates.start(),
    );
    this.disposers.push(
      reaction(
        () => this.session.isLoggedIn,
        (isLoggedIn) => (isLoggedIn ? this.startSession() : this.stopSession()),
        { fireImmediately: true },
      ),
      reaction(
        () => this.navigation.route,
        (route) => {
          if (route.screen === 'editor') void this.editor.open(route.serviceId);
          else void this.editor.flush();
        },
      ),
    );
  }

  /** Saves what the editor still holds, then logs out. */
  async logout(): Promise<void> {
    await this.editor.flush();
    await this.session.logout();
  }

  stop(): void {
    this.stopSession();
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  private startSession(): void {
    this.sessionDisposers.push(
      this.sync.start(),
      this.reference.start(),
      this.registry.start(),
      this.serviceList.start(),
      this.serviceNames.start(),
      this.outbox.start(),
      this.editor.start(),
      this.history.start(),
      this.results.start(),
    );
    if (this.session.user?.role === 'evaluator')
      this.sessionDisposers.push(this.evaluation.start());
    // Only VXSİDA reviewers work a review queue.
    if (this.session.user?.role === 'reviewer')
      this.sessionDisposers.push(this.review.start());
    // Reviewers mark duplicate candidates; auditors and administrators read them.
    if (['reviewer', 'auditor', 'admin'].includes(this.session.user?.role ?? ''))
      this.sessionDisposers.push(this.duplicates.start());
  }

  private stopSession(): void {
    void this.editor.flush();
    for (const dispose of this.sessionDisposers.splice(0)) dispose();
    this.navigation.go({ screen: 'home' });
  }
}
