import { expect, saveScreenshot, test } from './support/fixtures';
import { HomePage } from './support/pages/home-page';
import { LoginPage } from './support/pages/login-page';

test('an agency user signs in and sees the registry figures on the home screen', async ({
  page,
  host,
}) => {
  const login = new LoginPage(page);
  await login.open(host.url);
  await saveScreenshot(page, 'smoke-login');

  await login.signIn('agency.mlspp', 'agency.mlspp-demo');

  const home = new HomePage(page);
  await expect(home.title).toBeVisible();
  await expect(home.figuresTitle).toBeVisible();
  await expect(home.navigation).toBeVisible();
  await expect(home.figure('Dövlət orqanı')).toHaveText(/\d/);
  await saveScreenshot(page, 'smoke-home');
});

test('a wrong password keeps the user on the sign-in form with an error', async ({
  page,
  host,
}) => {
  const login = new LoginPage(page);
  await login.open(host.url);

  await login.signIn('agency.mlspp', 'not-the-password');

  await expect(login.error).toBeVisible();
  await expect(login.username).toBeVisible();
});
