import { makeAutoObservable } from 'mobx';
import type { DxerApi, Language } from '../../shared/contract/contract';
import type { Agency } from '../../shared/domain/agency';
import type { Category } from '../../shared/domain/category';
import { compareAz } from '../../shared/text/az';
import type { ErrorBody } from '../../shared/errors';
import { errorBodyOf } from '../api/contract-error';

/** Agencies and categories, for filters, pickers and names. */
export class ReferenceStore {
  agencies: Agency[] = [];
  categories: Category[] = [];
  error: ErrorBody | null = null;

  constructor(private readonly api: DxerApi) {
    makeAutoObservable<ReferenceStore, 'api'>(this, { api: false }, { autoBind: true });
  }

  start(): () => void {
    void this.load();
    return this.api.on('data.changed', ({ entities }) => {
      if (entities.includes('agency') || entities.includes('category')) void this.load();
    });
  }

  async load(): Promise<void> {
    try {
      const data = await this.api.invoke('reference.get', {});
      this.applyData(data.agencies, data.categories);
    } catch (error) {
      this.applyError(error);
    }
  }

  private applyData(agencies: Agency[], categories: Category[]): void {
    this.agencies = agencies;
    this.categories = categories;
    this.error = null;
  }

  private applyError(error: unknown): void {
    this.error = errorBodyOf(error);
  }

  get categoryCodes(): ReadonlySet<string> {
    return new Set(this.categories.map((category) => category.code));
  }

  get sortedCategories(): Category[] {
    return [...this.categories].sort((a, b) => a.sortOrder - b.sortOrder);
  }

  /** Active agencies in Azerbaijani dictionary order. */
  get sortedAgencies(): Agency[] {
    return this.agencies
      .filter((agency) => agency.isActive)
      .sort((a, b) => compareAz(a.nameAz, b.nameAz));
  }

  categoryName(code: string, language: Language): string {
    const category = this.categories.find((candidate) => candidate.code === code);
    if (!category) return code;
    return { az: category.nameAz, en: category.nameEn, ru: category.nameRu }[language];
  }

  /** Agencies have no Russian name in the registry; Russian shows the official Azerbaijani one. */
  agencyName(id: string, language: Language, fallback = id): string {
    const agency = this.agencies.find((candidate) => candidate.id === id);
    if (!agency) return fallback;
    return language === 'en' ? agency.nameEn : agency.nameAz;
  }
}
