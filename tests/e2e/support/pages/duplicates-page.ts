import type { Locator, Page } from '@playwright/test';

/** The reviewer's Duplicate candidates screen, found by its Azerbaijani labels. */
export class DuplicatesPage {
  readonly title: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByRole('heading', {
      level: 1,
      name: 'Təkrarlanan xidmət namizədləri',
    });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Əsas naviqasiya' })
      .getByRole('button', { name: 'Təkrarlanan xidmətlər', exact: true })
      .click();
    await this.title.waitFor();
  }

  /** The card of the pair that has a service with this name. */
  card(serviceName: string): Locator {
    return this.page.getByRole('article').filter({
      has: this.page.getByRole('heading', { level: 2, name: serviceName }),
    });
  }

  async mark(serviceName: string, button: string, note = ''): Promise<void> {
    const card = this.card(serviceName);
    if (note !== '') await card.getByLabel('Qeyd (istəyə görə)').fill(note);
    await card.getByRole('button', { name: button, exact: true }).click();
  }
}
