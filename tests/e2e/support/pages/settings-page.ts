import type { Locator, Page } from '@playwright/test';

/** The settings screen, found by its Azerbaijani labels. */
export class SettingsPage {
  readonly title: Locator;
  readonly language: Locator;
  readonly serverUrl: Locator;
  readonly serverSave: Locator;
  readonly dataSection: Locator;
  readonly dataSize: Locator;
  readonly backup: Locator;
  readonly restore: Locator;
  readonly restoreDialog: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1, name: 'Tənzimləmələr' });
    this.language = page.getByLabel('Dil', { exact: true });
    this.serverUrl = page.getByLabel('Server ünvanı', { exact: true });
    this.serverSave = page.getByRole('button', { name: 'Serveri dəyiş' });
    this.dataSection = page.getByRole('region', { name: 'Məlumatlar', exact: true });
    this.dataSize = this.dataSection.getByLabel('Verilənlər bazasının həcmi');
    this.backup = page.getByRole('button', { name: 'Ehtiyat nüsxə…' });
    this.restore = page.getByRole('button', { name: 'Bərpa et…' });
    this.restoreDialog = page.getByRole('alertdialog', {
      name: 'Ehtiyat nüsxədən bərpa',
    });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Əsas naviqasiya' })
      .getByRole('button', { name: 'Tənzimləmələr' })
      .click();
    await this.title.waitFor();
  }

  /** The data section's latest status line (backup saved, restored). */
  dataStatus(): Locator {
    return this.dataSection.getByRole('status');
  }
}
