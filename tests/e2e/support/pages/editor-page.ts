import type { Locator, Page } from '@playwright/test';

/** The service editor, found by its Azerbaijani labels and section titles. */
export class EditorPage {
  readonly saveState: Locator;
  readonly statusLabel: Locator;
  readonly description: Locator;
  readonly email: Locator;
  readonly feeSection: Locator;
  readonly isFree: Locator;
  readonly amount: Locator;
  readonly documentsSection: Locator;
  readonly addDocument: Locator;
  readonly submit: Locator;
  readonly back: Locator;
  readonly errorSummary: Locator;

  constructor(private readonly page: Page) {
    this.saveState = page.getByRole('article').getByRole('status');
    this.statusLabel = page.getByText(/^İşçi versiyanın statusu:/);
    this.description = page.getByLabel('Xidmətin təsviri', { exact: true });
    this.email = page.getByLabel('E-poçt', { exact: true });
    this.feeSection = page.getByRole('region', { name: 'Ödəniş məlumatı', exact: true });
    this.isFree = this.feeSection.getByRole('checkbox', { name: 'Ödənişsizdir' });
    this.amount = this.feeSection.getByLabel('Məbləğ (manat)', { exact: true });
    this.documentsSection = page.getByRole('region', {
      name: 'Tələb olunan sənədlər',
      exact: true,
    });
    this.addDocument = this.documentsSection.getByRole('button', {
      name: 'Sənəd əlavə et',
    });
    this.submit = page.getByRole('button', { name: 'Təsdiq üçün təqdim et' });
    this.back = page.getByRole('button', { name: '← Xidmətlər siyahısına qayıt' });
    this.errorSummary = page.getByRole('region', { name: /^Düzəldilməli sahələr/ });
  }

  /** The editor's title: the service's name. */
  title(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** The name box of the last document in the list. */
  lastDocumentName(): Locator {
    return this.documentsSection.getByLabel('Sənədin adı', { exact: true }).last();
  }

  paymentMethod(name: string): Locator {
    return this.feeSection.getByRole('checkbox', { name, exact: true });
  }

  /** Makes the service paid at this amount (typed as a person would, "12,50"), payable in cash. */
  async setPaidFee(amountText: string): Promise<void> {
    if (await this.isFree.isChecked()) await this.isFree.uncheck();
    await this.amount.fill(amountText);
    await this.amount.blur();
    const cash = this.paymentMethod('Nağd');
    if (!(await cash.isChecked())) await cash.check();
  }

  /** Adds a document with this name at the end of the list. */
  async addDocumentNamed(name: string): Promise<void> {
    await this.addDocument.click();
    await this.lastDocumentName().fill(name);
    await this.lastDocumentName().blur();
  }

  /** Scrolls a field to the middle of the form, clear of the sticky header and the status bar. */
  async showField(field: Locator): Promise<void> {
    await field.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  }

  /** Types a description and leaves the box, which saves at once. */
  async setDescription(text: string): Promise<void> {
    await this.description.fill(text);
    await this.description.blur();
  }
}
