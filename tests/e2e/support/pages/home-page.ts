import type { Locator, Page } from '@playwright/test';

/** The home screen with the registry's figures, and the app's main navigation. */
export class HomePage {
  readonly title: Locator;
  readonly figuresTitle: Locator;
  readonly navigation: Locator;
  readonly logout: Locator;

  constructor(page: Page) {
    this.title = page.getByRole('heading', {
      level: 1,
      name: 'Dövlət Xidmətlərinin Elektron Reyestri',
    });
    this.figuresTitle = page.getByRole('heading', { name: 'Statistik göstəricilər' });
    this.navigation = page.getByRole('navigation', { name: 'Əsas naviqasiya' });
    this.logout = page.getByRole('button', { name: 'Çıxış' });
  }

  /** The value shown for one figure, by its Azerbaijani label. */
  figure(label: string): Locator {
    return this.figuresTitle
      .locator('xpath=following-sibling::dl[1]')
      .locator('div', { has: this.figuresTitle.page().getByText(label, { exact: true }) })
      .locator('dd');
  }
}
