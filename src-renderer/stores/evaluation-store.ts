import { makeAutoObservable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type {
  CampaignDetail,
  CampaignSummary,
  EvaluationSheet,
  SheetItem,
} from '../../shared/contract/evaluation-views';
import type { AnswerValue } from '../../shared/index/campaign';
import type { SubCriterion } from '../../shared/index/methodology';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

/** A note or evidence reference being typed, saved when the field is left. */
interface TextDraft {
  note: string;
  evidenceRef: string;
}

/**
 * The evaluator's desk: campaigns, the services of the open one with their
 * progress, and the scoring sheet of one service. Every answer goes to main
 * at once (and through the outbox to the server), so nothing is held here
 * but the note being typed.
 */
export class EvaluationStore {
  campaigns: CampaignSummary[] = [];
  campaignsError: ErrorBody | null = null;
  detail: CampaignDetail | null = null;
  detailError: ErrorBody | null = null;
  sheet: EvaluationSheet | null = null;
  sheetError: ErrorBody | null = null;
  saveError: ErrorBody | null = null;
  /** Sub-criteria whose answer is on its way to main. */
  savingCodes = new Set<string>();
  /** Notes and evidence typed but not yet saved, by sub-criterion code. */
  textDrafts = new Map<string, TextDraft>();

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<EvaluationStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  /** Loads the campaigns and refreshes what is open when evaluation data changes. */
  start(): () => void {
    void this.loadCampaigns();
    return this.api.on('data.changed', ({ entities }) => {
      if (entities.includes('evaluation') || entities.includes('outbox'))
        void this.refresh();
    });
  }

  async loadCampaigns(): Promise<void> {
    try {
      this.applyCampaigns(await this.api.invoke('evaluation.campaigns', {}));
    } catch (error) {
      this.campaignsFailed(error);
    }
  }

  async openCampaign(campaignId: string): Promise<void> {
    try {
      this.applyDetail(await this.api.invoke('evaluation.campaign', { campaignId }));
    } catch (error) {
      this.detailFailed(error);
    }
  }

  async openService(serviceId: string): Promise<void> {
    const campaignId = this.detail?.summary.id;
    if (!campaignId) return;
    try {
      this.applySheet(
        await this.api.invoke('evaluation.sheet', { campaignId, serviceId }),
      );
    } catch (error) {
      this.sheetFailed(error);
    }
  }

  /** The sheet's item for a sub-criterion. */
  itemFor(code: string): SheetItem | undefined {
    return this.sheet?.items.find((item) => item.subCriterionCode === code);
  }

  /** The note and evidence shown for a sub-criterion: as typed, else as saved. */
  textFor(code: string): TextDraft {
    const draft = this.textDrafts.get(code);
    if (draft) return draft;
    const mine = this.itemFor(code)?.mine;
    return { note: mine?.note ?? '', evidenceRef: mine?.evidenceRef ?? '' };
  }

  setNote(code: string, note: string): void {
    this.textDrafts.set(code, { ...this.textFor(code), note });
  }

  setEvidenceRef(code: string, evidenceRef: string): void {
    this.textDrafts.set(code, { ...this.textFor(code), evidenceRef });
  }

  /** Saves a new value for a sub-criterion with the note and evidence shown beside it. */
  async answer(sub: SubCriterion, value: AnswerValue | null): Promise<void> {
    await this.save(sub.code, value);
  }

  /** Saves the typed note and evidence, keeping the item's value. */
  async saveText(code: string): Promise<void> {
    if (!this.textDrafts.has(code)) return;
    const value = this.itemFor(code)?.mine?.value ?? null;
    if (value === null) return;
    await this.save(code, value);
  }

  private async save(code: string, value: AnswerValue | null): Promise<void> {
    const sheet = this.sheet;
    if (!sheet) return;
    const text = this.textFor(code);
    this.savingCodes.add(code);
    this.saveError = null;
    try {
      const next = await this.api.invoke('evaluation.saveAnswer', {
        campaignId: sheet.campaignId,
        serviceId: sheet.serviceId,
        subCriterionCode: code,
        value,
        note: text.note,
        evidenceRef: text.evidenceRef,
      });
      this.saved(code, next);
    } catch (error) {
      this.saveFailed(code, error);
    }
  }

  private async refresh(): Promise<void> {
    await this.loadCampaigns();
    if (this.detail) await this.openCampaign(this.detail.summary.id);
    if (this.sheet) await this.openService(this.sheet.serviceId);
  }

  private applyCampaigns(campaigns: CampaignSummary[]): void {
    this.campaigns = campaigns;
    this.campaignsError = null;
  }

  private campaignsFailed(error: unknown): void {
    this.campaignsError = errorBodyOf(error);
  }

  private applyDetail(detail: CampaignDetail): void {
    if (this.detail?.summary.id !== detail.summary.id) this.sheet = null;
    this.detail = detail;
    this.detailError = null;
  }

  private detailFailed(error: unknown): void {
    this.detailError = errorBodyOf(error);
  }

  private applySheet(sheet: EvaluationSheet): void {
    if (this.sheet?.serviceId !== sheet.serviceId) this.textDrafts.clear();
    this.sheet = sheet;
    this.sheetError = null;
  }

  private sheetFailed(error: unknown): void {
    this.sheetError = errorBodyOf(error);
  }

  private saved(code: string, sheet: EvaluationSheet): void {
    this.savingCodes.delete(code);
    this.textDrafts.delete(code);
    if (this.sheet?.serviceId === sheet.serviceId) this.sheet = sheet;
  }

  private saveFailed(code: string, error: unknown): void {
    this.savingCodes.delete(code);
    this.saveError = errorBodyOf(error);
  }
}
