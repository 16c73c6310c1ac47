import { makeAutoObservable } from 'mobx';
import type { DxerApi } from '../../shared/contract/contract';
import type { SimilarName } from '../../shared/contract/review-views';
import type { ServiceNameRow } from '../../shared/contract/views';
import { serviceNameTextSchema } from '../../shared/domain/service-name';
import type { ErrorBody } from '../../shared/errors';
import { compareAz } from '../../shared/text/az';
import { errorBodyOf } from '../api/contract-error';

/** How long typing pauses before similar names are looked up. */
const SIMILAR_DELAY_MS = 300;
/** Shorter names resemble too much to say anything. */
const MIN_SIMILAR_LENGTH = 5;

/** A name may have this many aliases (the contract's limit). */
const MAX_ALIASES = 20;

/** Aliases are typed one per line. */
export function aliasesFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Service names of the user's agency, and the form to propose a new one. */
export class ServiceNamesStore {
  rows: ServiceNameRow[] = [];
  loadError: ErrorBody | null = null;
  /** The proposal form. */
  name = '';
  aliasesText = '';
  hasTriedPropose = false;
  isProposing = false;
  proposeError: ErrorBody | null = null;
  /** The name whose service is being created. */
  creatingFor: string | null = null;
  /** Existing names the typed name resembles: a likely duplicate to look at first. */
  similar: SimilarName[] = [];
  private similarTimer: ReturnType<typeof setTimeout> | null = null;
  private similarFor = '';

  constructor(
    private readonly api: DxerApi,
    private readonly openService: (serviceId: string) => void,
  ) {
    makeAutoObservable<
      ServiceNamesStore,
      'api' | 'openService' | 'similarTimer' | 'similarFor'
    >(
      this,
      { api: false, openService: false, similarTimer: false, similarFor: false },
      { autoBind: true },
    );
  }

  start(): () => void {
    void this.load();
    return this.api.on('data.changed', ({ entities }) => {
      if (entities.includes('serviceName')) void this.load();
    });
  }

  async load(): Promise<void> {
    try {
      this.applyRows(await this.api.invoke('serviceNames.list', {}));
    } catch (error) {
      this.loadFailed(error);
    }
  }

  setName(text: string): void {
    this.name = text;
    if (this.similarTimer) clearTimeout(this.similarTimer);
    this.similarTimer = setTimeout(() => void this.checkSimilar(), SIMILAR_DELAY_MS);
  }

  /** Looks up existing names like the one typed, once typing pauses. */
  async checkSimilar(): Promise<void> {
    const name = this.name.trim();
    this.similarFor = name;
    if (name.length < MIN_SIMILAR_LENGTH) {
      this.applySimilar(name, []);
      return;
    }
    try {
      this.applySimilar(name, await this.api.invoke('serviceNames.similar', { name }));
    } catch {
      // The warning is a help, not a check: without it the proposal still goes to review.
      this.applySimilar(name, []);
    }
  }

  private applySimilar(name: string, similar: SimilarName[]): void {
    if (this.similarFor === name) this.similar = similar;
  }

  setAliasesText(text: string): void {
    this.aliasesText = text;
  }

  /** What is wrong with the typed name, shown as the user types. */
  get nameError(): string | null {
    if (this.name === '' && !this.hasTriedPropose) return null;
    const result = serviceNameTextSchema.safeParse(this.name);
    return result.success ? null : (result.error.issues[0]?.message ?? null);
  }

  /** What is wrong with the aliases, naming the line of the text box at fault. */
  get aliasesError(): { line: number; message: string } | null {
    const lines = this.aliasesText.split('\n');
    let count = 0;
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      count += 1;
      const result = serviceNameTextSchema.safeParse(line);
      if (!result.success) {
        return { line: index + 1, message: result.error.issues[0]?.message ?? '' };
      }
      if (count > MAX_ALIASES) {
        return { line: index + 1, message: `≤ ${MAX_ALIASES}` };
      }
    }
    return null;
  }

  async propose(): Promise<void> {
    this.hasTriedPropose = true;
    if (this.nameError !== null || this.aliasesError !== null) return;
    this.isProposing = true;
    this.proposeError = null;
    try {
      const row = await this.api.invoke('serviceNames.propose', {
        name: this.name,
        aliases: aliasesFromText(this.aliasesText),
      });
      this.applyProposed(row);
    } catch (error) {
      this.proposeFailed(error);
    }
  }

  /**
   * Opens the service described under an approved name, creating it the
   * first time. The list rows do not carry their service name's id, so an
   * existing service is found by its exact name within the agency; two
   * services of one agency with the same name would open the first.
   */
  async describe(row: ServiceNameRow): Promise<void> {
    this.creatingFor = row.id;
    this.proposeError = null;
    try {
      const existing = await this.api.invoke('services.list', {
        query: row.name,
        agencyId: row.agencyId,
        limit: 50,
      });
      const match = existing.rows.find((service) => service.name === row.name);
      const serviceId =
        match?.id ??
        (await this.api.invoke('services.create', { serviceNameId: row.id })).serviceId;
      this.finishDescribe();
      this.openService(serviceId);
    } catch (error) {
      this.describeFailed(error);
    }
  }

  get sortedRows(): ServiceNameRow[] {
    return [...this.rows].sort((a, b) => compareAz(a.name, b.name));
  }

  private applyRows(rows: ServiceNameRow[]): void {
    this.rows = rows;
    this.loadError = null;
  }

  private loadFailed(error: unknown): void {
    this.loadError = errorBodyOf(error);
  }

  private applyProposed(row: ServiceNameRow): void {
    this.rows = [...this.rows.filter((other) => other.id !== row.id), row];
    this.similar = [];
    this.name = '';
    this.aliasesText = '';
    this.hasTriedPropose = false;
    this.isProposing = false;
  }

  private proposeFailed(error: unknown): void {
    this.proposeError = errorBodyOf(error);
    this.isProposing = false;
  }

  private finishDescribe(): void {
    this.creatingFor = null;
  }

  private describeFailed(error: unknown): void {
    this.creatingFor = null;
    this.proposeError = errorBodyOf(error);
  }
}
