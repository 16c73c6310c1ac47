import type { Locator, Page } from '@playwright/test';

/** The changes screen: pending, refused and conflicting changes, with what to do. */
export class OutboxPage {
  readonly title: Locator;
  readonly pending: Locator;
  readonly conflicts: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByRole('heading', {
      level: 1,
      name: 'Dəyişikliklər və sinxronizasiya',
    });
    this.pending = page.getByRole('list', { name: /^Göndərilməyi gözləyən/ });
    this.conflicts = page.getByRole('list', { name: /^Ziddiyyətlər/ });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Əsas naviqasiya' })
      .getByRole('button', { name: /^Dəyişikliklər/ })
      .click();
    await this.title.waitFor();
  }

  /** One field's conflict, with base, mine and theirs side by side. */
  conflictOn(fieldTitle: string): Locator {
    return this.page.getByRole('region', { name: `Ziddiyyət: ${fieldTitle}` });
  }
}
