import type { Locator, Page } from '@playwright/test';

/** The sign-in form, found by its Azerbaijani labels as a user sees them. */
export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.username = page.getByLabel('İstifadəçi adı', { exact: true });
    this.password = page.getByLabel('Şifrə', { exact: true });
    this.submit = page.getByRole('button', { name: 'Daxil ol', exact: true });
    this.error = page.getByRole('alert');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.username.waitFor();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
