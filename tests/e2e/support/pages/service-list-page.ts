import type { Locator, Page } from '@playwright/test';

/** The services screen: search, filters, and the table of matching services. */
export class ServiceListPage {
  readonly title: Locator;
  readonly search: Locator;
  readonly agencyFilter: Locator;
  readonly statusFilter: Locator;
  readonly table: Locator;
  readonly total: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1, name: 'Xidmətlər' });
    this.search = page.getByRole('searchbox', { name: 'Axtarış' });
    this.agencyFilter = page.getByLabel('Qurum', { exact: true });
    this.statusFilter = page.getByLabel('Status', { exact: true });
    this.table = page.getByRole('table', { name: 'Xidmətlər siyahısı' });
    this.total = page.getByRole('status').filter({ hasText: 'Tapılan xidmətlər' });
  }

  /** Opens the services screen from the main navigation. */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Əsas naviqasiya' })
      .getByRole('button', { name: 'Xidmətlər', exact: true })
      .click();
    await this.title.waitFor();
  }

  /** Data rows (the header row has no cells). */
  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The row of the service with this name. */
  row(name: string): Locator {
    return this.rows().filter({
      has: this.page.getByRole('button', { name, exact: true }),
    });
  }

  /** The name of the service shown in the row at this position among the data rows. */
  async nameAt(index: number): Promise<string> {
    return (await this.rows().nth(index).getByRole('button').first().innerText()).trim();
  }

  async openService(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name, exact: true }).click();
  }
}
