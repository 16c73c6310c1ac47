import type { Locator, Page } from '@playwright/test';

/** The sync status bar at the foot of every signed-in screen. */
export class StatusBar {
  readonly region: Locator;
  readonly syncNow: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('contentinfo', { name: 'Sinxronizasiya vəziyyəti' });
    this.syncNow = this.region.getByRole('button', { name: 'İndi sinxronlaşdır' });
  }
}
