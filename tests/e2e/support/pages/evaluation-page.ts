import type { Locator, Page } from '@playwright/test';

/** The evaluator's desk: the campaign, its services and one service's sheet. */
export class EvaluationPage {
  readonly title: Locator;
  readonly services: Locator;
  readonly sheet: Locator;
  readonly result: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByRole('heading', {
      level: 1,
      name: 'ASAN xidmət indeksi üzrə qiymətləndirmə',
    });
    this.services = page.getByRole('list', { name: 'Qiymətləndirilən xidmətlər' });
    this.sheet = page.getByRole('article');
    this.result = this.sheet.getByRole('status');
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Əsas naviqasiya' })
      .getByRole('button', { name: 'Qiymətləndirmə', exact: true })
      .click();
    await this.title.waitFor();
  }

  /** The group of one sub-criterion's answer controls, by its Azerbaijani name. */
  subCriterion(name: string): Locator {
    return this.sheet.getByRole('group', { name, exact: true });
  }

  /** The first sub-criterion of the sheet. */
  firstSubCriterion(): Locator {
    return this.sheet.locator('.sub-criterion').first();
  }
}
