import type { Locator, Page } from '@playwright/test';

/** The reviewer's desk: the queue, the open submission, remarks and decisions. */
export class ReviewPage {
  readonly title: Locator;
  readonly queue: Locator;
  readonly detail: Locator;
  readonly approve: Locator;
  readonly decisionNotice: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByRole('heading', {
      level: 1,
      name: 'Təqdimatların yoxlanılması',
    });
    this.queue = page.getByRole('list', { name: 'Yoxlama növbəsi' });
    this.detail = page.getByRole('article');
    this.approve = this.detail.getByRole('button', { name: 'Təsdiqlə', exact: true });
    this.decisionNotice = this.detail.getByRole('status');
  }

  /** Opens the desk from the main navigation. */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Əsas naviqasiya' })
      .getByRole('button', { name: 'Yoxlama', exact: true })
      .click();
    await this.title.waitFor();
  }

  /** The queue entry of a submission, by its service's name. */
  item(name: string): Locator {
    return this.queue.getByRole('button').filter({ hasText: name });
  }

  /** A field of the open submission, compared with the approved version. */
  field(title: string): Locator {
    return this.detail.getByRole('region', { name: new RegExp(`^${title}`) });
  }

  /** The button that returns the submission, whatever its remark count. */
  returnButton(): Locator {
    return this.detail.getByRole('button', { name: /^Düzəliş üçün qaytar/ });
  }

  addRemark(fieldTitle: string): Locator {
    return this.detail.getByRole('button', { name: `«${fieldTitle}» sahəsinə qeyd yaz` });
  }

  remarkBox(fieldTitle: string, number: number): Locator {
    return this.detail.getByLabel(`«${fieldTitle}» üzrə qeyd ${number}`);
  }

  history(): Locator {
    return this.page.getByRole('region', { name: 'Tarixçə' });
  }
}
