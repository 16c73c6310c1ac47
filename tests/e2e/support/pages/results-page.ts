import type { Locator, Page } from '@playwright/test';

/** The index results: a source, ranked groups, a provider's trend, exports. */
export class ResultsPage {
  readonly title: Locator;
  readonly source: Locator;
  readonly exportBar: Locator;
  readonly saved: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByRole('heading', {
      level: 1,
      name: 'ASAN xidmət indeksi — nəticələr',
    });
    this.source = page.getByLabel('Nəticələr', { exact: true });
    this.exportBar = page.getByRole('group', { name: 'Hesabatın ixracı' });
    this.saved = this.exportBar.getByRole('status');
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Əsas naviqasiya' })
      .getByRole('button', { name: 'İndeks nəticələri', exact: true })
      .click();
    await this.title.waitFor();
  }

  /** The ranked table of one group, by its heading. */
  group(heading: string): Locator {
    return this.page.getByRole('region', { name: heading });
  }

  exportButton(format: 'PDF' | 'XLSX' | 'CSV'): Locator {
    return this.exportBar.getByRole('button', { name: `${format} ixrac et` });
  }

  /** The path the last export was saved to, as the screen says it. */
  async savedPath(): Promise<string> {
    const text = await this.saved.innerText();
    const match = /Saxlanıldı: (.+)/u.exec(text);
    if (!match?.[1]) throw new Error(`no saved path in "${text}"`);
    return match[1].trim();
  }
}
